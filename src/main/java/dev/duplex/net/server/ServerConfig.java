package dev.duplex.net.server;

/**
 * How the embedded echo server listens and answers.
 *
 * @param bindAddress  an address of this machine (127.0.0.1 by default: never all interfaces unless asked)
 * @param port         0 for any free port
 * @param path         the only path served, such as the seed's {@code /shiming}; empty for every path
 * @param reply        what a text message is answered with (a template without {message} is a fixed answer)
 * @param pingInterval seconds between the server's own pings; a client that has not answered within
 *                     1.5 intervals is dropped. 0 sends none and drops no one
 * @param behaviour    how it misbehaves on purpose at start (refusals, delays, drops...); changeable later
 * @param limits       what the server accepts: message size, connections, handshake time, Origins
 * @param tls          the key and certificate to serve wss:// with, or null for ws://
 */
public record ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply, int pingInterval,
        ServerBehaviour behaviour, Limits limits, dev.duplex.tls.ServerIdentity tls) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Java-WebSocket's own default: a ping a minute. */
    public static final int DEFAULT_PING_INTERVAL = 60;

    /**
     * An HTTP answer that refuses the WebSocket upgrade, such as 403 Forbidden with a body.
     *
     * @param headers extra header lines, each {@code Name: value}
     */
    public record Refusal(int status, String reason, String body, java.util.List<String> headers) {
        public Refusal {
            if (status < 200 || status > 599 || status == 101) throw new IllegalArgumentException("status " + status);
            reason = reason == null || reason.isBlank() ? dev.duplex.protocol.HttpStatus.reasonPhrase(status) : reason.strip();
            if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) throw new IllegalArgumentException("reason");
            body = body == null ? "" : body;
            headers = headers == null ? java.util.List.of() : java.util.List.copyOf(headers);
            for (String h : headers) {
                // One line each, with a name: anything else would let a header smuggle in more of the answer.
                int colon = h.indexOf(':');
                if (colon <= 0 || h.indexOf('\r') >= 0 || h.indexOf('\n') >= 0
                        || !dev.duplex.protocol.HttpToken.is(h.substring(0, colon).strip())) {
                    throw new IllegalArgumentException("header " + h);
                }
            }
        }

        public Refusal(int status, String reason, String body) {
            this(status, reason, body, java.util.List.of());
        }
    }

    /**
     * What the server accepts, so that no client can take it down or in.
     *
     * @param maxMessage         the largest frame or reassembled message, in bytes; a larger one closes
     *                           that connection with 1009 (message too big), and nothing is allocated for it
     * @param maxConnections     connections beyond this are refused with HTTP 503
     * @param handshakeTimeoutMs a connection that has not finished its handshake by then is dropped
     * @param allowedOrigins     if not empty, only these Origins may connect (others get HTTP 403): a page on
     *                           any web site could otherwise open ws://127.0.0.1 from the user's browser
     */
    public record Limits(int maxMessage, int maxConnections, int handshakeTimeoutMs, java.util.List<String> allowedOrigins) {
        /** 16 MiB: far above what a workbench sends by hand, far below what would hurt the JVM. */
        public static final int DEFAULT_MAX_MESSAGE = 16 * 1024 * 1024;
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_MESSAGE, 1_000, 10_000, java.util.List.of());

        public Limits {
            if (maxMessage < 1) throw new IllegalArgumentException("max message " + maxMessage);
            if (maxConnections < 1) throw new IllegalArgumentException("max connections " + maxConnections);
            if (handshakeTimeoutMs < 1) throw new IllegalArgumentException("handshake timeout " + handshakeTimeoutMs);
            allowedOrigins = allowedOrigins == null ? java.util.List.of()
                    : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        }

        public Limits withMaxMessage(int bytes) {
            return new Limits(bytes, maxConnections, handshakeTimeoutMs, allowedOrigins);
        }

        public Limits withAllowedOrigins(java.util.List<String> origins) {
            return new Limits(maxMessage, maxConnections, handshakeTimeoutMs, origins);
        }

        public Limits withMaxConnections(int n) {
            return new Limits(maxMessage, n, handshakeTimeoutMs, allowedOrigins);
        }

        public Limits withHandshakeTimeout(int ms) {
            return new Limits(maxMessage, maxConnections, ms, allowedOrigins);
        }
    }

    public ServerConfig {
        limits = limits == null ? Limits.DEFAULT : limits;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.strip();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (pingInterval < 0) throw new IllegalArgumentException("ping interval " + pingInterval);
        path = normalizePath(path);
        reply = reply == null ? ReplyTemplate.ECHO : reply;
        behaviour = behaviour == null ? ServerBehaviour.NORMAL : behaviour;
    }

    /** A ws:// server (no TLS). */
    public ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply, int pingInterval,
            ServerBehaviour behaviour, Limits limits) {
        this(bindAddress, port, path, reply, pingInterval, behaviour, limits, null);
    }

    /** A server with the library's defaults for pings, behaving normally. */
    public ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply) {
        this(bindAddress, port, path, reply, DEFAULT_PING_INTERVAL, ServerBehaviour.NORMAL, Limits.DEFAULT);
    }

    /** This configuration with other limits. */
    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(bindAddress, port, path, reply, pingInterval, behaviour, newLimits, tls);
    }

    /** This configuration on another port. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, path, reply, pingInterval, behaviour, limits, tls);
    }

    /** This configuration serving wss:// with this key and certificate (null: ws://). */
    public ServerConfig withTls(dev.duplex.tls.ServerIdentity identity) {
        return new ServerConfig(bindAddress, port, path, reply, pingInterval, behaviour, limits, identity);
    }

    /** This configuration, behaving so. */
    public ServerConfig withBehaviour(ServerBehaviour b) {
        return new ServerConfig(bindAddress, port, path, reply, pingInterval, b, limits, tls);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, "", ReplyTemplate.ECHO);
    }

    /** "" stays "" (every path); anything else gets a leading slash. */
    private static String normalizePath(String path) {
        if (path == null || path.isBlank()) return "";
        String p = path.strip();
        return p.startsWith("/") ? p : "/" + p;
    }

    /** Whether this bind address means every interface of the machine. */
    public boolean allInterfaces() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]")
                || bindAddress.equals("0:0:0:0:0:0:0:0");
    }
}
