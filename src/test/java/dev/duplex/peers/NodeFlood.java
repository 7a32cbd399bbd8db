package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Floods from outside the JVM, with Node's {@code ws} (installed as for {@link NodeWsServer}), as fast as
 * the other side reads: each sender writes until ws's {@code bufferedAmount} passes 1 MiB, then waits for
 * the send callback of that message (the socket took it) before writing on. Messages are texts of 64 bytes.
 * <ul>
 *   <li>{@link #server()}: a server that, when a client sends it {@code flood N}, sends that client N
 *   messages;</li>
 *   <li>{@link #clients}: K clients that connect to a URL, wait for {@link #go()}, each send N messages,
 *   and read the answers.</li>
 * </ul>
 * Each line the script prints ({@code LISTENING port}, {@code OPEN}, {@code SENT}, {@code ECHOED} ...) is
 * waited for by its first word with {@link #await}, which gives the {@link System#nanoTime()} it was read.
 */
public final class NodeFlood implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<String[]>> lines = new ConcurrentHashMap<>();

    private NodeFlood(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::read, "node-flood-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** A flooding server on a free loopback port, once it listens. */
    public static NodeFlood server() throws Exception {
        NodeFlood flood = start("server");
        flood.await("LISTENING", 30);
        return flood;
    }

    /** {@code clients} clients of {@code url}, each to send {@code messages} once told {@link #go()}; returns once all are open. */
    public static NodeFlood clients(URI url, int clients, int messages) throws Exception {
        NodeFlood flood = start("clients", url.toString(), Integer.toString(clients), Integer.toString(messages));
        flood.await("OPEN", 30);
        return flood;
    }

    private static NodeFlood start(String... args) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        ExternalPrograms.require(ExternalPrograms.onPath("npm"), "npm is not on the PATH");
        Path dir = NodeWsServer.install();
        Path script = dir.resolve("flood.js");
        Files.writeString(script, SCRIPT);
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        return new NodeFlood(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
    }

    /** The server's URL. */
    public URI uri() throws Exception {
        return URI.create("ws://127.0.0.1:" + await("LISTENING", 1)[1] + "/");
    }

    /** Tells the clients to start sending. */
    public void go() throws IOException {
        stdin.write("go\n".getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
    }

    /**
     * Waits for the line that starts with {@code word} and returns its words, with the {@code nanoTime} it
     * was read as a last word.
     */
    public String[] await(String word, long seconds) throws Exception {
        try {
            return line(word).get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("node flood printed no " + word + " within " + seconds + " s; output:\n"
                    + String.join("\n", output), e);
        }
    }

    /** Forgets a line seen, so that the next one of that word can be waited for. */
    public void forget(String word) {
        lines.remove(word);
    }

    private CompletableFuture<String[]> line(String word) {
        return lines.computeIfAbsent(word, w -> new CompletableFuture<>());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = in.readLine()) != null) {
                long at = System.nanoTime();
                output.add(text);
                String[] words = (text + " " + at).split(" ");
                line(words[0]).complete(words);
            }
        } catch (IOException e) {
            output.add("(reading failed: " + e + ")");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    private static final String SCRIPT = """
            'use strict';
            // Written by dev.duplex.peers.NodeFlood (Duplex's benchmarks): floods as fast as the other side reads.
            const { WebSocketServer, WebSocket } = require('ws');
            const [mode, url, clientCount, perClient] = process.argv.slice(2);
            const HIGH = 1 << 20;
            const text = (i) => { const s = 'flood ' + i + ' '; return s + 'x'.repeat(64 - s.length); };

            // Sends total messages, never letting more than HIGH bytes wait in ws's buffer.
            function pump(ws, total, done) {
              let sent = 0;
              const step = () => {
                while (sent < total && ws.readyState === WebSocket.OPEN) {
                  sent++;
                  if (ws.bufferedAmount >= HIGH || sent === total) {
                    ws.send(text(sent), () => (sent < total ? step() : done()));
                    return;
                  }
                  ws.send(text(sent));
                }
              };
              step();
            }

            if (mode === 'server') {
              const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
              wss.on('listening', () => console.log('LISTENING ' + wss.address().port));
              wss.on('connection', (ws) => {
                ws.on('message', (data) => {
                  const m = /^flood (\\d+)$/.exec(data.toString());
                  if (m) pump(ws, Number(m[1]), () => console.log('SENT ' + m[1]));
                });
                ws.on('error', () => {});
              });
            } else {
              const k = Number(clientCount), n = Number(perClient);
              let open = 0, sent = 0, echoed = 0;
              const sockets = [];
              for (let i = 0; i < k; i++) {
                const ws = new WebSocket(url, { perMessageDeflate: false });
                let got = 0;
                ws.on('open', () => { if (++open === k) console.log('OPEN ' + k); });
                ws.on('message', () => { if (++got === n && ++echoed === k) console.log('ECHOED ' + (k * n)); });
                ws.on('error', (e) => console.log('ERROR ' + e.message));
                sockets.push(ws);
              }
              require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
                if (line.trim() !== 'go') return;
                for (const ws of sockets) pump(ws, n, () => { if (++sent === k) console.log('SENT ' + (k * n)); });
              });
            }
            if (mode === 'server') process.stdin.resume();
            process.stdin.on('end', () => process.exit(0));
            process.on('SIGTERM', () => process.exit(0));
            """;
}
