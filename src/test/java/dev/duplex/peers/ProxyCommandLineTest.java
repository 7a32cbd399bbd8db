package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.cli.Cli;

/**
 * {@code duplex proxy} as typed, in this JVM, between Node's ws client and Node's ws server: a rewrite the
 * upstream receives rewritten, and a drop the client never gets (a marker sent after it arrives, and
 * nothing before it), with every step printed.
 */
class ProxyCommandLineTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+),");

    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<String> printed = new ArrayList<>();
    private CompletableFuture<Integer> run;
    private NodeProxyPeers.Upstream upstream;

    @AfterEach
    void tearDown() throws Exception {
        stop.countDown();
        if (run != null) assertEquals(Cli.OK, run.get(10, TimeUnit.SECONDS), () -> String.join("\n", printed));
        if (upstream != null) upstream.close();
    }

    /** Starts `duplex proxy ARGS`, reads its first line, and returns the URL it listens at. */
    private URI startProxy(BufferedReader[] lines, String... args) throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 20);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        String[] argv = new String[args.length + 1];
        argv[0] = "proxy";
        System.arraycopy(args, 0, argv, 1, args.length);
        run = CompletableFuture.supplyAsync(() -> {
            try {
                return Cli.run(argv, new ByteArrayInputStream(new byte[0]), out, out, latch -> {
                    new Thread(() -> {
                        try {
                            stop.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        latch.countDown();
                    }).start();
                });
            } finally {
                out.close();
            }
        });
        lines[0] = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        String first = readLine(lines[0]);
        Matcher m = LISTENING.matcher(first);
        assertTrue(m.find(), first);
        return URI.create(m.group(1));
    }

    private String readLine(BufferedReader lines) throws Exception {
        String line = lines.readLine();
        if (line == null) throw new AssertionError("the proxy ended; it printed:\n" + String.join("\n", printed));
        synchronized (printed) {
            printed.add(line);
        }
        return line;
    }

    /** Reads on until a line contains {@code fragment}; returns it. */
    private String await(BufferedReader lines, String fragment) throws Exception {
        while (true) {
            String line = readLine(lines);
            if (line.contains(fragment)) return line;
        }
    }

    @Test
    void aRewriteReachesTheServerRewrittenAndADropNeverReachesTheClient() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        BufferedReader[] lines = new BufferedReader[1];
        URI proxyUrl = startProxy(lines, "--listen", "127.0.0.1:0", "--upstream", upstream.uri("/").toString(),
                "--rewrite", "up:hello (\\w+)=>bonjour $1", "--drop", "down:^secret", "--show-frames");

        List<Map<String, String>> client = NodeProxyPeers.runClient(proxyUrl,
                new NodeProxyPeers.Script(List.of(), Map.of("Origin", "http://127.0.0.1"), false,
                        List.of("hello world", "secret plans", "marker"), 2, 1000, "done"));

        // The upstream got the rewritten text, and the secret (its echo is what was dropped on the way down).
        assertEquals("bonjour world", upstream.nextMessage().get("data"));
        assertEquals("secret plans", upstream.nextMessage().get("data"));
        assertEquals("marker", upstream.nextMessage().get("data"));
        // The client: the rewritten echo, then the marker, and never the secret, though it was echoed before the marker.
        assertEquals(List.of("bonjour world", "marker"),
                NodeProxyPeers.of(client, "message").stream().map(m -> m.get("data")).toList(), client::toString);
        assertEquals("1000", NodeProxyPeers.of(client, "close").get(0).get("code"));

        assertTrue(await(lines[0], "rewrite").contains("\"hello world\" rewritten to \"bonjour world\" (up:hello (\\w+)=>bonjour $1)"),
                () -> String.join("\n", printed));
        assertTrue(await(lines[0], "drop").contains("server → Duplex → client: dropped \"secret plans\""), () -> String.join("\n", printed));
        String closeLine = await(lines[0], "closed by the client");
        assertTrue(closeLine.contains("(1000) normal closure; reason \"done\"; passed to the server as (1000)"), closeLine);
        // With --show-frames both legs' frames are printed, each way.
        String all = String.join("\n", printed);
        for (String hop : new String[] {"client leg, client → Duplex: text FIN", "server leg, Duplex → server: text FIN",
                "server leg, server → Duplex: text FIN", "client leg, Duplex → client: text FIN"}) {
            assertTrue(all.contains(hop), hop + " in:\n" + all);
        }
    }

    @Test
    void anUpstreamWhereNothingListensIsPrintedAndTheClientIsAnswered502() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        BufferedReader[] lines = new BufferedReader[1];
        URI proxyUrl = startProxy(lines, "--listen", "0", "--upstream", "ws://127.0.0.1:" + closedPort + "/");
        java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> java.net.http.HttpClient.newHttpClient()
                        .newWebSocketBuilder().buildAsync(proxyUrl.resolve("/chat"), new java.net.http.WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS));
        java.net.http.WebSocketHandshakeException refused = org.junit.jupiter.api.Assertions.assertInstanceOf(
                java.net.http.WebSocketHandshakeException.class, failed.getCause());
        assertEquals(502, refused.getResponse().statusCode());
        String line = await(lines[0], "refused");
        assertTrue(line.contains("the upstream ws://127.0.0.1:" + closedPort + "/chat did not take the connection: connection"
                + " refused: nothing is listening at ws://127.0.0.1:" + closedPort + "/chat. The client was answered HTTP 502."), line);
    }
}
