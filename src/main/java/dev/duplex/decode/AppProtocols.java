package dev.duplex.decode;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.duplex.decode.graphql.GraphqlSession;
import dev.duplex.decode.jsonrpc.JsonRpcSession;
import dev.duplex.decode.mqtt.MqttSession;
import dev.duplex.decode.socketio.SocketIoSession;
import dev.duplex.decode.stomp.StompSession;

/**
 * The application protocols Duplex speaks, by the name users type, and the choice {@code auto} makes from the
 * URL and the subprotocols offered: a path with {@code /socket.io/} or an {@code EIO=} query is Socket.IO, an offer
 * of graphql-transport-ws or graphql-ws is GraphQL, one of v12.stomp, v11.stomp or v10.stomp is STOMP, an offer
 * of mqtt is MQTT 3.1.1 (the first of the two that offer it; MQTT 5 is chosen by name).
 */
public final class AppProtocols {
    public static final String AUTO = "auto";
    public static final String SOCKET_IO = "socket.io";
    public static final String GRAPHQL = GraphqlSession.NAME;
    public static final String JSON_RPC = JsonRpcSession.NAME;
    public static final String STOMP = StompSession.NAME;
    public static final String MQTT = MqttSession.NAME;
    public static final String MQTT_5 = MqttSession.NAME_5;
    /** What {@code --decode} takes, in the order its help lists them. */
    public static final List<String> NAMES = List.of(SOCKET_IO, STOMP, GRAPHQL, JSON_RPC, MQTT, MQTT_5, AUTO);

    private AppProtocols() { }

    /** Whether a typed name is one of {@link #NAMES} (in any case). */
    public static boolean known(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The protocol for a connection to {@code url}: empty when {@code auto} finds none. */
    public static Optional<AppProtocol> forConnection(String name, URI url, List<String> offered, boolean heartbeat) {
        return forConnection(name, url, offered, ProtocolSetup.heartbeat(heartbeat));
    }

    /** The same, with what the user said of the protocol's start: its login, GraphQL's connection_init, STOMP's host, MQTT's will. */
    public static Optional<AppProtocol> forConnection(String name, URI url, List<String> offered, ProtocolSetup setup) {
        boolean heartbeat = setup.heartbeat();
        Optional<AppLogin> login = setup.login();
        String n = chosen(name, url, offered);
        if (n.equals(SOCKET_IO)) return Optional.of(new SocketIoSession(heartbeat, dev.duplex.decode.socketio.SocketIoUrl.isEngine3(url)));
        if (n.equals(GRAPHQL)) return Optional.of(new GraphqlSession(setup.connectionInit()));
        if (n.equals(JSON_RPC)) return Optional.of(new JsonRpcSession());
        if (n.equals(STOMP)) return Optional.of(new StompSession(heartbeat, login, setup.virtualHost()));
        if (n.equals(MQTT)) return Optional.of(new MqttSession(false, heartbeat, login, setup.will()));
        if (n.equals(MQTT_5)) return Optional.of(new MqttSession(true, heartbeat, login, setup.will()));
        return Optional.empty();
    }

    /**
     * The subprotocols each protocol offers, its preferred first, so that the server can answer with the one
     * it speaks; {@code auto} chooses the protocol whose subprotocol the user offered.
     */
    private static final java.util.Map<String, List<String>> SUBPROTOCOLS = java.util.Map.of(
            GRAPHQL, GraphqlSession.SUBPROTOCOLS,
            STOMP, StompSession.SUBPROTOCOLS,
            MQTT, MqttSession.SUBPROTOCOLS,
            MQTT_5, MqttSession.SUBPROTOCOLS);

    /** The subprotocols to offer: the user's, then those the protocol needs that the user did not name. */
    public static List<String> offer(String name, List<String> offered) {
        List<String> needed = SUBPROTOCOLS.getOrDefault(chosen(name, null, offered), List.of());
        if (needed.isEmpty()) return offered;
        List<String> all = new java.util.ArrayList<>(offered);
        for (String s : needed) if (!all.contains(s)) all.add(s);
        return all;
    }

    private static String chosen(String name, URI url, List<String> offered) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.equals(AUTO)) return n;
        for (String protocol : NAMES) {
            if (SUBPROTOCOLS.getOrDefault(protocol, List.of()).stream().anyMatch(offered::contains)) return protocol;
        }
        return url == null ? "" : guess(url);
    }

    /**
     * The URL the protocol connects to: for Socket.IO, a bare server address gets the path and query a
     * Socket.IO client would use ({@code /socket.io/?EIO=4&transport=websocket}); other URLs are kept.
     */
    public static URI completeUrl(String name, URI url) {
        return chosen(name, url, List.of()).equals(SOCKET_IO) ? dev.duplex.decode.socketio.SocketIoUrl.complete(url) : url;
    }

    static String guess(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        if (path.contains("/socket.io/") || query.matches("(^|.*&)EIO=\\d.*")) return SOCKET_IO;
        return "";
    }
}
