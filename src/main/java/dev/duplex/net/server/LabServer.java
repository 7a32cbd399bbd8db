package dev.duplex.net.server;

import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.wire.ControlFrames;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.java_websocket.WebSocket;

/**
 * The embedded lab server: it echoes by default and misbehaves on purpose when asked. One instance can be
 * started and stopped any number of times; each start makes a new {@link LabEngine}, since the library's
 * servers are single use. What it does on each event is in the classes beside it: {@link HandshakePolicy}
 * (which upgrades it takes), {@link ReplyScheduler} (when the echo goes), {@link ClientFrameCheck} (the
 * RFC's rules on client frames), {@link TappedConnectionFactory} (the wire tap and TLS of each socket),
 * {@link WriteStallWatch}, {@link ClientTable}.
 *
 * <p>{@link #start} and {@link #stop} block (briefly and boundedly): call them off the UI thread.
 * Events go to the listener on the library's threads.
 */
public final class LabServer {
    /** How long {@link #stop} waits for the library's selector thread before giving up on it. */
    private static final int STOP_TIMEOUT_MS = 2_000;
    private static final long START_TIMEOUT_MS = 5_000;

    private final WsListener listener;
    private final LabSwitches switches = new LabSwitches();
    private LabEngine engine;

    public LabServer(WsListener listener) {
        this.listener = listener;
    }

    /**
     * Binds and starts listening; returns the address actually bound (so port 0 gives the real port).
     * The port is bound here, synchronously, so that "port in use" is an answer and not a log line.
     */
    public synchronized InetSocketAddress start(ServerConfig config) throws ServerStartException {
        if (engine != null) stop();
        BoundPort port = BoundPort.bind(config);
        switches.behaviour = config.behaviour();
        LabEngine next = new LabEngine(port.channel(), config, port.url(), listener, switches);
        next.start();
        try {
            if (!next.awaitStarted(START_TIMEOUT_MS)) {
                stopEngine(next);
                Exception cause = next.startFailure();
                throw new ServerStartException(cause == null
                        ? new Problem(Problem.Kind.OTHER, "the server did not start in time")
                        : Problems.of(cause), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopEngine(next);
            throw new ServerStartException(new Problem(Problem.Kind.OTHER, "interrupted"), e);
        }
        engine = next;
        listener.on(new WsEvent.Listening(Instant.now(), next.url, config.allInterfaces()));
        return port.address();
    }

    /** Closes every client with 1001 (going away) and stops listening. Bounded; safe to call twice. */
    public synchronized void stop() {
        LabEngine current = engine;
        engine = null;
        if (current != null) {
            stopEngine(current);
            listener.on(new WsEvent.Stopped(Instant.now()));
        }
    }

    /**
     * Reports every frame as a {@link WsEvent.Frame} (on by default). Off, frames are still checked
     * (masking, close reasons) but neither copied nor reported: for {@code serve} and for speed.
     */
    public void setCaptureFrames(boolean on) {
        switches.captureFrames = on;
    }

    /** Takes a client's permessage-deflate offer from the next connection on, asking nothing more, or declines. */
    public void setDeflate(boolean on) {
        setDeflate(on ? DeflateParams.DEFAULT : null);
    }

    /**
     * Takes a client's permessage-deflate offer from the next connection on (off by default: offers are declined),
     * answering with these parameters as {@link dev.duplex.net.deflate.DeflateNegotiation#answer} does. Every data
     * frame is compressed; the frames view shows them compressed, RSV1 set, and the log the messages inflated.
     *
     * @param params what to ask, or null to decline every offer
     */
    public void setDeflate(DeflateParams params) {
        switches.deflate = params;
    }

    /** Changes how the server misbehaves, from the next handshake, message or ping on. */
    public void setBehaviour(ServerBehaviour b) {
        switches.behaviour = b == null ? ServerBehaviour.NORMAL : b;
    }

    public ServerBehaviour behaviour() {
        return switches.behaviour;
    }

    public synchronized boolean isRunning() {
        return engine != null;
    }

    /** The URL clients reach the server at, or null when stopped. */
    public synchronized URI url() {
        return engine == null ? null : engine.url;
    }

    /** The connected clients' addresses ("127.0.0.1:51234"), in no particular order. */
    public List<String> clients() {
        LabEngine current = current();
        return current == null ? List.of() : current.clients.addresses();
    }

    public int clientCount() {
        LabEngine current = current();
        return current == null ? 0 : current.clients.count();
    }

    /** Sends a text message to every connected client; returns how many it went to. */
    public int broadcast(String text) {
        LabEngine e = running();
        int n = 0;
        for (WebSocket c : e.getConnections()) {
            if (!c.isOpen()) continue;
            c.send(text);
            listener.on(new WsEvent.Sent(Instant.now(), e.clients.peerOf(c), Payload.text(text)));
            n++;
        }
        return n;
    }

    /** Sends a text message to one client (server push: the server speaks first). */
    public void send(String peer, String text) {
        running().clients.open(peer).send(text);
        listener.on(new WsEvent.Sent(Instant.now(), peer, Payload.text(text)));
    }

    /** Pings one client; its pong is reported with the round-trip time. */
    public void ping(String peer, byte[] payload) {
        LabEngine e = running();
        WebSocket c = e.clients.open(peer);
        e.pings.sent(peer, payload);
        c.sendFrame(ControlFrames.ping(payload));
    }

    /** Closes one client with this code and reason (a valid close; see {@link #closeRaw} for others). */
    public void close(String peer, int code, String reason) {
        running().clients.open(peer).close(code, reason);
    }

    /** Sends one client a close frame exactly as given, valid or not ({@code code} -1: no code). */
    public void closeRaw(String peer, int code, byte[] reason) {
        running().clients.open(peer).sendFrame(ControlFrames.close(code, reason));
    }

    private synchronized LabEngine current() {
        return engine;
    }

    private LabEngine running() {
        LabEngine e = current();
        if (e == null) throw new IllegalStateException("the server is not running");
        return e;
    }

    private static void stopEngine(LabEngine e) {
        try {
            e.stop(STOP_TIMEOUT_MS, "server stopping");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
