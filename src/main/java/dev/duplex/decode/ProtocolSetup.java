package dev.duplex.decode;

import java.util.Optional;

/**
 * What the user tells a protocol about its own start, beside the connection: whether Duplex keeps its heartbeat,
 * the login for its CONNECT (STOMP, MQTT), the payload of GraphQL's connection_init (where servers take a
 * token), STOMP's virtual host, and MQTT's last will. The same from {@code connect}'s options and from a tab's Application
 * protocol panel.
 *
 * @param connectionInit a JSON object, or "" for the empty one
 * @param virtualHost    STOMP's host header, "" for {@link #DEFAULT_VIRTUAL_HOST}
 * @param will           MQTT's last will as a /publish is typed ({@code [qos=0|1|2] [retain] TOPIC MESSAGE}), "" for none
 */
public record ProtocolSetup(boolean heartbeat, Optional<AppLogin> login, String connectionInit, String virtualHost,
        String will) {
    /** RabbitMQ's default virtual host; other brokers ignore the header. */
    public static final String DEFAULT_VIRTUAL_HOST = "/";

    public ProtocolSetup {
        login = login == null ? Optional.empty() : login;
        connectionInit = connectionInit == null ? "" : connectionInit.strip();
        virtualHost = virtualHost == null || virtualHost.isBlank() ? DEFAULT_VIRTUAL_HOST : virtualHost.strip();
        will = will == null ? "" : will.strip();
    }

    public static ProtocolSetup heartbeat(boolean on) {
        return new ProtocolSetup(on, Optional.empty(), "", "", "");
    }

    /** The same, with GraphQL's payload set to {@code payload}. */
    public ProtocolSetup withConnectionInit(String payload) {
        return new ProtocolSetup(heartbeat, login, payload, virtualHost, will);
    }

    /** Whether the connection_init payload reads as a JSON object (blank reads as the empty one). */
    public boolean connectionInitReads() {
        return isJsonObject(connectionInit);
    }

    /** Whether {@code typed} is a JSON object, or blank (the empty one). */
    public static boolean isJsonObject(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) return true;
        try {
            Json.fields(t);
            return t.startsWith("{");
        } catch (Json.NotJson e) {
            return false;
        }
    }
}
