package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duplex check --client -- node client.js {url}}: the client check, through the command line,
 * against Node's {@code ws} client (npm's, as installed for {@link NodeWsServer}), one node process per case.
 */
class ClientCheckAgainstNodeWsTest {
    /** An echo client with ws: connects to its argument, sends back every message as it came, exits when closed. */
    private static final String CLIENT = """
            // Written by ClientCheckAgainstNodeWsTest: an echoing ws client for duplex check --client.
            const WebSocket = require('ws');
            const ws = new WebSocket(process.argv[2]);
            ws.on('message', (data, isBinary) => { try { ws.send(data, { binary: isBinary }); } catch (e) { } });
            ws.on('error', () => { });
            ws.on('close', () => process.exit(0));
            """;

    @Test
    void nodeWsClientThroughTheCommandLine(@TempDir Path tmp) throws Exception {
        Path dir = NodeWsServer.install();
        Path script = dir.resolve("client-check-echo.js");
        Files.writeString(script, CLIENT);
        ClientCheckRun run = ClientCheckRun.run(tmp, List.of(), List.of("node", script.toString(), "{url}"));
        System.out.println("node ws " + NodeWsServer.WS_VERSION + ":\n" + String.join("\n", run.summary()));
        System.out.println("FAIL: " + run.those("FAIL") + "\nNON-STRICT: " + run.those("NON-STRICT") + "\nINFORMATIONAL: " + run.those("INFORMATIONAL"));
        assertEquals(131, run.verdicts().size(), run.out() + run.err());
        assertTrue(run.out().contains("Total: 131 cases"), run.out());
        assertEquals(run.verdicts().containsValue("FAIL") ? 4 : 0, run.status(), run.out() + run.err());
        // ws, as measured: clean but for what the README says.
        assertEquals("", run.those("FAIL"), "ws's FAILs");
    }
}
