package dev.duplex.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.testfx.api.FxRobot;

import dev.duplex.Main;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

/** What {@link FloodBenchmark} measures with: the FX pulses, keystrokes into a field, and headless `connect`. */
final class FloodProbes {
    private FloodProbes() { }

    /**
     * The longest gap between two FX pulses, read by an {@link AnimationTimer} on the FX thread itself, and
     * the longest pulse work: from the pulse's timers (where the dispatcher drains) to the end of its CSS and
     * layout, read by a post-layout pulse listener. A long gap made of short work is a thread that waited
     * (for a core on a shared machine, or for the renderer), not one that was busy.
     */
    static final class Pulses {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong worst = new AtomicLong();
        private final AtomicLong worstWork = new AtomicLong();
        private long started;
        /** Every pulse's gap since the reset, to tell a rare spike from a steady load; FX thread only. */
        private long[] gaps = new long[1024];
        private int gapCount;
        /** When this pulse's timers were done (its first pre-layout listener), and the last pulse's split. */
        private long timersDone;
        private long lastTimers;
        private long lastLayout;
        private final Runnable beforeLayout = () -> timersDone = System.nanoTime();
        private final Runnable laidOut = () -> {
            long end = System.nanoTime();
            if (started != 0) {
                worstWork.accumulateAndGet(end - started, Math::max);
                lastTimers = timersDone > started ? timersDone - started : 0;
                lastLayout = timersDone > started ? end - timersDone : end - started;
            }
            started = 0;
        };
        /** The gaps over 100 ms since the reset, as {start, end} in nanoTime; FX thread only. */
        private final List<long[]> longGaps = new ArrayList<>();
        private final GcPauses gc = new GcPauses();
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                started = System.nanoTime();
                long before = last.getAndSet(now);
                if (before != 0) {
                    worst.accumulateAndGet(now - before, Math::max);
                    if (gapCount == gaps.length) gaps = java.util.Arrays.copyOf(gaps, 2 * gapCount);
                    gaps[gapCount++] = now - before;
                    if (now - before > 100_000_000L) longGaps.add(new long[] {before, now, lastTimers, lastLayout, gapCount});
                    lastTimers = 0;
                    lastLayout = 0;
                }
            }
        };

        void start(FxRobot robot, javafx.scene.Scene scene) {
            robot.interact(() -> {
                timer.start();
                scene.addPreLayoutPulseListener(beforeLayout);
                scene.addPostLayoutPulseListener(laidOut);
            });
        }

        void stop(FxRobot robot, javafx.scene.Scene scene) {
            robot.interact(() -> {
                timer.stop();
                scene.removePreLayoutPulseListener(beforeLayout);
                scene.removePostLayoutPulseListener(laidOut);
            });
        }

        /** Starts a new measure: the next gap counts from the next pulse. */
        void reset(FxRobot robot) {
            robot.interact(() -> {
                last.set(0);
                worst.set(0);
                worstWork.set(0);
                gapCount = 0;
                longGaps.clear();
            });
        }

        /**
         * The gaps since the reset: {p50, p99} in ms, and how many were over 100 ms, as {@code [p50, p99, over]}.
         * Read on the FX thread.
         */
        double[] gapSpread(FxRobot robot) throws Exception {
            return FxWait.onFx(() -> {
                long[] sorted = java.util.Arrays.copyOf(gaps, gapCount);
                java.util.Arrays.sort(sorted);
                if (sorted.length == 0) return new double[] {0, 0, 0};
                long over = java.util.Arrays.stream(sorted).filter(g -> g > 100_000_000L).count();
                return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, over};
            });
        }

        /**
         * Each gap over 100 ms since the reset, with the collections that paused the JVM inside it: whether a
         * long pulse was the collector's or the window's own. Read on the FX thread.
         */
        String longGapsExplained(FxRobot robot) throws Exception {
            return FxWait.onFx(() -> {
                StringBuilder said = new StringBuilder();
                for (long[] g : longGaps) {
                    said.append(String.format(java.util.Locale.ROOT,
                            "  a gap of %.0f ms (pulse %d of %d): its pulse's timers (the drains) %.0f ms, CSS and layout"
                            + " %.0f ms, the rest painting or waiting for a core; collections inside it: %s%n",
                            (g[1] - g[0]) / 1e6, g[4], gapCount, g[2] / 1e6, g[3] / 1e6, gc.within(g[0], g[1])));
                }
                return said.toString();
            });
        }

        double worstMs() {
            return worst.get() / 1e6;
        }

        /** The longest pulse work (timers, CSS, layout) since the reset. */
        double worstWorkMs() {
            return worstWork.get() / 1e6;
        }
    }

    /**
     * The collector's pauses as the JVM reports them (a notification per collection, with its start and end
     * in ms of the JVM's uptime), to be set against the FX pulses' gaps (in nanoTime).
     */
    static final class GcPauses {
        private final List<String[]> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        private final long baseNanos = System.nanoTime();
        private final long baseUptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();

        GcPauses() {
            for (java.lang.management.GarbageCollectorMXBean bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(bean instanceof javax.management.NotificationEmitter emitter)) continue;
                emitter.addNotificationListener((notification, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    pauses.add(new String[] {Long.toString(info.getGcInfo().getStartTime()), Long.toString(info.getGcInfo().getEndTime()),
                            info.getGcName() + " (" + info.getGcCause() + ")"});
                }, null, null);
            }
        }

        /** The pauses that overlap [fromNanos, toNanos], with their lengths. */
        String within(long fromNanos, long toNanos) {
            long from = baseUptimeMs + (fromNanos - baseNanos) / 1_000_000;
            long to = baseUptimeMs + (toNanos - baseNanos) / 1_000_000;
            List<String> inside = new ArrayList<>();
            synchronized (pauses) {
                for (String[] p : pauses) {
                    long start = Long.parseLong(p[0]);
                    long end = Long.parseLong(p[1]);
                    if (end >= from && start <= to) inside.add(p[2] + " " + (end - start) + " ms");
                }
            }
            return inside.isEmpty() ? "none" : String.join(", ", inside);
        }
    }

    /**
     * Keys typed into a field by the robot, off the FX thread: from just before the press to the field's
     * text changing, as the FX thread sees it.
     */
    static final class Keys {
        private final AtomicLong changedAt = new AtomicLong();
        private long worstNanos;
        private int typed;

        Keys(FxRobot robot, TextInputControl field) {
            robot.interact(() -> field.textProperty().addListener((o, a, b) -> changedAt.set(System.nanoTime())));
        }

        /** Types one key and waits until it is in the field. */
        void typeOne(FxRobot robot) throws Exception {
            long pressed = System.nanoTime();
            robot.press(KeyCode.A);
            FxWait.until(() -> changedAt.get() - pressed > 0);
            worstNanos = Math.max(worstNanos, changedAt.get() - pressed);
            typed++;
            robot.release(KeyCode.A);
        }

        void reset() {
            worstNanos = 0;
            typed = 0;
        }

        double worstMs() {
            return worstNanos / 1e6;
        }

        int typed() {
            return typed;
        }
    }

    /**
     * `duplex connect URL` in a JVM of its own (the tests' class path, {@code dev.duplex.Main}), printing
     * every event as it does on a terminal, its standard output read here: asks the flood server for
     * {@code messages} and returns messages per second, from sending the request to reading the last
     * {@code onmessage} line.
     */
    static double headlessConnectRate(URI url, int messages) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // With the image's JVM options, as the window under test has them (the pom passes them on).
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, "-Duser.language=en"));
        String priorities = System.getProperty("duplex.jvm.priorities", "").trim();
        if (!priorities.isEmpty()) command.addAll(List.of(priorities.split("\\s+")));
        command.addAll(List.of(Main.class.getName(), "connect", url.toString()));
        Process connect = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<Void> opened = new CompletableFuture<>();
            CompletableFuture<Long> last = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                long seen = 0;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(connect.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.contains(" onopen ")) opened.complete(null);
                        else if (line.contains(" onmessage ") && ++seen == messages) last.complete(System.nanoTime());
                    }
                } catch (java.io.IOException e) {
                    last.completeExceptionally(e);
                }
                last.completeExceptionally(new AssertionError("connect ended after " + seen + " of " + messages + " messages"));
            }, "connect-stdout");
            reader.setDaemon(true);
            reader.start();
            opened.get(30, TimeUnit.SECONDS);
            OutputStream in = connect.getOutputStream();
            long t0 = System.nanoTime();
            in.write(("flood " + messages + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            long t1 = last.get(300, TimeUnit.SECONDS);
            in.close();
            return messages / ((t1 - t0) / 1e9);
        } finally {
            if (!connect.waitFor(10, TimeUnit.SECONDS)) connect.destroyForcibly().waitFor();
        }
    }
}
