package dev.duplex.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

/**
 * Echo throughput and sequential latency of three servers side by side, driven by the same load client
 * in this JVM ({@link EchoLoad}: the JDK's own WebSocket): Duplex's embedded server as {@code duplex serve}
 * runs it, a bare Java-WebSocket echo server with the library's defaults, and Node's ws. All three run
 * for the whole benchmark; each gets the same warm-up round, then {@link #ROUNDS} measured rounds in
 * turn (the order rotates each round, so that no server always follows the same one), and the figures
 * are the medians of the rounds: on shared cores a single round swings too much to compare. Prints every
 * round, the medians and the ratios, and writes target/benchmark/echo.json. Run with
 * {@code mvn -B test -Pbench -Dtest=EchoBenchmark}; not part of the normal test run.
 */
@Tag("benchmark")
class EchoBenchmark {
    static final int CONNECTIONS = 8;
    static final int IN_FLIGHT = 16;
    static final int MESSAGE_BYTES = 64;
    static final int ROUNDS = Math.max(1, Integer.getInteger("echo.rounds", 5));
    /** Each round: this long under load before counting, then this long counted. */
    static final long RAMP_MS = 1_000;
    static final long MEASURE_MS = 3_000;
    /** Each round: round trips to warm up, then round trips timed. */
    static final int WARM_TRIPS = 1_000;
    static final int ROUND_TRIPS = 10_000;

    /** One server under test. */
    record Server(String name, URI url, LongSupplier cpuNanos) { }

    record Round(int round, String server, EchoLoad.Figures figures) { }

    @Test
    void echoServersSideBySide() throws Exception {
        // As `duplex serve` runs it: frames checked, not captured for a view.
        LabServer duplex = new LabServer(e -> { });
        duplex.setCaptureFrames(false);
        LongSupplier duplexCpu = ServerCpu.ofThreadsStartedBy(() -> duplex.start(new ServerConfig("127.0.0.1", 0, "", null)));
        BareServer bare = new BareServer();
        LongSupplier bareCpu = ServerCpu.ofThreadsStartedBy(() -> {
            bare.start();
            if (!bare.started.await(10, TimeUnit.SECONDS)) throw new AssertionError("the bare server did not start");
        });
        try (NodeWsServer node = NodeWsServer.start(NodeWsServer.Options.defaults())) {
            List<Server> servers = List.of(new Server("Duplex embedded server", duplex.url(), duplexCpu),
                    new Server("bare Java-WebSocket 1.6.0", URI.create("ws://127.0.0.1:" + bare.getPort() + "/"), bareCpu),
                    new Server("Node ws " + NodeWsServer.WS_VERSION, node.uri("/"), ServerCpu.ofProcess(node.pid())));
            EchoLoad load = new EchoLoad(MESSAGE_BYTES, CONNECTIONS, IN_FLIGHT);
            // Round 0 warms up the load client, the JIT and each server alike; it is printed, not counted.
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round <= ROUNDS; round++) {
                for (int i = 0; i < servers.size(); i++) {
                    Server s = servers.get((i + round) % servers.size());
                    EchoLoad.Figures f = load.measure(s.url(), s.cpuNanos(), RAMP_MS, MEASURE_MS, WARM_TRIPS, ROUND_TRIPS);
                    System.out.printf(Locale.ROOT, "round %d%s  %-26s %8.0f msgs/s  cpu %5.1f µs/echo  p50 %6.1f µs  "
                            + "p99 %7.1f µs  max %8.1f µs%s%n", round, round == 0 ? " (warm-up)" : "", s.name(),
                            f.messagesPerSecond(), f.cpuMicrosPerEcho(), f.p50Micros(), f.p99Micros(), f.maxMicros(),
                            f.stalls() == 0 ? "" : "  STALLED " + f.stalls() + "x (no echo in " + EchoLoad.STALL_S + " s)");
                    if (round > 0) rounds.add(new Round(round, s.name(), f));
                }
            }
            report(servers, rounds);
            // Duplex re-arms a held-back write (README, Limits and hardening): a stall there is a fault.
            int duplexStalls = stalls(rounds, servers.get(0).name());
            if (duplexStalls > 0) throw new AssertionError("Duplex's server held an echo back " + duplexStalls + " times");
        } finally {
            duplex.stop();
            bare.stop(2_000);
        }
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

    static int stalls(List<Round> rounds, String server) {
        return rounds.stream().filter(r -> r.server().equals(server)).mapToInt(r -> r.figures().stalls()).sum();
    }

    static double median(List<Round> rounds, String server, ToDoubleFunction<EchoLoad.Figures> figure) {
        double[] v = rounds.stream().filter(r -> r.server().equals(server)).mapToDouble(r -> figure.applyAsDouble(r.figures()))
                .sorted().toArray();
        if (v.length == 0) throw new AssertionError("no round measured " + server);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void report(List<Server> servers, List<Round> rounds) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nmedians of %d rounds%n%-28s %14s %12s %10s %10s %10s%n", ROUNDS,
                "echo server", "msgs/s (8x16)", "cpu µs/echo", "p50 µs", "p99 µs", "max µs"));
        StringBuilder json = new StringBuilder("{\n  \"machine\": \"" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + "\",\n");
        json.append(String.format(Locale.ROOT, "  \"load\": {\"connections\": %d, \"inFlight\": %d, \"messageBytes\": %d, "
                + "\"rounds\": %d, \"measureMs\": %d, \"roundTrips\": %d},%n", CONNECTIONS, IN_FLIGHT, MESSAGE_BYTES,
                ROUNDS, MEASURE_MS, ROUND_TRIPS));
        json.append("  \"echo\": [\n");
        double[][] medians = new double[servers.size()][];
        for (int i = 0; i < servers.size(); i++) {
            String name = servers.get(i).name();
            medians[i] = new double[] {median(rounds, name, EchoLoad.Figures::messagesPerSecond),
                median(rounds, name, EchoLoad.Figures::p50Micros), median(rounds, name, EchoLoad.Figures::p99Micros),
                median(rounds, name, EchoLoad.Figures::maxMicros), median(rounds, name, EchoLoad.Figures::cpuMicrosPerEcho)};
            table.append(String.format(Locale.ROOT, "%-28s %14.0f %12.1f %10.1f %10.1f %10.1f%n", name, medians[i][0],
                    medians[i][4], medians[i][1], medians[i][2], medians[i][3]));
            json.append(String.format(Locale.ROOT, "    {\"server\": \"%s\", \"messagesPerSecond\": %.0f, \"cpuMicrosPerEcho\": %.2f, "
                    + "\"p50Micros\": %.1f, \"p99Micros\": %.1f, \"maxMicros\": %.1f, \"stalls\": %d, \"rounds\": [%s]}%s%n", name,
                    medians[i][0], medians[i][4], medians[i][1], medians[i][2], medians[i][3], stalls(rounds, name),
                    roundsJson(rounds, name),
                    i < servers.size() - 1 ? "," : ""));
        }
        double toBare = medians[0][0] / medians[1][0];
        double toNode = medians[0][0] / medians[2][0];
        double p50ToNode = medians[0][1] / medians[2][1];
        double cpuToBare = medians[0][4] / medians[1][4];
        table.append(String.format(Locale.ROOT, "Duplex / bare throughput: %.2fx; Duplex / Node ws throughput: %.2fx; "
                + "Duplex p50 / Node p50: %.2fx; Duplex / bare CPU per echo: %.2fx%n", toBare, toNode, p50ToNode, cpuToBare));
        json.append("  ],\n").append(String.format(Locale.ROOT, "  \"ratios\": {\"duplexToBareThroughput\": %.3f, "
                + "\"duplexToNodeThroughput\": %.3f, \"duplexToNodeP50\": %.3f, \"duplexToBareCpuPerEcho\": %.3f}%n}%n",
                toBare, toNode, p50ToNode, cpuToBare));
        System.out.print(table);
        Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "echo.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.toString());
        System.out.println("written " + out);
    }

    private static String roundsJson(List<Round> rounds, String server) {
        return String.join(", ", rounds.stream().filter(r -> r.server().equals(server))
                .map(r -> String.format(Locale.ROOT, "{\"round\": %d, \"messagesPerSecond\": %.0f, \"cpuMicrosPerEcho\": %.2f, "
                        + "\"p50Micros\": %.1f}", r.round(), r.figures().messagesPerSecond(), r.figures().cpuMicrosPerEcho(),
                        r.figures().p50Micros()))
                .toArray(String[]::new));
    }
}
