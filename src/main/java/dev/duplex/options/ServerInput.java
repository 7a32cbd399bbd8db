package dev.duplex.options;

import java.util.List;

import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;

/**
 * The echo server's settings as typed (the window's server form and its Limits and pings, {@code serve}'s
 * options). Each text may be null for "not given": its default then applies.
 *
 * @param port             0 to 65535, 0 for any free port (default 8080)
 * @param bindAddress      an address of this machine (default 127.0.0.1); typed empty is a problem
 * @param path             the only path served, such as {@code /shiming}; empty serves every path
 * @param reply            the reply template; empty or {@code {message}} echoes
 * @param pingInterval     seconds between the server's pings, 0 to 86400, 0 never (default 60)
 * @param maxMessage       the largest message in bytes, 1 or more (default 16 MiB)
 * @param allowedOrigins   the Origins allowed, separated by commas or spaces; empty allows any
 * @param maxConnections   1 to 1 000 000 (default 1000)
 * @param handshakeTimeout ms a handshake may take, 1 to 3 600 000 (default 10 000)
 */
public record ServerInput(String port, String bindAddress, String path, String reply, String pingInterval,
        String maxMessage, String allowedOrigins, String maxConnections, String handshakeTimeout) {

    /** Every field not given: the defaults. */
    public static final ServerInput DEFAULTS = new ServerInput(null, null, null, null, null, null, null, null, null);

    /**
     * The server's configuration with these settings and behaviours (null: behaving normally), or the
     * first field that does not check: this form's fields first, in the form's order, then the behaviour's.
     */
    public Checked<ServerConfig> config(BehaviourInput behaviour) {
        try {
            int p = port(port).orThrow();
            String bind = bindAddress(bindAddress).orThrow();
            int interval = Typed.wholeNumber(pingInterval, 0, 86_400, ServerConfig.DEFAULT_PING_INTERVAL,
                    Field.PING_INTERVAL, "form.pingInterval").orThrow();
            ServerConfig.Limits limits = ServerConfig.Limits.DEFAULT;
            limits = limits.withMaxMessage(Typed.wholeNumber(maxMessage, 1, Integer.MAX_VALUE, limits.maxMessage(),
                    Field.MAX_MESSAGE, "form.maxMessage").orThrow());
            limits = limits.withMaxConnections(Typed.wholeNumber(maxConnections, 1, 1_000_000, limits.maxConnections(),
                    Field.MAX_CONNECTIONS, "form.maxConnections").orThrow());
            limits = limits.withHandshakeTimeout(Typed.wholeNumber(handshakeTimeout, 1, 3_600_000,
                    limits.handshakeTimeoutMs(), Field.HANDSHAKE_TIMEOUT, "form.handshakeTimeout").orThrow());
            limits = limits.withAllowedOrigins(allowedOrigins(allowedOrigins));
            ServerBehaviour b = (behaviour == null ? BehaviourInput.NORMAL : behaviour).parse().orThrow();
            return Checked.ok(new ServerConfig(bind, p, Typed.text(path), new ReplyTemplate(Typed.text(reply)),
                    interval, b, limits));
        } catch (Checked.Invalid e) {
            return Checked.bad(e.problem);
        }
    }

    /** A port to listen on: 0 to 65535, 0 for any free one; null is the default, 8080. */
    public static Checked<Integer> port(String typed) {
        return Typed.wholeNumber(typed, 0, 65_535, ServerConfig.DEFAULT_PORT, Field.PORT, "form.port");
    }

    /** The address to listen on, stripped; null is the default, 127.0.0.1. */
    public static Checked<String> bindAddress(String typed) {
        if (typed == null) return Checked.ok(ServerConfig.DEFAULT_BIND);
        String b = typed.strip();
        return b.isEmpty() || Typed.hasControl(b) || b.contains(" ") ? Checked.bad(Field.BIND_ADDRESS, "form.bind")
                : Checked.ok(b);
    }

    /** The Origins allowed to connect, typed separated by commas or spaces. */
    public static List<String> allowedOrigins(String typed) {
        return Typed.names(typed);
    }
}
