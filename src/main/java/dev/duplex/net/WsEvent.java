package dev.duplex.net;

import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.wire.FrameInfo;

import java.net.URI;
import java.time.Instant;

/**
 * Everything the network layer reports, client and server alike. The window's logs and the command
 * line's output are both made from these, so a test of the events covers both views.
 */
public sealed interface WsEvent {

    /** When it happened, taken on the socket thread, not when a view got round to showing it. */
    Instant at();

    // ---- client side: named after the browser's WebSocket events ----

    /** onopen: the handshake succeeded. */
    record Opened(Instant at, URI url, String subprotocol) implements WsEvent { }

    /**
     * onclose. {@code code} is what a browser would report: 1006 when no close frame came back (or the
     * connection never opened). {@code byServer} tells who started the closing.
     */
    record Closed(Instant at, int code, String reason, boolean wasClean, boolean byServer) implements WsEvent { }

    // ---- server side: like the seed's Go server printing to its console ----

    /** The server accepts connections at this URL; {@code allInterfaces} when bound to 0.0.0.0 or ::. */
    record Listening(Instant at, URI url, boolean allInterfaces) implements WsEvent { }

    /** The server stopped; it no longer listens. */
    record Stopped(Instant at) implements WsEvent { }

    /** A client finished its handshake with the server; {@code subprotocol} is what the server answered ("" none). */
    record ClientJoined(Instant at, String peer, String path, String origin, String subprotocol, int clients)
            implements WsEvent { }

    /** A client's connection ended, with the close code seen by the server. */
    record ClientLeft(Instant at, String peer, int code, String reason, boolean byClient, int clients)
            implements WsEvent { }

    // ---- both sides ----

    /** A message came in from {@code peer}. */
    record Received(Instant at, String peer, Payload payload) implements WsEvent { }

    /** A message went out to {@code peer} (what the client sent, or the server's reply). */
    record Sent(Instant at, String peer, Payload payload) implements WsEvent { }

    /**
     * What a message meant in the application protocol the tab decodes (Socket.IO, GraphQL …), or what that
     * protocol said by itself: a line after the message's own. {@code way} is the message's.
     */
    record Meant(Instant at, Way way, dev.duplex.decode.Decoded line) implements WsEvent {
        /** Which way the message went, or STATE for what the protocol says on its own (at the open, a command typed). */
        public enum Way { IN, OUT, STATE }
    }

    /** onerror, with the real cause. {@code peer} may be empty when no connection is involved. */
    record Failed(Instant at, String peer, Problem problem) implements WsEvent { }

    // ---- protocol explorer: what the browser does not show ----

    /** The opening handshake as it crossed the wire, both ways (an answer that refused included). */
    record Handshake(Instant at, String peer, HandshakeRecord record) implements WsEvent { }

    /** One frame, in or out, for the frame inspector. */
    record Frame(Instant at, String peer, FrameInfo frame) implements WsEvent { }

    /** A switch of the server lab acted: see {@link ServerBehaviour.Act} for what number and detail hold. */
    record Behaved(Instant at, String peer, ServerBehaviour.Act act, long number, String detail) implements WsEvent { }

    /** A pong came back; {@code rttNanos} is the time since the ping with the same payload, or -1. */
    record Pong(Instant at, String peer, Payload payload, long rttNanos) implements WsEvent { }

    /** A ping came in; {@code answered} says whether a pong went back (automatic pongs can be off). */
    record Ping(Instant at, String peer, Payload payload, boolean answered) implements WsEvent { }
}
