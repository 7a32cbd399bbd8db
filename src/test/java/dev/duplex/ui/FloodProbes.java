package dev.duplex.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        private final Runnable laidOut = () -> {
            if (started != 0) worstWork.accumulateAndGet(System.nanoTime() - started, Math::max);
            started = 0;
        };
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                started = System.nanoTime();
                long before = last.getAndSet(now);
                if (before != 0) {
                    worst.accumulateAndGet(now - before, Math::max);
                    if (gapCount == gaps.length) gaps = java.util.Arrays.copyOf(gaps, 2 * gapCount);
                    gaps[gapCount++] = now - before;
                }
            }
        };

        void start(FxRobot robot, javafx.scene.Scene scene) {
            robot.interact(() -> {
                timer.start();
                scene.addPostLayoutPulseListener(laidOut);
            });
        }

        void stop(FxRobot robot, javafx.scene.Scene scene) {
            robot.interact(() -> {
                timer.stop();
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

        double worstMs() {
            return worst.get() / 1e6;
        }

        /** The longest pulse work (timers, CSS, layout) since the reset. */
        double worstWorkMs() {
            return worstWork.get() / 1e6;
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
        Process connect = new ProcessBuilder(java, "-cp", classpath, "-Duser.language=en", Main.class.getName(),
                "connect", url.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
