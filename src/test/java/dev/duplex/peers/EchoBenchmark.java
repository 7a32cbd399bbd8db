package dev.duplex.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

/**
 * Echo throughput and sequential latency of three servers side by side, driven by the same load client
 * (the JDK's own WebSocket): Duplex's embedded server, a bare Java-WebSocket echo server with the
 * library's defaults, and Node's ws. Prints a table and writes target/benchmark/echo.json. Run with
 * {@code mvn -B verify -Pbench}; not part of the normal test run.
 */
@Tag("benchmark")
class EchoBenchmark {
    static final int CONNECTIONS = 8;
    static final int IN_FLIGHT = 16;
    static final int MESSAGE_BYTES = 64;
    static final long WARM_UP_MS = 1_500;
    static final long MEASURE_MS = 5_000;
    static final int ROUND_TRIPS = 20_000;

    record Result(String server, double messagesPerSecond, double p50Micros, double p99Micros, double maxMicros) { }

    @Test
    void echoServersSideBySide() throws Exception {
        List<Result> results = new ArrayList<>();
        // The load client (and the JIT) warm up on a throwaway round first: whichever server came first
        // would otherwise pay for it.
        BareServer warmUp = new BareServer();
        warmUp.start();
        warmUp.started.await(10, TimeUnit.SECONDS);
        try {
            measure("warm-up", URI.create("ws://127.0.0.1:" + warmUp.getPort() + "/"));
        } finally {
            warmUp.stop(2_000);
        }

        // As `duplex serve` runs it: frames checked, not captured for a view.
        LabServer duplex = new LabServer(e -> { });
        duplex.setCaptureFrames(false);
        duplex.start(new ServerConfig("127.0.0.1", 0, "", null));
        try {
            results.add(measure("Duplex embedded server", duplex.url()));
        } finally {
            duplex.stop();
        }

        BareServer bare = new BareServer();
        bare.start();
        bare.started.await(10, TimeUnit.SECONDS);
        try {
            results.add(measure("bare Java-WebSocket 1.6.0", URI.create("ws://127.0.0.1:" + bare.getPort() + "/")));
        } finally {
            bare.stop(2_000);
        }

        try (NodeWsServer node = NodeWsServer.start(NodeWsServer.Options.defaults())) {
            results.add(measure("Node ws " + NodeWsServer.WS_VERSION, node.uri("/")));
        }
        report(results);
    }

    /** A Java-WebSocket server as its README writes one: echo in onMessage, every setting default. */
    static final class BareServer extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        BareServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setDaemon(true);
        }

        @Override public void onOpen(org.java_websocket.WebSocket conn, org.java_websocket.handshake.ClientHandshake h) { }
        @Override public void onClose(org.java_websocket.WebSocket conn, int code, String reason, boolean remote) { }
        @Override public void onMessage(org.java_websocket.WebSocket conn, String message) { conn.send(message); }
        @Override public void onError(org.java_websocket.WebSocket conn, Exception ex) { }
        @Override public void onStart() { started.countDown(); }
    }

    static Result measure(String name, URI url) throws Exception {
        String message = "x".repeat(MESSAGE_BYTES);
        HttpClient http = HttpClient.newHttpClient();

        // Throughput: every connection keeps IN_FLIGHT messages out; each echo sends the next one.
        AtomicLong echoes = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Pipelined p = new Pipelined(message, echoes);
            WebSocket ws = http.newWebSocketBuilder().buildAsync(url, p).get(10, TimeUnit.SECONDS);
            p.start(ws);
            sockets.add(ws);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARM_UP_MS);
        while (System.nanoTime() < deadline) Thread.onSpinWait();
        long before = echoes.get();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.MILLISECONDS.toNanos(MEASURE_MS);
        while (System.nanoTime() < end) Thread.onSpinWait();
        double perSecond = (echoes.get() - before) / ((System.nanoTime() - t0) / 1e9);
        for (WebSocket ws : sockets) ws.abort();

        // Latency: one connection, one message at a time.
        SynchronousQueue<Boolean> back = new SynchronousQueue<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                w.request(1);
                if (last) {
                    try {
                        back.put(Boolean.TRUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        long[] rtt = new long[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS + 2_000; i++) {
            long s = System.nanoTime();
            ws.sendText(message, true).get(5, TimeUnit.SECONDS);
            back.poll(5, TimeUnit.SECONDS);
            if (i >= 2_000) rtt[i - 2_000] = System.nanoTime() - s; // the first 2 000 warm up
        }
        ws.abort();
        Arrays.sort(rtt);
        return new Result(name, perSecond, rtt[ROUND_TRIPS / 2] / 1e3, rtt[(int) (ROUND_TRIPS * 0.99)] / 1e3,
                rtt[ROUND_TRIPS - 1] / 1e3);
    }

    /** One load connection: IN_FLIGHT messages out at all times, sends chained as the JDK client requires. */
    static final class Pipelined implements WebSocket.Listener {
        private final String message;
        private final AtomicLong echoes;
        private CompletableFuture<WebSocket> sending;

        Pipelined(String message, AtomicLong echoes) {
            this.message = message;
            this.echoes = echoes;
        }

        synchronized void start(WebSocket ws) {
            sending = CompletableFuture.completedFuture(ws);
            for (int i = 0; i < IN_FLIGHT; i++) sendNext();
        }

        private synchronized void sendNext() {
            sending = sending.thenCompose(w -> w.sendText(message, true));
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            w.request(1);
            if (last) {
                echoes.incrementAndGet();
                sendNext();
            }
            return null;
        }
    }

    static void report(List<Result> results) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%-28s %14s %10s %10s %10s%n", "echo server", "msgs/s (8x16)",
                "p50 µs", "p99 µs", "max µs"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-28s %14.0f %10.1f %10.1f %10.1f%n", r.server(),
                    r.messagesPerSecond(), r.p50Micros(), r.p99Micros(), r.maxMicros()));
        }
        Result duplex = results.get(0);
        Result bare = results.get(1);
        Result node = results.get(2);
        table.append(String.format(Locale.ROOT, "Duplex / Node ws throughput: %.2fx; Duplex / bare throughput: %.2fx; "
                + "Duplex p50 / Node p50: %.2fx%n", duplex.messagesPerSecond() / node.messagesPerSecond(),
                duplex.messagesPerSecond() / bare.messagesPerSecond(), duplex.p50Micros() / node.p50Micros()));
        System.out.print(table);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        StringBuilder sb = new StringBuilder("{\n  \"machine\": \"").append(json.get("machine")).append("\",\n  \"echo\": [\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"server\": \"%s\", \"messagesPerSecond\": %.0f, \"p50Micros\": %.1f, "
                    + "\"p99Micros\": %.1f, \"maxMicros\": %.1f}%s%n", r.server(), r.messagesPerSecond(), r.p50Micros(),
                    r.p99Micros(), r.maxMicros(), i < results.size() - 1 ? "," : ""));
        }
        sb.append("  ]\n}\n");
        Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "echo.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
        System.out.println("written " + out);
    }
}
