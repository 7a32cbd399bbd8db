package dev.duplex.peers;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.duplex.cli.Cli;

/** Standard output (or error) of an in-process {@code duplex} command, line by line, for a test to wait on. */
final class ConsoleLines extends OutputStream {
    final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            queue.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        } else {
            current.write(b);
        }
    }

    /**
     * The next line holding every fragment; the lines before it are passed over, and the last of them are in
     * the failure when none comes, to show what came instead.
     */
    String await(String... fragments) throws InterruptedException {
        List<String> read = upTo(fragments);
        return read.get(read.size() - 1);
    }

    /** Every line up to and with the next line holding every fragment (see {@link #await}). */
    List<String> upTo(String... fragments) throws InterruptedException {
        long deadline = System.nanoTime() + EventRecorder.TIMEOUT.toNanos();
        List<String> read = new ArrayList<>();
        while (true) {
            String line = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line with " + String.join(" and ", fragments) + "; the last lines passed over:\n"
                        + String.join("\n", read.subList(Math.max(0, read.size() - 20), read.size())));
            }
            read.add(line);
            boolean all = true;
            for (String f : fragments) all &= line.contains(f);
            if (all) return read;
        }
    }

    /** Runs {@code duplex ARGS} on its own thread, reading {@code stdin}, printing into these. */
    static CompletableFuture<Integer> connect(InputStream stdin, ConsoleLines out, ConsoleLines err, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> Cli.run(args, stdin, o, e, latch -> { }));
    }
}
