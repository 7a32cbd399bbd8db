package dev.duplex.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.LogBuffer;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerClient;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeFlood;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * The window under a flood from outside (Node's {@code ws}, as fast as the window reads): the client's
 * tab with 100 000 and 1 000 000 messages of 64 B, with its log and then its frames view in front; the
 * embedded server with 50 clients flooding it, with its log, its clients table and its frames view in
 * front in turn. For each: the longest gap between FX pulses, the slowest of the keys typed into the
 * message box meanwhile, the counts (which must add up exactly, or the run fails), and for the client the
 * window's rate against headless `duplex connect`'s on the same flood (its own JVM, alternated with the
 * window's runs). Also the heap each log line costs beyond its payload. Run with -Pbench; writes
 * target/benchmark/flood.json and log.json. To see where the time goes, run it with
 * {@code JAVA_TOOL_OPTIONS=-XX:StartFlightRecording:filename=/tmp/jfr/} (a directory: one recording per JVM).
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class FloodBenchmark {
    private static final int SERVER_CLIENTS = 50;
    private static final int SERVER_MESSAGES_EACH = 4_000;

    private Workbench model;

    /** One flood's figures; {@code gaps} is the pulse gaps' {p50, p99, how many over 100 ms}. */
    record Result(String scenario, double worstPulseMs, double worstWorkMs, double[] gaps, double worstKeyMs, int keys,
                  long received, long shown, long dropped, double windowRate, double connectRate) {
        String json() {
            return String.format(Locale.ROOT, "{\"scenario\": \"%s\", \"worstPulseGapMs\": %.1f, \"worstPulseWorkMs\": %.1f, "
                    + "\"p50PulseGapMs\": %.1f, \"p99PulseGapMs\": %.1f, \"pulsesOver100Ms\": %.0f, "
                    + "\"worstKeystrokeMs\": %.1f, \"keystrokes\": %d, \"received\": %d, \"shown\": %d, \"dropped\": %d, "
                    + "\"windowRate\": %.0f, \"connectRate\": %.0f, \"ratio\": %.3f}", scenario, worstPulseMs, worstWorkMs,
                    gaps[0], gaps[1], gaps[2], worstKeyMs, keys, received, shown, dropped, windowRate, connectRate,
                    connectRate > 0 ? windowRate / connectRate : 0);
        }

        Result named(String name, double connect, double window) {
            return new Result(name, worstPulseMs, worstWorkMs, gaps, worstKeyMs, keys, received, shown, dropped, window, connect);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @Test
    void floods(FxRobot robot) throws Exception {
        FloodProbes.Pulses pulses = new FloodProbes.Pulses();
        TextInputControl messageField = robot.lookup("#messageField").queryAs(TextInputControl.class);
        pulses.start(robot, messageField.getScene());
        FloodProbes.Keys keys = new FloodProbes.Keys(robot, messageField);
        List<Result> results = new ArrayList<>();
        try (NodeFlood server = NodeFlood.server()) {
            URI url = server.uri();
            ClientTab tab = FxWait.onFx(() -> model.selectedTabProperty().get());
            robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url.toString()));
            robot.clickOn("#connectButton");
            FxWait.until(() -> tab.stateProperty().get() == ClientState.OPEN);
            robot.clickOn(messageField);
            // A first run of each JVM warms it; not reported.
            clientRun(robot, tab, 20_000, pulses, keys);
            FloodProbes.headlessConnectRate(url, 20_000);
            results.add(clientFlood(robot, tab, url, "client 100k, log", 100_000, 3, "logTab", pulses, keys));
            results.add(clientFlood(robot, tab, url, "client 1M, log", 1_000_000, 2, "logTab", pulses, keys));
            results.add(clientFlood(robot, tab, url, "client 100k, frames", 100_000, 1, "framesTab", pulses, keys));
            selectTab(robot, "logTab", false);
            robot.interact(tab::disconnect);
        }
        robot.interact(() -> {
            // No keep-alive pings: one comes to every client each interval, each a line in the log (and its
            // pong another), and once the interval fell inside a round its books were 2 lines over.
            model.server().pingIntervalProperty().set("0");
            model.server().start();
        });
        FxWait.until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        URI serverUrl = URI.create(FxWait.onFx(() -> model.server().urlProperty().get()));
        for (String front : List.of("logTab", "clientsTab", "framesTab")) {
            results.add(serverFlood(robot, serverUrl, front, pulses, keys));
        }
        selectTab(robot, "logTab", true);
        pulses.stop(robot, robot.lookup("#messageField").query().getScene());
        double perLine = heapPerLogLine();
        print(results, perLine);
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code rounds} window runs and as many `connect` runs, alternated; medians of the rates, worst of the rest. */
    private Result clientFlood(FxRobot robot, ClientTab tab, URI url, String name, int n, int rounds, String front,
                               FloodProbes.Pulses pulses, FloodProbes.Keys keys) throws Exception {
        selectTab(robot, front, false);
        robot.clickOn("#messageField");
        List<Double> window = new ArrayList<>();
        List<Double> connect = new ArrayList<>();
        Result worst = null;
        for (int i = 0; i < rounds; i++) {
            connect.add(FloodProbes.headlessConnectRate(url, n));
            System.err.printf(Locale.ROOT, "connect %d: %.0f/s%n", n, connect.get(connect.size() - 1));
            Result r = clientRun(robot, tab, n, pulses, keys);
            window.add(r.windowRate());
            if (worst == null || r.worstPulseMs() > worst.worstPulseMs()) worst = r;
        }
        return worst.named(name, median(connect), median(window));
    }

    /** One flood of the client tab: asks the server for {@code n} messages and types into the message box until the log has them. */
    private Result clientRun(FxRobot robot, ClientTab tab, int n, FloodProbes.Pulses pulses, FloodProbes.Keys keys) throws Exception {
        LogBuffer log = tab.log();
        long messagesBefore = FxWait.onFx(() -> tab.wire().totals().inMessages());
        long controlBefore = FxWait.onFx(() -> tab.wire().totals().inFrames()) - messagesBefore;
        robot.interact(() -> {
            tab.clearLog();
            tab.composer().textProperty().set("flood " + n);
        });
        // The log gets the "sent" line and then one line per message (and one per keep-alive pong, if any).
        CompletableFuture<Long> accounted = whenAccounted(robot, log, n + 1L);
        pulses.reset(robot);
        keys.reset();
        long t0 = System.nanoTime();
        Platform.runLater(tab::send);
        long t1 = typeUntil(robot, keys, accounted, log, "client flood of " + n);
        double pulse = pulses.worstMs();
        double cpu = pulses.worstWorkMs();
        double[] spread = pulses.gapSpread(robot);
        System.err.print(pulses.longGapsExplained(robot));
        // The wire tap may report a message's frame just after the message itself: wait for the last one.
        FxWait.until(() -> tab.wire().totals().inMessages() - messagesBefore >= n);
        long[] counts = FxWait.onFx(() -> new long[] {log.events().size(), log.dropped(),
                tab.wire().totals().inMessages() - messagesBefore,
                tab.wire().totals().inFrames() - tab.wire().totals().inMessages() - controlBefore});
        long received = counts[2];
        if (received != n) throw new AssertionError("the client received " + received + " messages of " + n);
        // Besides a line per message, the log has the "sent" line and one per control frame read: the pong
        // that answers Java-WebSocket's own keep-alive ping, once a minute.
        if (counts[0] + counts[1] != received + 1 + counts[3]) {
            throw new AssertionError("shown " + counts[0] + " + dropped " + counts[1] + " != received " + received
                    + " + 1 sent + " + counts[3] + " control frames");
        }
        Result r = new Result("", pulse, cpu, spread, keys.worstMs(), keys.typed(), received, counts[0], counts[1], n / ((t1 - t0) / 1e9), 0);
        System.err.println(r.json());
        return r;
    }

    /** 50 outside clients flood the embedded server, with {@code front} (log, clients table or frames) in front. */
    private Result serverFlood(FxRobot robot, URI url, String front, FloodProbes.Pulses pulses, FloodProbes.Keys keys)
            throws Exception {
        selectTab(robot, front, true);
        robot.clickOn("#messageField");
        long total = (long) SERVER_CLIENTS * SERVER_MESSAGES_EACH;
        // The last round's clients must be gone first: a late "disconnected" line of theirs after the log is
        // cleared, or one of their rows counted among this round's 50, put 3 lines too many in one run.
        FxWait.until(() -> FxWait.onFx(() -> model.server().clients().rows().isEmpty()));
        try (NodeFlood clients = NodeFlood.clients(url, SERVER_CLIENTS, SERVER_MESSAGES_EACH)) {
            FxWait.until(() -> model.server().clients().rows().size() == SERVER_CLIENTS);
            LogBuffer log = model.server().log();
            // Every line the log takes in, by kind, as it comes (dropped ones too): besides the two of each
            // message, the server may say other things meanwhile (an error of a connection, say), and the
            // books must balance with those, while the message lines must be exactly two per message.
            java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
            javafx.collections.ListChangeListener<WsEvent> counter = change -> {
                while (change.next()) {
                    for (WsEvent e : change.getAddedSubList()) kinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            };
            // Cleared and listened to in the same turn of the FX thread: a line that came between the two
            // (a client's late "connected") was counted as dropped and not among the kinds.
            robot.interact(() -> {
                model.server().clearLog();
                log.events().addListener(counter);
            });
            // Each message is two lines: received, and the reply sent.
            CompletableFuture<Long> accounted = whenAccounted(robot, log, 2 * total);
            pulses.reset(robot);
            keys.reset();
            long t0 = System.nanoTime();
            clients.go();
            long t1 = typeUntil(robot, keys, accounted, log, "server flood of " + total);
            double pulse = pulses.worstMs();
            double cpu = pulses.worstWorkMs();
            double[] spread = pulses.gapSpread(robot);
            System.err.print(pulses.longGapsExplained(robot));
            clients.await("ECHOED", 60);
            long[] counts = FxWait.onFx(() -> {
                long in = 0;
                for (ServerClient c : model.server().clients().rows()) in += c.messagesInProperty().get();
                return new long[] {log.events().size(), log.dropped(), in};
            });
            robot.interact(() -> log.events().removeListener(counter));
            if (counts[2] != total) throw new AssertionError("the clients table counted " + counts[2] + " of " + total);
            long messageLines = kinds.getOrDefault("Received", 0L) + kinds.getOrDefault("Sent", 0L);
            long allLines = kinds.values().stream().mapToLong(Long::longValue).sum();
            if (messageLines != 2 * total || counts[0] + counts[1] != allLines) {
                throw new AssertionError("shown " + counts[0] + " + dropped " + counts[1] + " against 2 x received " + total
                        + "; the lines taken in: " + kinds);
            }
            if (allLines != messageLines) System.err.println("server flood: lines besides the messages' " + kinds);
            Result r = new Result("server 50 clients, " + front.replace("Tab", ""), pulse, cpu, spread, keys.worstMs(), keys.typed(),
                    total, counts[0], counts[1], total / ((t1 - t0) / 1e9), 0);
            System.err.println(r.json());
            clients.close();
            FxWait.until(() -> model.server().clients().rows().isEmpty());
            return r;
        }
    }

    /** Types keys into the message box, one after the other, until the flood is in the log; its end. */
    private static long typeUntil(FxRobot robot, FloodProbes.Keys keys, CompletableFuture<Long> accounted, LogBuffer log,
                                  String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!accounted.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not in the log after 3 minutes: "
                        + FxWait.onFx(() -> log.events().size() + " shown, " + log.dropped() + " dropped"));
            }
            keys.typeOne(robot);
        }
        System.err.printf(Locale.ROOT, "%s: done, %d keys%n", what, keys.typed());
        return accounted.get();
    }

    /** Completes, with the FX thread's nanoTime, once the log's shown plus dropped lines reach {@code lines}. */
    private static CompletableFuture<Long> whenAccounted(FxRobot robot, LogBuffer log, long lines) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        robot.interact(() -> {
            InvalidationListener check = new InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (log.events().size() + log.dropped() < lines) return;
                    done.complete(System.nanoTime());
                    log.events().removeListener(this);
                }
            };
            log.events().addListener(check);
        });
        return done;
    }

    /** Brings the tab of that id to the front, in the server's pane or the client's. */
    private static void selectTab(FxRobot robot, String id, boolean server) {
        robot.interact(() -> {
            for (javafx.scene.Node n : robot.lookup(".tab-pane").queryAll()) {
                TabPane pane = (TabPane) n;
                boolean isServer = pane.getTabs().stream().anyMatch(t -> "clientsTab".equals(t.getId()));
                if (isServer != server) continue;
                for (Tab t : pane.getTabs()) if (id.equals(t.getId())) pane.getSelectionModel().select(t);
            }
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static void print(List<Result> results, double perLine) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-26s %9s %7s %12s %5s %8s %5s %9s %7s %9s %10s %10s %6s%n",
                "flood", "pulse ms", "work ms", "p50/p99 ms", ">100", "key ms", "keys", "received", "shown", "dropped", "window/s", "connect/s", "ratio"));
        StringBuilder json = new StringBuilder("{\"floods\": [\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-26s %9.1f %7.1f %12s %5.0f %8.1f %5d %9d %7d %9d %10.0f %10s %6s%n", r.scenario(),
                    r.worstPulseMs(), r.worstWorkMs(), String.format(Locale.ROOT, "%.0f/%.0f", r.gaps()[0], r.gaps()[1]), r.gaps()[2],
                    r.worstKeyMs(), r.keys(), r.received(), r.shown(), r.dropped(), r.windowRate(),
                    r.connectRate() > 0 ? String.format(Locale.ROOT, "%.0f", r.connectRate()) : "-",
                    r.connectRate() > 0 ? String.format(Locale.ROOT, "%.2f", r.windowRate() / r.connectRate()) : "-"));
            json.append("  ").append(r.json()).append(r == results.get(results.size() - 1) ? "\n" : ",\n");
        }
        json.append(String.format(Locale.ROOT, "], \"bytesPerLogLineBeyondPayload\": %.1f}%n", perLine));
        table.append(String.format(Locale.ROOT, "log memory: %.1f bytes of heap per log line beyond its payload%n", perLine));
        System.out.print(table);
        Path dir = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("flood.json"), json);
        Files.writeString(dir.resolve("log.json"), String.format(Locale.ROOT, "{\"bytesPerLineBeyondPayload\": %.1f}%n", perLine));
    }

    /** Heap per log line beyond its payload: N payload strings alone, then N log lines holding the same. */
    private static double heapPerLogLine() throws InterruptedException {
        int n = 200_000;
        long base = usedHeap();
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) payloads[i] = "m" + i;
        long payloadsOnly = usedHeap() - base;
        LogBuffer log = new LogBuffer(n);
        List<WsEvent> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) batch.add(new WsEvent.Received(Instant.now(), "127.0.0.1:5555", Payload.text(payloads[i])));
        log.addAll(batch);
        batch = null;
        long withLog = usedHeap() - base;
        if (log.events().size() != n || payloads.length != n) throw new AssertionError("log kept " + log.events().size());
        return (withLog - payloadsOnly) / (double) n;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            // Waits for a collection to have happened: a marker object's reference is enqueued by it.
            java.lang.ref.ReferenceQueue<Object> collected = new java.lang.ref.ReferenceQueue<>();
            java.lang.ref.WeakReference<Object> marker = new java.lang.ref.WeakReference<>(new Object(), collected);
            System.gc();
            if (collected.remove(5_000) == null) throw new AssertionError("no collection happened " + marker);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
