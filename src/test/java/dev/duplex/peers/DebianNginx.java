package dev.duplex.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, run by a test with its own config in the test's temp dir (error log and pid there too), on
 * a free loopback port: terminating TLS with {@code ssl_verify_client on} against a CA file, and passing the
 * WebSocket upgrade on to a ws:// server. Skipped when nginx is missing (failing under {@code CI=true}).
 */
public final class DebianNginx implements AutoCloseable {
    public static final String NGINX = "/usr/sbin/nginx";

    private final Process process;
    private final Path dir;
    private final int port;

    private DebianNginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * nginx on a free port serving {@code serverChain}/{@code serverKey}, asking every client for a
     * certificate from {@code clientCa}, and proxying to {@code upstreamPort} on 127.0.0.1.
     */
    public static DebianNginx mtls(Path dir, Path serverChain, Path serverKey, Path clientCa, int upstreamPort) throws Exception {
        return mtls(dir, serverChain, serverKey, clientCa, upstreamPort, "TLSv1.2 TLSv1.3");
    }

    /** As above, speaking only {@code protocols} ("TLSv1.2", "TLSv1.2 TLSv1.3"; Debian's nginx 1.22 leaves 1.3 off unless told). */
    public static DebianNginx mtls(Path dir, Path serverChain, Path serverKey, Path clientCa, int upstreamPort,
            String protocols) throws Exception {
        ExternalPrograms.requireExecutable(NGINX, "nginx (apt-get install -y nginx-light)");
        int port = LoopbackPorts.free();
        Path root = Files.createDirectories(dir.resolve("nginx"));
        String config = """
                %s
                worker_processes 1;
                error_log %s/error.log info;
                pid %s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log %s/access.log;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    server {
                        listen 127.0.0.1:%d ssl;
                        ssl_certificate %s;
                        ssl_certificate_key %s;
                        ssl_client_certificate %s;
                        ssl_verify_client on;
                        ssl_protocols %s;
                        location / {
                            proxy_pass http://127.0.0.1:%d;
                            proxy_http_version 1.1;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection "upgrade";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "", root, root, root,
                root, root, root, root, root, port, serverChain, serverKey, clientCa, protocols, upstreamPort);
        Files.writeString(root.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder(NGINX, "-p", root.toString(), "-c", "nginx.conf", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
        DebianNginx nginx = new DebianNginx(process, root, port);
        LoopbackPorts.awaitListening(port, process, "nginx", nginx::logs);
        return nginx;
    }

    public int port() {
        return port;
    }

    /** What nginx said on its standard output and in its error log, for a failure's message. */
    private String logs() {
        try {
            Path out = dir.resolve("stdout.log");
            return (Files.exists(out) ? Files.readString(out) : "") + errorLog();
        } catch (IOException e) {
            return "(its logs could not be read: " + e.getMessage() + ")";
        }
    }

    String errorLog() throws IOException {
        Path log = dir.resolve("error.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
