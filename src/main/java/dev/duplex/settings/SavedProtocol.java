package dev.duplex.settings;

/**
 * A saved connection's application protocol, as its tab's protocol panel had it: which one ("" for none),
 * whether its heartbeats are answered, its own login (STOMP's, MQTT's), GraphQL's connection_init payload,
 * STOMP's virtual host and MQTT's last will (as typed).
 *
 * @param password "" unless the user asked for secrets to be saved
 * @param virtualHost "" for the default one
 */
public record SavedProtocol(String name, boolean heartbeat, String login, String password, String connectionInit,
        String virtualHost, String will) {
    /** No protocol, the panel's defaults. */
    public static final SavedProtocol NONE = new SavedProtocol("", true, "", "", "", "", "");

    public SavedProtocol {
        name = name == null ? "" : name;
        login = login == null ? "" : login;
        password = password == null ? "" : password;
        connectionInit = connectionInit == null ? "" : connectionInit;
        virtualHost = virtualHost == null ? "" : virtualHost;
        will = will == null ? "" : will;
    }
}
