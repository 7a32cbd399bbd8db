package dev.duplex.check;

import java.util.Map;

import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.tls.client.ClientTls;

/**
 * How the checker's connections go out, as {@code connect}'s do: through the proxy chosen (by default the one
 * the environment names, as curl reads it), and on wss:// with the client certificate and CA file given.
 *
 * @param proxy       the proxy chosen
 * @param environment where the proxy variables are read (the process's own but in tests)
 * @param clientTls   a certificate to present when asked, and CAs to trust besides the JDK's
 */
public record Outbound(ProxyChoice proxy, Map<String, String> environment, ClientTls clientTls) {
    /** The environment's proxy, if it names one, and no client certificate: what a bare {@code duplex check} does. */
    public static final Outbound DEFAULT = new Outbound(ProxyChoice.FROM_ENVIRONMENT, System.getenv(), ClientTls.NONE);

    public Outbound {
        environment = Map.copyOf(environment);
    }

    /** The process's environment for the proxy variables. */
    public Outbound(ProxyChoice proxy, ClientTls clientTls) {
        this(proxy, System.getenv(), clientTls);
    }
}
