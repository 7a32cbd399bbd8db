package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node script of a test's, running as a server: it prints {@code {"listening":PORT}} once it listens, then
 * one JSON line for each thing it saw, which a test waits for with {@link #await(String)}.
 */
final class NodeScript implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    NodeScript(ProcessBuilder command, String name) throws Exception {
        this.process = command.redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{\"listening\":")) {
                        listening.complete(Integer.parseInt(line.replaceAll("\\D", "")));
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException(name + " ended: " + lines));
        }, name);
        reader.setDaemon(true);
        reader.start();
        this.port = listening.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    int port() {
        return port;
    }

    /** The next line the script printed that contains {@code fragment}; the lines before it are passed over. */
    String await(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + EventRecorder.TIMEOUT.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) throw new AssertionError(process.info().command().orElse("node") + " never printed " + fragment);
            if (line.contains(fragment)) return line;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
