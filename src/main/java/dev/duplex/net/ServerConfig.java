package dev.duplex.net;

/**
 * How the embedded echo server listens and answers.
 *
 * @param bindAddress  an address of this machine (127.0.0.1 by default: never all interfaces unless asked)
 * @param port         0 for any free port
 * @param path         the only path served, such as the seed's {@code /shiming}; empty for every path
 * @param reply        what a text message is answered with
 * @param autoPong     answer a client's ping with a pong (RFC 6455 requires it; off to test clients)
 * @param pingInterval seconds between the server's own pings; a client that has not answered within
 *                     1.5 intervals is dropped. 0 sends none and drops no one
 * @param refusal      refuse every upgrade with this HTTP answer, or null to accept
 */
public record ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply, boolean autoPong,
        int pingInterval, Refusal refusal) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Java-WebSocket's own default: a ping a minute. */
    public static final int DEFAULT_PING_INTERVAL = 60;

    /** An HTTP answer that refuses the WebSocket upgrade, such as 403 Forbidden with a body. */
    public record Refusal(int status, String reason, String body) {
        public Refusal {
            if (status < 200 || status > 599 || status == 101) throw new IllegalArgumentException("status " + status);
            reason = reason == null || reason.isBlank() ? "Refused" : reason.strip();
            body = body == null ? "" : body;
        }
    }

    public ServerConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.strip();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (pingInterval < 0) throw new IllegalArgumentException("ping interval " + pingInterval);
        path = normalizePath(path);
        reply = reply == null ? ReplyTemplate.ECHO : reply;
    }

    /** A server with the library's defaults for pings, answering every upgrade. */
    public ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply) {
        this(bindAddress, port, path, reply, true, DEFAULT_PING_INTERVAL, null);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, "", ReplyTemplate.ECHO);
    }

    /** "" stays "" (every path); anything else gets a leading slash. */
    static String normalizePath(String path) {
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
