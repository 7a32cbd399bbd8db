package dev.duplex.net.server;

import dev.duplex.net.WsEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The clients of one run of the server: who each is (its {@link Peer}), how many are open, and finding
 * one by the address the logs show. The connections themselves are the library's list; this adds what
 * the server knows of them.
 */
final class ClientTable {
    private final WebSocketServer server;
    private final AtomicInteger open = new AtomicInteger();

    ClientTable(WebSocketServer server) {
        this.server = server;
    }

    /** A connection has opened: it is counted, and said as the log says it. */
    WsEvent.ClientJoined joined(WebSocket conn, ClientHandshake handshake) {
        Peer peer = Peer.of(conn);
        if (peer == null) {
            // Every handshake the policy admits has its peer; this is only in case the library let one by.
            peer = new Peer(Peer.addressOf(conn), Peer.pathOf(handshake.getResourceDescriptor()),
                    Peer.originOf(handshake), "");
            conn.setAttachment(peer);
        }
        peer.announce();
        int n = open.incrementAndGet();
        return new WsEvent.ClientJoined(Instant.now(), peer.address, peer.path, peer.origin, peer.subprotocol, n);
    }

    /** A connection has closed, whoever closed it. */
    WsEvent.ClientLeft left(WebSocket conn, int code, String reason, boolean remote) {
        int n = open.decrementAndGet();
        return new WsEvent.ClientLeft(Instant.now(), peerOf(conn), code, reason == null ? "" : reason, remote, n);
    }

    int count() {
        return open.get();
    }

    /** The address a connection is known by. */
    String peerOf(WebSocket conn) {
        Peer peer = Peer.of(conn);
        return peer != null ? peer.address : Peer.addressOf(conn);
    }

    /** Every connection's address, in no particular order. */
    List<String> addresses() {
        List<String> peers = new ArrayList<>();
        for (WebSocket c : server.getConnections()) peers.add(peerOf(c));
        return peers;
    }

    /** The open connection of the client at this address. */
    WebSocket open(String peer) {
        for (WebSocket c : server.getConnections()) {
            if (peerOf(c).equals(peer) && c.isOpen()) return c;
        }
        throw new IllegalStateException("no client " + peer);
    }
}
