package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One program of the built image, run as its own process: a reader thread per stream collects its lines,
 * and the test waits for a line it expects (or the process's end) with a deadline. Nothing sleeps: every
 * wait returns as soon as the line arrives, the stream ends or the process exits.
 */
final class ProgramRun implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;
    private boolean outEnded;

    private ProgramRun(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.outReader = reader(process.getInputStream(), out, true);
        this.errReader = reader(process.getErrorStream(), err, false);
    }

    /** Starts {@code command} with {@code environment} added to this JVM's own. */
    static ProgramRun start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new ProgramRun(List.copyOf(command), builder.start());
    }

    /** The program's standard input, to write lines to and close. */
    OutputStream stdin() {
        return process.getOutputStream();
    }

    /**
     * Waits until a line of standard output matches {@code pattern} (searched, not matched whole) and
     * returns its match; fails the test with everything the program printed when the output ends first or
     * {@code bound} passes.
     */
    Matcher awaitLine(Pattern pattern, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int seen = 0;
        synchronized (this) {
            while (true) {
                for (; seen < out.size(); seen++) {
                    Matcher m = pattern.matcher(out.get(seen));
                    if (m.find()) return m;
                }
                if (outEnded) fail("the output ended without a line matching /" + pattern + "/\n" + transcript());
                long left = deadline - System.nanoTime();
                if (left <= 0) fail("no line matching /" + pattern + "/ within " + bound + "\n" + transcript());
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Waits for the process to exit (failing the test after {@code bound}), then for its streams' last lines. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("still running after " + bound + "\n" + transcript());
        }
        outReader.join(bound.toMillis());
        errReader.join(bound.toMillis());
        return process.exitValue();
    }

    /** Asks the program to stop the way Ctrl+C's neighbour does: SIGTERM (on Unix, what destroy() sends). */
    void terminate() {
        process.destroy();
    }

    /** The lines of standard output so far. */
    synchronized List<String> outLines() {
        return List.copyOf(out);
    }

    /** Every line printed so far, standard output's then standard error's. */
    synchronized List<String> allLines() {
        List<String> all = new ArrayList<>(out);
        all.addAll(err);
        return all;
    }

    /** The command and all it printed so far, for a failure's message. */
    synchronized String transcript() {
        return "$ " + String.join(" ", command) + "\n-- stdout:\n" + String.join("\n", out)
                + "\n-- stderr:\n" + String.join("\n", err);
    }

    /** Ends the process if a failed test left it running. */
    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }

    private Thread reader(InputStream stream, List<String> lines, boolean isOut) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    lines.add("(reading failed: " + e + ")");
                }
            } finally {
                synchronized (this) {
                    if (isOut) outEnded = true;
                    notifyAll();
                }
            }
        }, "image-" + (isOut ? "stdout" : "stderr"));
        t.setDaemon(true);
        t.start();
        return t;
    }
}
