package dev.duplex.net.outbound;

import java.io.IOException;

/**
 * The proxy could not give a tunnel: it could not be reached, it refused, or it answered something that is
 * not a proxy's answer. Thrown by the socket factory, where the library reports it as the connection's error.
 */
public final class ProxyFailure extends IOException {
    /** What went wrong, for the words the views choose. */
    public enum Kind {
        /** The proxy could not be reached (refused, unknown host, timed out); the detail is the cause. */
        UNREACHABLE,
        /** The proxy answered, and refused the tunnel; the detail is its answer (a status, a SOCKS reply). */
        REFUSED,
        /** What the proxy answered is not an HTTP or SOCKS5 answer; the detail says what came. */
        BROKEN,
        /** A proxy variable of the environment does not read as a proxy; the detail is the variable. */
        BAD_VARIABLE
    }

    private final Kind kind;
    private final String proxy;
    private final String detail;

    public ProxyFailure(Kind kind, String proxy, String detail) {
        super("the proxy " + proxy + ": " + kind + ": " + detail);
        this.kind = kind;
        this.proxy = proxy;
        this.detail = detail;
    }

    public Kind kind() { return kind; }
    /** The proxy's host:port. */
    public String proxy() { return proxy; }
    public String detail() { return detail; }
}
