package dev.duplex.net.outbound;

/**
 * How one connection goes out, and why: straight to the server, or through {@link #proxy()}.
 *
 * @param proxy    the proxy, or null for a direct connection
 * @param reason   why this route
 * @param variable the environment variable that decided it ({@code https_proxy}, {@code no_proxy}, …), or null
 */
public record ProxyRoute(ProxyAddress proxy, Reason reason, String variable) {
    public enum Reason {
        /** Given in the tab or with {@code --proxy}. */
        GIVEN,
        /** {@code none} or {@code --no-proxy}: the environment is ignored. */
        NONE_GIVEN,
        /** Taken from {@link #variable()}. */
        ENVIRONMENT,
        /** The environment names a proxy, but {@link #variable()} (no_proxy) lists this host. */
        NO_PROXY,
        /** No proxy variable applies to this scheme. */
        NOTHING_SET,
        /** A proxy variable is set to something that does not read as a proxy; detail in {@link #variable()}. */
        BAD_VARIABLE
    }

    public static final ProxyRoute DIRECT = new ProxyRoute(null, Reason.NOTHING_SET, null);

    public boolean direct() {
        return proxy == null;
    }

    /** Whether the connection is handed to {@link OutboundSockets}: through a proxy, or failing on a bad variable. */
    public boolean tunnelled() {
        return proxy != null || reason == Reason.BAD_VARIABLE;
    }
}
