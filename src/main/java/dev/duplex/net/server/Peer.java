package dev.duplex.net.server;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/** What the server remembers of each client, kept as the connection's attachment. */
final class Peer {
    /** As the logs show it: "127.0.0.1:51234", "[::1]:51234". */
    final String address;
    final String path;
    final String origin;
    final String subprotocol;
    /** Messages received so far, for "drop every Nth" and "close after N". */
    private final AtomicInteger messages = new AtomicInteger();
    /**
     * Whether the server has announced the connection (its onOpen ran). The library marks a connection
     * open just before it adds it to its clients and announces it; a connection closed in between is
     * never announced closed, and is listed for ever once it is added.
     */
    private volatile boolean announced;

    Peer(String address, String path, String origin, String subprotocol) {
        this.address = address;
        this.path = path;
        this.origin = origin;
        this.subprotocol = subprotocol;
    }

    /** The peer a connection's handshake admitted, or null before that. */
    static Peer of(WebSocket conn) {
        return conn.getAttachment() instanceof Peer p ? p : null;
    }

    void announce() {
        announced = true;
    }

    /** Whether a close now would be reported: the library has added and announced the connection. */
    static boolean announced(org.java_websocket.WebSocket conn) {
        Peer peer = of(conn);
        return peer != null && peer.announced;
    }

    /** Counts one more message received; returns how many have come, this one included. */
    int messageReceived() {
        return messages.incrementAndGet();
    }

    /** The path of a request target, its query left out ("/" when there is none). */
    static String pathOf(String resourceDescriptor) {
        if (resourceDescriptor == null || resourceDescriptor.isEmpty()) return "/";
        int q = resourceDescriptor.indexOf('?');
        return q >= 0 ? resourceDescriptor.substring(0, q) : resourceDescriptor;
    }

    /** The Origin a request carried, or "". */
    static String originOf(ClientHandshake request) {
        return request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : "";
    }

    static String addressOf(WebSocket conn) {
        return addressOf(conn.getRemoteSocketAddress());
    }

    /** The address of a socket just accepted, before the library has made a connection of it. */
    static String addressOf(SocketChannel socket) {
        try {
            return addressOf((InetSocketAddress) socket.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String addressOf(InetSocketAddress remote) {
        if (remote == null) return "?";
        InetAddress a = remote.getAddress();
        String host = a == null ? remote.getHostString()
                : a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + remote.getPort();
    }
}
