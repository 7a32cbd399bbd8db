package dev.duplex.net.server;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.wire.TappedChannel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * Which upgrade requests the server takes, and how it answers the others: a version it does not speak
 * (426), the lab's refusal (any status), an Origin not on the allow-list (403), one connection too many
 * (503), a path it does not serve (404); and, for those it takes, the subprotocol it answers. Each refusal
 * is said in the log before it goes.
 */
final class HandshakePolicy {
    /** RFC 6455 4.2.2: an unsupported version is answered with the one we speak (the library says 404). */
    private static final byte[] UPGRADE_REQUIRED = ("HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerConfig config;
    private final WsListener listener;
    private final LabSwitches switches;
    /** How many connections the server holds now, this one not yet among them. */
    private final IntSupplier connections;

    HandshakePolicy(ServerConfig config, WsListener listener, LabSwitches switches, IntSupplier connections) {
        this.config = config;
        this.listener = listener;
        this.switches = switches;
        this.connections = connections;
    }

    /**
     * The answer to send in place of the library's to this request, or null to let the library's go. The
     * library checks the version before anything of ours runs, so this is asked by the wire tap, at the
     * answer's first write.
     */
    static byte[] answerInstead(HandshakeRecord request) {
        String version = request.requestHeader("Sec-WebSocket-Version");
        return !version.isEmpty() && !version.equals("13") ? UPGRADE_REQUIRED.clone() : null;
    }

    /**
     * Takes or refuses an upgrade request the library has found well-formed (on its worker thread). Taken,
     * the response gets its subprotocol and the connection its {@link Peer}; refused, the wire tap is
     * given the HTTP answer, and the library is told to drop the connection.
     *
     * @throws InvalidDataException to refuse (the library's own answer is then replaced, or is a 404)
     */
    void admit(WebSocket conn, ClientHandshake request, ServerHandshakeBuilder response) throws InvalidDataException {
        String address = Peer.addressOf(conn);
        String path = Peer.pathOf(request.getResourceDescriptor());
        ServerBehaviour b = switches.behaviour;
        ServerConfig.Refusal r = b.refusal();
        String wrong = notAnUpgrade(request);
        if (r == null && wrong != null) {
            // RFC 6455 4.2.1 lists what an opening handshake must hold; the library takes a request without.
            listener.on(new WsEvent.Failed(Instant.now(), address, new Problem(Problem.Kind.BAD_UPGRADE_REQUEST, wrong)));
            r = new ServerConfig.Refusal(400, null, "Not a WebSocket upgrade: " + wrong + "\n");
        }
        if (r != null) listener.on(new WsEvent.Behaved(Instant.now(), address, ServerBehaviour.Act.REFUSED, r.status(), ""));
        String origin = Peer.originOf(request);
        List<String> allowed = config.limits().allowedOrigins();
        if (r == null && !allowed.isEmpty() && !allowed.contains(origin)) {
            listener.on(new WsEvent.Failed(Instant.now(), address,
                    new Problem(Problem.Kind.ORIGIN_REFUSED, origin.isEmpty() ? "(none)" : origin)));
            r = new ServerConfig.Refusal(403, null, "Origin not allowed: " + origin + "\n");
        }
        if (r == null && connections.getAsInt() >= config.limits().maxConnections()) {
            listener.on(new WsEvent.Failed(Instant.now(), address,
                    new Problem(Problem.Kind.TOO_MANY_CLIENTS, Integer.toString(config.limits().maxConnections()))));
            r = new ServerConfig.Refusal(503, null, "Too many connections\n");
        }
        if (r != null) {
            if (conn instanceof WebSocketImpl impl && impl.getChannel() instanceof TappedChannel tapped) {
                tapped.replaceNextWrite(refusalResponse(r));
            }
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused with " + r.status());
        }
        if (!config.path().isEmpty() && !config.path().equals(path)) {
            listener.on(new WsEvent.Failed(Instant.now(), address, new Problem(Problem.Kind.WRONG_PATH, path)));
            // The library answers a rejected handshake with HTTP 404.
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "path not served: " + path);
        }
        String subprotocol = b.answerTo(offeredSubprotocols(request));
        if (!subprotocol.isEmpty()) {
            response.put("Sec-WebSocket-Protocol", subprotocol);
            listener.on(new WsEvent.Behaved(Instant.now(), address, ServerBehaviour.Act.SUBPROTOCOL, 0, subprotocol));
        }
        conn.setAttachment(new Peer(address, path, origin, subprotocol));
    }

    /**
     * What makes a request not an opening handshake (RFC 6455 4.2.1): an Upgrade without the websocket token, a
     * Connection without the upgrade token, a Sec-WebSocket-Key that is not 16 bytes in base64; null when it
     * is one. (The method and the version the library checks itself.)
     */
    static String notAnUpgrade(ClientHandshake request) {
        if (!hasToken(request.getFieldValue("Upgrade"), "websocket")) return "no Upgrade: websocket";
        if (!hasToken(request.getFieldValue("Connection"), "upgrade")) return "no Connection: Upgrade";
        String key = request.getFieldValue("Sec-WebSocket-Key").strip();
        try {
            if (java.util.Base64.getDecoder().decode(key).length == 16) return null;
        } catch (IllegalArgumentException notBase64) {
            // said below
        }
        return "Sec-WebSocket-Key is not 16 bytes in base64: " + key;
    }

    private static boolean hasToken(String header, String token) {
        for (String t : header.split(",")) if (t.strip().equalsIgnoreCase(token)) return true;
        return false;
    }

    /** The HTTP answer of a refusal: status line, plain headers, and the body. */
    private static byte[] refusalResponse(ServerConfig.Refusal r) {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + r.status() + " " + r.reason() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + r.headers().stream().map(h -> h.strip() + "\r\n").collect(Collectors.joining())
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** The subprotocols a client offered, in its order (the header may repeat, each a comma list). */
    private static List<String> offeredSubprotocols(ClientHandshake request) {
        if (!request.hasFieldValue("Sec-WebSocket-Protocol")) return List.of();
        List<String> offered = new ArrayList<>();
        for (String p : request.getFieldValue("Sec-WebSocket-Protocol").split(",")) {
            if (!p.isBlank()) offered.add(p.strip());
        }
        return offered;
    }
}
