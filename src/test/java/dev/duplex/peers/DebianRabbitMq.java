package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's RabbitMQ with its Web-STOMP plugin, run by a test as the test's own user, with everything of its
 * own (config, plugins file, database, cookie, the Erlang port mapper's port) in the test's temp dir and on free
 * loopback ports, so that it shares nothing with a broker the machine may run. STOMP over WebSocket is at
 * {@link #url()}. Debian's {@code /usr/sbin/rabbitmq-server} would switch to the rabbitmq user; the script
 * under {@code /usr/lib/rabbitmq/bin} runs as whoever starts it. Skipped when RabbitMQ is missing (failing
 * under {@code CI=true}).
 */
final class DebianRabbitMq implements AutoCloseable {
    static final String SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    /** A virtual host beside the default one, that guest may use too. */
    static final String OTHER_VHOST = "duplex-vh";
    /** RabbitMQ takes some seconds to boot Erlang and its plugins; more on a busy CI machine. */
    private static final long BOOT_MS = 90_000;

    private final Process process;
    private final Path dir;
    private final int webStompPort;
    private final int epmdPort;

    private DebianRabbitMq(Process process, Path dir, int webStompPort, int epmdPort) {
        this.process = process;
        this.dir = dir;
        this.webStompPort = webStompPort;
        this.epmdPort = epmdPort;
    }

    static DebianRabbitMq start(Path tempDir) throws Exception {
        ExternalPrograms.requireExecutable(SERVER, "RabbitMQ (apt-get install -y rabbitmq-server)");
        // A port free when chosen may be taken before the broker binds it: a boot that failed on that is tried
        // again on other ports, twice at most.
        for (int attempt = 1; ; attempt++) {
            try {
                return boot(Files.createDirectories(tempDir.resolve("rabbitmq-" + attempt)));
            } catch (PortTaken e) {
                if (attempt == 3) throw new AssertionError(e.getMessage());
            }
        }
    }

    /** The broker's boot failed with eaddrinuse. */
    private static final class PortTaken extends Exception {
        PortTaken(String log) {
            super(log);
        }
    }

    /**
     * The broker's definitions, read at boot: the default virtual host and {@link #OTHER_VHOST}, and guest on
     * both (with definitions, RabbitMQ no longer makes guest itself). The password is hashed as RabbitMQ's
     * SHA-256 scheme writes it: a 4-byte salt, then SHA-256 of the salt and the password, in base64.
     */
    private static Path definitions(Path dir) throws Exception {
        byte[] salt = {0x18, 0x0c, 0x21, 0x7f};
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        byte[] digest = sha.digest("guest".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] hash = new byte[salt.length + digest.length];
        System.arraycopy(salt, 0, hash, 0, salt.length);
        System.arraycopy(digest, 0, hash, salt.length, digest.length);
        Path file = dir.resolve("definitions.json");
        Files.writeString(file, """
                {"users": [{"name": "guest", "password_hash": "%s", "hashing_algorithm": "rabbit_password_hashing_sha256",
                            "tags": "administrator"}],
                 "vhosts": [{"name": "/"}, {"name": "%s"}],
                 "permissions": [
                   {"user": "guest", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
                   {"user": "guest", "vhost": "%s", "configure": ".*", "write": ".*", "read": ".*"}]}
                """.formatted(java.util.Base64.getEncoder().encodeToString(hash), OTHER_VHOST, OTHER_VHOST));
        return file;
    }

    private static DebianRabbitMq boot(Path dir) throws Exception {
        int[] ports = LoopbackPorts.free(5);
        int amqp = ports[0];
        int webStomp = ports[1];
        int stomp = ports[2];
        int dist = ports[3];
        int epmd = ports[4];
        Files.writeString(dir.resolve("rabbitmq.conf"), """
                listeners.tcp.default = 127.0.0.1:%d
                stomp.listeners.tcp.1 = 127.0.0.1:%d
                web_stomp.tcp.ip = 127.0.0.1
                web_stomp.tcp.port = %d
                definitions.import_backend = local_filesystem
                definitions.local.path = %s
                """.formatted(amqp, stomp, webStomp, definitions(dir)));
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_web_stomp].\n");
        ProcessBuilder pb = new ProcessBuilder(SERVER).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.toString()); // the Erlang cookie goes here
        env.put("RABBITMQ_NODENAME", "duplex-" + webStomp + "@localhost");
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", Files.createDirectories(dir.resolve("mnesia")).toString());
        env.put("RABBITMQ_LOG_BASE", Files.createDirectories(dir.resolve("log")).toString());
        env.put("RABBITMQ_FEATURE_FLAGS_FILE", dir.resolve("feature_flags").toString());
        env.put("RABBITMQ_PLUGINS_EXPAND_DIR", dir.resolve("plugins-expand").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("RABBITMQ_LOGS", "-"); // the log on standard output, where the boot is watched for
        env.put("RABBITMQ_DIST_PORT", Integer.toString(dist));
        env.put("ERL_EPMD_PORT", Integer.toString(epmd));
        Process process = pb.start();
        DebianRabbitMq broker = new DebianRabbitMq(process, dir, webStomp, epmd);
        broker.awaitBoot();
        return broker;
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + webStompPort + "/ws");
    }

    /** Reads the broker's log until it says the boot is complete (or it ends), keeping the log for a failure. */
    private void awaitBoot() throws Exception, PortTaken {
        CompletableFuture<Void> booted = new CompletableFuture<>();
        StringBuffer log = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    if (line.contains("Server startup complete")) booted.complete(null);
                }
            } catch (IOException ended) {
                // the broker's output closed: the future below says it ended
            }
            booted.completeExceptionally(new AssertionError("RabbitMQ ended before its boot completed:\n" + log));
        }, "rabbitmq-log");
        reader.setDaemon(true);
        reader.start();
        try {
            booted.get(BOOT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            close();
            throw new AssertionError("RabbitMQ did not boot within " + BOOT_MS + " ms:\n" + log);
        } catch (java.util.concurrent.ExecutionException e) {
            close();
            if (log.indexOf("eaddrinuse") >= 0) throw new PortTaken(log.toString());
            throw (AssertionError) e.getCause();
        }
    }

    @Override
    public void close() throws Exception {
        // The script traps TERM and stops the Erlang VM properly; whatever is left after that is ended by force.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        // The port mapper daemonizes itself, outside the broker's process tree: it is stopped on its own port.
        ProcessBuilder epmd = new ProcessBuilder("epmd", "-kill").redirectErrorStream(true)
                .redirectOutput(dir.resolve("epmd-kill.log").toFile());
        epmd.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        try {
            epmd.start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException noEpmd) {
            // no epmd on the PATH: nothing was left running by that name
        }
    }
}
