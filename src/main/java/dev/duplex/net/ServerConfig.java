package dev.duplex.net;

/**
 * How the embedded echo server listens and answers.
 *
 * @param bindAddress an address of this machine (127.0.0.1 by default: never all interfaces unless asked)
 * @param port        0 for any free port
 * @param path        the only path served, such as the seed's {@code /shiming}; empty for every path
 * @param reply       what a text message is answered with
 */
public record ServerConfig(String bindAddress, int port, String path, ReplyTemplate reply) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.strip();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        path = normalizePath(path);
        reply = reply == null ? ReplyTemplate.ECHO : reply;
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
