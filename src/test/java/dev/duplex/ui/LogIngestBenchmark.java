package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.LogBuffer;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;

/**
 * The window's log under a flood (lines per second reaching the log, the longest gap between two FX
 * pulses meanwhile) and the heap each log line costs beyond its payload. Run with -Pbench.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class LogIngestBenchmark {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @Test
    void floodIngestAndMemoryPerLine(FxRobot robot) throws Exception {
        robot.interact(() -> model.server().start());
        FxWait.until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        URI url = URI.create(FxWait.onFx(() -> model.server().urlProperty().get()));

        // Pulse gaps, measured on the FX thread itself.
        AtomicLong lastPulse = new AtomicLong();
        AtomicLong worstGap = new AtomicLong();
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long last = lastPulse.getAndSet(now);
                if (last != 0) worstGap.accumulateAndGet(now - last, Math::max);
            }
        };
        robot.interact(pulses::start);

        int messages = 200_000;
        CompletableFuture<Void> opened = new CompletableFuture<>();
        WsClient flooder = new WsClient(e -> {
            if (e instanceof WsEvent.Opened) opened.complete(null);
        });
        flooder.connect(url, ClientOptions.browserLike(url));
        opened.get(10, TimeUnit.SECONDS);
        long before = FxWait.onFx(() -> model.server().log().events().size() + model.server().log().dropped());
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) flooder.send("m" + i);
        long expected = before + 2L * messages;
        FxWait.until(() -> FxWait.onFx(() -> model.server().log().events().size() + model.server().log().dropped()) >= expected);
        double seconds = (System.nanoTime() - t0) / 1e9;
        robot.interact(pulses::stop);
        flooder.close(1000, "");
        double linesPerSecond = 2L * messages / seconds;

        // Heap per log line beyond its payload: N payload strings alone, then N log lines holding the same.
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
        payloads = null;
        double perLineOverhead = (withLog - payloadsOnly) / (double) n;
        double perLineList = 0;
        System.out.printf(Locale.ROOT, "%nlog ingest: %,.0f lines/s shown during a flood of %,d echoes; longest gap between FX pulses %.1f ms%n"
                + "log memory: %.1f bytes of heap per log line beyond its payload%n",
                linesPerSecond, messages, worstGap.get() / 1e6, perLineOverhead);
        Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "log.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "{\"linesPerSecond\": %.0f, \"worstPulseGapMs\": %.1f, "
                + "\"bytesPerLineBeyondPayload\": %.1f}%n", linesPerSecond, worstGap.get() / 1e6, perLineOverhead));
        if (log.events().size() != n) throw new AssertionError("log kept " + log.events().size());
        model.shutdown().get(10, TimeUnit.SECONDS);
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
