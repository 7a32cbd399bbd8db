package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real proxy from Debian (tinyproxy, microsocks) run by a test on a free loopback port, with its own config
 * file in the test's temp dir, its output read line by line so that a test can wait for what it logged. Skipped
 * when the program is missing (failing under {@code CI=true}), by {@link ExternalPrograms}.
 */
public final class DebianProxy implements AutoCloseable {
    private static final long BOUND_MS = 10_000;

    private final Process process;
    private final int port;
    private final List<String> lines = new ArrayList<>();

    private DebianProxy(List<String> command, int port) throws IOException {
        this.port = port;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "proxy-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * tinyproxy on a free port, logging to its standard output at level Connect, its extra config lines
     * (BasicAuth, ConnectPort) added; started once it says it accepts connections.
     */
    public static DebianProxy tinyproxy(Path dir, String... extra) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("tinyproxy"),
                "tinyproxy is not installed (apt-get install -y tinyproxy)");
        int port = LoopbackPorts.free();
        List<String> config = new ArrayList<>(List.of("Port " + port, "Listen 127.0.0.1", "Timeout 60",
                "LogLevel Info", "MaxClients 20", "Allow 127.0.0.1", "PidFile \"" + dir.resolve("tinyproxy.pid") + "\""));
        config.addAll(List.of(extra));
        Path file = dir.resolve("tinyproxy.conf");
        Files.write(file, config);
        DebianProxy proxy = new DebianProxy(List.of("tinyproxy", "-d", "-c", file.toString()), port);
        proxy.awaitLine(l -> l.contains("Accepting connections"));
        return proxy;
    }

    /** microsocks on a free port, with a user and password when given; started once its port takes connections. */
    public static DebianProxy microsocks(String user, String password) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("microsocks"),
                "microsocks is not installed (apt-get install -y microsocks)");
        int port = LoopbackPorts.free();
        List<String> command = new ArrayList<>(List.of("microsocks", "-i", "127.0.0.1", "-p", Integer.toString(port)));
        if (user != null) command.addAll(List.of("-u", user, "-P", password));
        DebianProxy proxy = new DebianProxy(command, port);
        // microsocks says nothing when it starts: its port taking a connection is the sign.
        LoopbackPorts.awaitListening(port, proxy.process, "the proxy", () -> proxy.lines().toString());
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Waits for a line of the proxy's output that passes {@code test}, and returns it. */
    public String awaitLine(Predicate<String> test) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MS);
        synchronized (lines) {
            while (true) {
                for (String line : lines) if (test.test(line)) return line;
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive() && lines.stream().noneMatch(test)) {
                    throw new AssertionError("the proxy never logged the line awaited; it logged: " + lines);
                }
                lines.wait(left);
            }
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
