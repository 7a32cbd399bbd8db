package dev.duplex.net.proxy;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.wire.ControlFrames;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.CloseRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * One client's pair of connections: the client's to Duplex (a connection of {@link ProxyEngine}) and
 * Duplex's own to the upstream (a {@link WsClient}). It opens the upstream leg when the client's request
 * is in, answers the client as the upstream answered, then passes every message, ping, pong and close from
 * each leg to the other, through the rules.
 *
 * <p>Closing: the close that comes first, from either side, is passed to the other with its code and
 * reason as given; a side that dropped the connection (1006, no close frame) is passed on as
 * {@link #CLIENT_DROPPED} or {@link #UPSTREAM_DROPPED}. Each leg then finishes its own closing handshake:
 * Java-WebSocket answers a close frame at once, so the client gets the server's close frame only when the
 * server was the one to close.
 */
final class Pair {
    /** What the upstream is told when the client went without a close frame: it is going away. */
    static final CloseRequest CLIENT_DROPPED = new CloseRequest(CloseCodes.GOING_AWAY, "client dropped the connection");
    /** What the client is told when the upstream went without a close frame: the server side failed it. */
    static final CloseRequest UPSTREAM_DROPPED = new CloseRequest(CloseCodes.INTERNAL_ERROR, "upstream dropped the connection");

    /** Where the upstream leg is; ABANDONED: the client left before the upstream answered. */
    private enum Upstream { NOT_ASKED, CONNECTING, OPEN, REFUSED, ABANDONED }

    final int id;
    final String client;
    private final ProxyConfig config;
    private final ProxyListener listener;
    private final PairCounter counter;
    private final WebSocket conn;
    private final HeldRequestChannel held;
    private final RelayRules rules;
    private final WsClient upstream = new WsClient(this::onUpstream);
    /** What goes to the server, and to the client, in order (see {@link Outbox}). */
    private final Outbox up;
    private final Outbox down;
    private volatile URI upstreamUrl;
    private volatile Upstream state = Upstream.NOT_ASKED;
    private volatile String subprotocol = "";
    private volatile byte[] refusal;
    /** Guarded by this: whether the client has its 101, whether its leg has ended, and what waits for the 101. */
    private boolean clientOpen;
    private boolean clientGone;
    private final List<Runnable> beforeClientOpen = new ArrayList<>();
    private final AtomicReference<Leg> closedFirst = new AtomicReference<>();
    /** Held while sending toward the client, to keep those sends in order (see {@link #toClient}). */
    private final Object sending = new Object();
    /** The close frame the client sent, as its leg's tap read it; null until one came. */
    private volatile CloseRequest clientCloseFrame;
    /** Whether this pair is among the open ones counted, so that it leaves the count once. */
    private final AtomicBoolean counted = new AtomicBoolean();

    /** How many pairs are open, for the log's "(2 open)". */
    interface PairCounter {
        /** One more is open; returns how many are. */
        int opened();

        /** One fewer is open; returns how many are. */
        int closed();

        int open();
    }

    Pair(int id, String client, ProxyConfig config, ProxyListener listener, PairCounter counter, WebSocket conn,
            HeldRequestChannel held, Interception interception) {
        this.id = id;
        this.client = client;
        this.config = config;
        this.listener = listener;
        this.counter = counter;
        this.conn = conn;
        this.held = held;
        this.rules = new RelayRules(config.rules());
        this.up = new Outbox(id, Direction.UP, listener, interception, this::sendUp);
        this.down = new Outbox(id, Direction.DOWN, listener, interception, this::sendDown);
        upstream.setAutoPong(config.answerPings());
        upstream.setKeepAlive(0);
        upstream.trust(config.trusted());
    }

    // ---- the handshake ----

    /** The client's request head is in (on the selector thread): connect upstream, or let the library refuse it. */
    void requestReceived(byte[] bytes) {
        HandshakeRecord request = new HandshakeRecord(new String(bytes, StandardCharsets.ISO_8859_1), "");
        if (!UpstreamRequest.isUpgrade(request)) {
            held.release(); // not a WebSocket upgrade Duplex can pass on: the library answers it as it does
            return;
        }
        UpstreamRequest ask = UpstreamRequest.of(config.upstream(), request, config.connectTimeoutMs(), config.headers());
        upstreamUrl = ask.url();
        state = Upstream.CONNECTING;
        listener.on(new ProxyEvent.Arrived(Instant.now(), id, client, UpstreamRequest.requestTarget(request.requestLine()),
                ask.url()));
        upstream.connect(ask.url(), ask.options());
    }

    /** The upstream's subprotocol for the client's 101, or null when the client must be refused (see {@link #refusal}). */
    String answer() {
        return state == Upstream.OPEN ? subprotocol : null;
    }

    /** The HTTP answer that refuses the client, when the upstream did not take the connection. */
    byte[] refusal() {
        byte[] r = refusal;
        return r != null ? r : GatewayRefusal.of(new Problem(Problem.Kind.OTHER, "not passed on"), config.upstream()).bytes();
    }

    /** The client has its 101 (on the worker thread): what came down meanwhile goes to it now, in order. */
    void clientOpened() {
        synchronized (sending) {
            List<Runnable> waiting;
            synchronized (this) {
                clientOpen = true;
                waiting = List.copyOf(beforeClientOpen);
                beforeClientOpen.clear();
            }
            counted.set(true);
            listener.on(new ProxyEvent.Opened(Instant.now(), id, client, upstreamUrl, subprotocol, counter.opened()));
            for (Runnable r : waiting) sendNow(r);
        }
    }

    // ---- up: what the client sent ----

    void fromClient(Payload message) {
        pass(Direction.UP, message, up);
    }

    private void sendUp(Payload p) {
        toUpstream(() -> {
            if (p.isBinary()) upstream.send(p.bytes());
            else upstream.send(p.text());
        });
    }

    private void sendDown(Payload p) {
        toClient(() -> {
            if (p.isBinary()) conn.send(p.bytes());
            else conn.send(p.text());
        });
    }

    void pingFromClient(byte[] payload) {
        listener.on(new ProxyEvent.Control(Instant.now(), id, Direction.UP, true, Payload.binary(payload), !config.answerPings()));
        if (!config.answerPings()) toUpstream(() -> upstream.ping(payload));
    }

    void pongFromClient(byte[] payload) {
        listener.on(new ProxyEvent.Control(Instant.now(), id, Direction.UP, false, Payload.binary(payload), !config.answerPings()));
        if (!config.answerPings()) toUpstream(() -> upstream.pong(payload));
    }

    private void toUpstream(Runnable send) {
        try {
            send.run();
        } catch (IllegalStateException closed) {
            // the upstream leg is closing
        }
    }

    /** The client's close frame went by on the wire (the selector thread), before the library acted on it. */
    /** The close a person gave the client's leg ({@link #closeLeg}), or null. */
    private volatile CloseRequest clientClosedByHand;

    void clientSentClose(int code, String reason) {
        if (clientCloseFrame == null) clientCloseFrame = new CloseRequest(code, reason);
    }

    /** The client's leg ended (on a worker thread): the upstream is told, unless it was the one to close first. */
    void clientClosed(int libraryCode, String libraryReason) {
        CloseRequest sent = clientCloseFrame;
        CloseRequest hand = clientClosedByHand;
        // The library says 1006 when the client's TCP end reaches it before its worker has taken in the close
        // frame read just before (its own race, seen on a loaded machine); the client did close, with this.
        boolean lost = (libraryCode == CloseCodes.ABNORMAL || libraryCode < 0) && sent != null;
        // A person closed this leg: theirs is the close to pass on, not the client's answer to it (the JDK's
        // client answers with the code alone), whichever of the two the library ends up reporting.
        int code = hand != null ? hand.code() : lost ? sent.code() : libraryCode;
        String reason = hand != null ? hand.reason() : lost ? sent.reason() : libraryReason;
        boolean wasOpen;
        synchronized (this) {
            wasOpen = clientOpen;
            clientOpen = false;
            clientGone = true;
            beforeClientOpen.clear();
        }
        if (!wasOpen) {
            // The client left before its 101 (or was refused): an upstream leg still on its way goes too.
            Upstream before = state;
            if (before != Upstream.CONNECTING && before != Upstream.OPEN) return;
            state = Upstream.ABANDONED;
            if (closedFirst.compareAndSet(null, Leg.CLIENT)) {
                toUpstream(() -> upstream.close(CLIENT_DROPPED.code(), CLIENT_DROPPED.reason()));
                listener.on(new ProxyEvent.Closed(Instant.now(), id, Leg.CLIENT, CloseCodes.ABNORMAL, reason,
                        CLIENT_DROPPED.code(), CLIENT_DROPPED.reason(), counter.open()));
            }
            return;
        }
        int pairs = uncount();
        if (!closedFirst.compareAndSet(null, Leg.CLIENT)) return; // the upstream closed first: this was our answer
        boolean dropped = code == CloseCodes.ABNORMAL || code < 0;
        CloseRequest passed = dropped ? CLIENT_DROPPED
                : new CloseRequest(code == CloseCodes.NO_STATUS ? CloseRequest.NO_CODE : code, reason);
        // After the messages still on their way up (held by a person, or delayed).
        up.close(() -> {
            toUpstream(() -> passed.sendThrough(upstream::close, upstream::closeRaw));
            listener.on(new ProxyEvent.Closed(Instant.now(), id, Leg.CLIENT, dropped ? CloseCodes.ABNORMAL : code,
                    reason, passed.code(), passed.reason(), pairs));
        });
    }

    // ---- a person's hand (interception) ----

    /** Sends a held message on ({@code payload} as it was or edited); false when it is not held here. */
    boolean forward(long heldId, Payload payload) {
        return up.forward(heldId, payload) || down.forward(heldId, payload);
    }

    boolean drop(long heldId) {
        return up.drop(heldId) || down.drop(heldId);
    }

    void releaseAll() {
        up.releaseAll();
        down.releaseAll();
    }

    boolean holdsAny() {
        return up.holdsAny() || down.holdsAny();
    }

    /**
     * A person's message toward one side, sent at once, ahead of any held ones: it is theirs to place. False
     * when that leg is not open.
     */
    boolean inject(Direction toward, Payload payload) {
        if (toward == Direction.UP ? state != Upstream.OPEN || !upstream.isOpen() : !isClientOpen()) return false;
        listener.on(new ProxyEvent.Message(Instant.now(), id, toward, ProxyEvent.Fate.INJECTED, payload, payload, ""));
        if (toward == Direction.UP) sendUp(payload);
        else sendDown(payload);
        return true;
    }

    /**
     * A person closes one leg with their code and reason; the other leg is then closed as when that side
     * closes (its code and reason passed on). False when that leg is not open.
     */
    boolean closeLeg(Leg leg, int code, String reason) {
        if (leg == Leg.UPSTREAM) {
            if (state != Upstream.OPEN || !upstream.isOpen()) return false;
            toUpstream(() -> upstream.close(code, reason));
            return true;
        }
        if (!isClientOpen()) return false;
        clientClosedByHand = new CloseRequest(code, reason);
        sendNow(() -> conn.close(code, reason));
        return true;
    }

    private synchronized boolean isClientOpen() {
        return clientOpen && !clientGone;
    }

    /** The proxy is stopping: the upstream leg is closed with 1001 now, whether or not the client's close comes back. */
    void proxyStopping() {
        up.discardHeld("proxy stopped");
        down.discardHeld("proxy stopped");
        if (state != Upstream.CONNECTING && state != Upstream.OPEN) return;
        if (!closedFirst.compareAndSet(null, Leg.CLIENT)) return;
        toUpstream(() -> upstream.close(CloseCodes.GOING_AWAY, "Duplex proxy stopping"));
    }

    /** Takes this pair out of the open ones (once); returns how many are open now. */
    private int uncount() {
        return counted.compareAndSet(true, false) ? counter.closed() : counter.open();
    }

    // ---- down: what the upstream sent ----

    private void onUpstream(WsEvent event) {
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake) {
            if (config.captureFrames() || event instanceof WsEvent.Handshake) {
                listener.on(new ProxyEvent.Wire(event.at(), id, Leg.UPSTREAM, event));
            }
        } else if (event instanceof WsEvent.Opened o) {
            subprotocol = o.subprotocol();
            state = Upstream.OPEN;
            held.release();
        } else if (event instanceof WsEvent.Failed f) {
            if (state == Upstream.CONNECTING) refuse(f.problem());
            else listener.on(new ProxyEvent.Failed(f.at(), id, Leg.UPSTREAM, f.problem()));
        } else if (event instanceof WsEvent.Closed c) {
            if (state == Upstream.CONNECTING) refuse(new Problem(Problem.Kind.OTHER, "the upstream closed before it opened"));
            else if (state == Upstream.OPEN) upstreamClosed(c);
        } else if (event instanceof WsEvent.Received r) {
            pass(Direction.DOWN, r.payload(), down);
        } else if (event instanceof WsEvent.Ping p) {
            listener.on(new ProxyEvent.Control(p.at(), id, Direction.DOWN, true, p.payload(), !p.answered()));
            if (!p.answered()) toClient(() -> conn.sendFrame(ControlFrames.ping(p.payload().bytes())));
        } else if (event instanceof WsEvent.Pong p) {
            listener.on(new ProxyEvent.Control(p.at(), id, Direction.DOWN, false, p.payload(), !config.answerPings()));
            if (!config.answerPings()) toClient(() -> conn.sendFrame(ControlFrames.pong(p.payload().bytes())));
        }
        // Sent: the message events are the pair's own (Message), said before each send.
    }

    /** The upstream did not take the connection: the client is refused with a gateway error that says why. */
    private void refuse(Problem problem) {
        if (state != Upstream.CONNECTING) return;
        GatewayRefusal r = GatewayRefusal.of(problem, upstreamUrl);
        refusal = r.bytes();
        state = Upstream.REFUSED;
        listener.on(new ProxyEvent.Refused(Instant.now(), id, client, upstreamUrl, problem, r.status()));
        held.release();
    }

    private void upstreamClosed(WsEvent.Closed c) {
        if (!closedFirst.compareAndSet(null, Leg.UPSTREAM)) return; // the client closed first
        boolean dropped = c.code() == CloseCodes.ABNORMAL;
        CloseRequest passed = dropped ? UPSTREAM_DROPPED
                : new CloseRequest(c.code() == CloseCodes.NO_STATUS ? CloseRequest.NO_CODE : c.code(), c.reason());
        int pairs = uncount();
        down.close(() -> {
            toClient(() -> passed.sendThrough(conn::close, (code, reason) -> conn.sendFrame(ControlFrames.close(code, reason))));
            listener.on(new ProxyEvent.Closed(Instant.now(), id, Leg.UPSTREAM, c.code(), c.reason(), passed.code(),
                    passed.reason(), pairs));
        });
    }

    /** Sends toward the client once it has its 101 (the upstream may speak first, before that). */
    /**
     * Sends toward the client once it has its 101. The send itself is made outside this pair's monitor: a
     * close takes the library's lock of the connection, and the library's selector calls {@link
     * #clientClosed} holding that lock (a deadlock the proxy's tests hit once). {@link #sending} keeps the
     * sends in order instead, and nothing the selector calls takes it.
     */
    private void toClient(Runnable send) {
        synchronized (sending) {
            synchronized (this) {
                if (clientGone) return; // its close is on its way upstream
                if (!clientOpen) {
                    beforeClientOpen.add(send);
                    return;
                }
            }
            sendNow(send);
        }
    }

    private static void sendNow(Runnable send) {
        try {
            send.run();
        } catch (WebsocketNotConnectedException | IllegalStateException closing) {
            // the client leg is closing: its close is on its way upstream
        }
    }

    /** The message through the rules, then into its way's outbox; a drop is said here, the rest as it goes. */
    private void pass(Direction way, Payload message, Outbox outbox) {
        if (message.isBinary()) {
            outbox.message(message, message, ProxyEvent.Fate.RELAYED, "", 0, "");
            return;
        }
        RelayRules.Outcome o = rules.apply(way, message.text());
        if (o.dropped()) {
            listener.on(new ProxyEvent.Message(Instant.now(), id, way, ProxyEvent.Fate.DROPPED, message, message,
                    o.droppedBy().typed()));
            return;
        }
        Payload passed = o.rewritten() ? Payload.text(o.text()) : message;
        outbox.message(message, passed, o.rewritten() ? ProxyEvent.Fate.REWRITTEN : ProxyEvent.Fate.RELAYED, o.rules(),
                o.delayMs(), o.delayedBy() == null ? "" : o.delayedBy().typed());
    }
}
