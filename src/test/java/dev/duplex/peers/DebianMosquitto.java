package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto (2.0), run by a test with its own config in the test's temp dir: a websockets listener
 * for Duplex and a plain TCP one for the foreign clients {@code mosquitto_pub} and {@code mosquitto_sub}, both
 * anonymous, and a websockets listener that refuses anyone without a login (there is none), all on free
 * loopback ports, nothing kept on disk. Skipped when mosquitto is missing (failing under
 * {@code CI=true}).
 */
final class DebianMosquitto implements AutoCloseable {
    static final String MOSQUITTO = "/usr/sbin/mosquitto";
    static final String PUB = "/usr/bin/mosquitto_pub";
    static final String SUB = "/usr/bin/mosquitto_sub";
    static final String PASSWD = "/usr/bin/mosquitto_passwd";
    /** The one login of the listener that needs one (a password with a space and Chinese, to be sent as bytes). */
    static final String USER = "duplex";
    static final String PASSWORD = "s3cret 你好";
    private static final long BOUND_MS = 10_000;

    private final Process process;
    private final Path log;
    private final int wsPort;
    private final int tcpPort;
    private final int refusingPort;

    private DebianMosquitto(Process process, Path log, int wsPort, int tcpPort, int refusingPort) {
        this.process = process;
        this.log = log;
        this.wsPort = wsPort;
        this.tcpPort = tcpPort;
        this.refusingPort = refusingPort;
    }

    static DebianMosquitto start(Path dir) throws Exception {
        ExternalPrograms.requireExecutable(MOSQUITTO, "mosquitto (apt-get install -y mosquitto)");
        ExternalPrograms.requireExecutable(PUB, "mosquitto_pub (apt-get install -y mosquitto-clients)");
        ExternalPrograms.requireExecutable(SUB, "mosquitto_sub (apt-get install -y mosquitto-clients)");
        ExternalPrograms.requireExecutable(PASSWD, "mosquitto_passwd (apt-get install -y mosquitto)");
        int[] ports = LoopbackPorts.free(3);
        int ws = ports[0];
        int tcp = ports[1];
        int refusing = ports[2];
        Path root = Files.createDirectories(dir.resolve("mosquitto"));
        Path passwords = root.resolve("passwords");
        Process passwd = new ProcessBuilder(PASSWD, "-c", "-b", passwords.toString(), USER, PASSWORD).redirectErrorStream(true).start();
        String said = new String(passwd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!passwd.waitFor(BOUND_MS, TimeUnit.MILLISECONDS) || passwd.exitValue() != 0) {
            throw new AssertionError("mosquitto_passwd: " + said);
        }
        // Started as root, mosquitto would change to the user mosquitto, who may not read the temp dir.
        // per_listener_settings makes allow_anonymous each listener's own.
        String config = """
                %s
                per_listener_settings true
                persistence false
                log_dest stdout
                log_type all
                listener %d 127.0.0.1
                protocol websockets
                allow_anonymous true
                listener %d 127.0.0.1
                allow_anonymous true
                listener %d 127.0.0.1
                protocol websockets
                allow_anonymous false
                password_file %s
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root" : "", ws, tcp, refusing, passwords);
        Path conf = Files.writeString(root.resolve("mosquitto.conf"), config);
        Path log = root.resolve("mosquitto.log");
        Process process = new ProcessBuilder(MOSQUITTO, "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DebianMosquitto broker = new DebianMosquitto(process, log, ws, tcp, refusing);
        LoopbackPorts.awaitListening(ws, process, "mosquitto", broker::logText);
        LoopbackPorts.awaitListening(tcp, process, "mosquitto", broker::logText);
        LoopbackPorts.awaitListening(refusing, process, "mosquitto", broker::logText);
        return broker;
    }

    URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + wsPort + "/");
    }

    /** The websockets listener that refuses anonymous clients: only {@link #USER} with {@link #PASSWORD} comes in. */
    URI refusingWsUrl() {
        return URI.create("ws://127.0.0.1:" + refusingPort + "/");
    }

    int tcpPort() {
        return tcpPort;
    }

    /** The log, or why it could not be read, for a failure's message. */
    private String logText() {
        try {
            return log();
        } catch (IOException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** mosquitto_pub on the TCP listener, run to its end: its exit status. */
    int publish(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PUB, "-h", "127.0.0.1", "-p", Integer.toString(tcpPort)));
        command.addAll(List.of(args));
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pub.waitFor(BOUND_MS, TimeUnit.MILLISECONDS)) pub.destroyForcibly();
        if (pub.exitValue() != 0) throw new AssertionError("mosquitto_pub " + String.join(" ", args) + ": " + said);
        return pub.exitValue();
    }

    /**
     * mosquitto_sub on the TCP listener, with {@code -d} so that its SUBACK shows when it is subscribed, under
     * coreutils' stdbuf so that its lines come as it writes them, not when its buffer fills.
     */
    Subscriber subscribe(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/stdbuf", "-oL", SUB, "-d", "-h", "127.0.0.1", "-p", Integer.toString(tcpPort)));
        command.addAll(List.of(args));
        return new Subscriber(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** A running mosquitto_sub, its output line by line for a test to wait on. */
    static final class Subscriber implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Subscriber(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) lines.add(line);
                } catch (IOException ended) {
                    // the process is gone: no more lines
                }
            }, "mosquitto_sub output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line holding {@code fragment}; the lines before it are passed over. */
        String await(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + EventRecorder.TIMEOUT.toNanos();
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) throw new AssertionError("mosquitto_sub said no line with " + fragment);
                if (line.contains(fragment)) return line;
            }
        }

        int exitStatus() throws InterruptedException {
            if (!process.waitFor(BOUND_MS, TimeUnit.MILLISECONDS)) throw new AssertionError("mosquitto_sub did not end");
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
