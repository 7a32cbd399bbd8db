package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code duplex connect --decode json-rpc} against npm's rpc-websockets server (not ours): a call composed
 * with /call and one typed as raw JSON are each paired with their response and round trip, an unknown
 * method's error is said for its request, and input that ends right after a call still gets its answer.
 */
class JsonRpcOnTheCommandLineTest {
    static final String VERSION = "10.0.1";
    private static final String SCRIPT = """
            const { Server } = require('rpc-websockets');
            const server = new Server({ port: 0, host: '127.0.0.1' });
            server.register('sum', (params) => params[0] + params[1]);
            server.register('slow', () => new Promise((r) => setTimeout(() => r('late'), 300)));
            server.on('listening', () => console.log(JSON.stringify({ listening: server.wss.address().port })));
            """;

    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();

    @Test
    void pairsEachResponseWithItsRequest() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path dir = NodeWsServer.installPackage("node-rpc-websockets", "rpc-websockets", VERSION);
        Files.writeString(dir.resolve("server.js"), SCRIPT);
        Process node = new ProcessBuilder("node", "server.js").directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String listening = CompletableFuture.supplyAsync(() -> {
                try {
                    return said.readLine();
                } catch (java.io.IOException e) {
                    return String.valueOf(e);
                }
            }).get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String port = listening.replaceAll("\\D", "");
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = ConsoleLines.connect(stdin, out, err, "connect", "--decode", "json-rpc",
                    "--wait", "10000", "ws://127.0.0.1:" + port + "/");
            out.await("onopen");

            type.println("/call sum [2, 3]");
            out.await("JSON-RPC", "1", "sum", "[2,3]");
            out.await("JSON-RPC", "1", "sum", " ms", ": 5");

            type.println("{\"jsonrpc\":\"2.0\",\"id\":\"raw-7\",\"method\":\"sum\",\"params\":[40,2]}");
            out.await("JSON-RPC", "\"raw-7\"", "sum", " ms", ": 42");

            type.println("/call nothing-here");
            err.await("JSON-RPC", "2", "nothing-here", "-32601");

            type.println("/call sum 1 2");
            err.await("JSON", "1 2");
            type.println("/call");
            err.await("/call METHOD");

            type.println("/call slow");
            type.close();
            out.await("JSON-RPC", "3", "slow", "\"late\"");
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            node.destroy();
        }
    }
}
