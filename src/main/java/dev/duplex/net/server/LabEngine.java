package dev.duplex.net.server;

import dev.duplex.net.Payload;
import dev.duplex.net.PingsInFlight;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.wire.ControlFrames;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * One run of the library's server (its servers are single use): it takes the library's calls and hands
 * each to the part of the lab that acts on it, the handshake to {@link HandshakePolicy}, a message to
 * {@link ReplyScheduler}, the sockets to {@link TappedConnectionFactory}, and says each in the log.
 */
final class LabEngine extends WebSocketServer {
    private final ServerConfig config;
    /** Where clients reach this run. */
    final URI url;
    final ClientTable clients = new ClientTable(this);
    final PingsInFlight pings = new PingsInFlight();

    private final WsListener listener;
    private final LabSwitches switches;
    private final HandshakePolicy policy;
    private final ReplyScheduler replies;
    private final WriteStallWatch writeWatch = new WriteStallWatch(this);
    private final TappedConnectionFactory connections;
    private final CountDownLatch started = new CountDownLatch(1);
    private final SelectorThreadDecoding decoding = new SelectorThreadDecoding(this, (conn, e) -> {
        onError(conn, e);
        conn.close(org.java_websocket.framing.CloseFrame.UNEXPECTED_CONDITION, "");
    });
    private volatile Exception startFailure;

    LabEngine(ServerSocketChannel channel, ServerConfig config, URI url, WsListener listener, LabSwitches switches) {
        super(channel);
        this.config = config;
        this.url = url;
        this.listener = listener;
        this.switches = switches;
        this.policy = new HandshakePolicy(config, listener, switches, () -> getConnections().size());
        this.replies = new ReplyScheduler(listener, switches);
        this.connections = new TappedConnectionFactory(config, listener, switches, writeWatch);
        // Every connection's bytes pass a wire tap: the handshake view and the frame inspector.
        setWebSocketFactory(connections);
        setDaemon(true);
        setReuseAddr(true);
        setConnectionLostTimeout(config.pingInterval());
    }

    /** Waits for the selector thread to be serving; false when it did not in time, or failed to. */
    boolean awaitStarted(long timeoutMs) throws InterruptedException {
        return started.await(timeoutMs, TimeUnit.MILLISECONDS) && startFailure == null;
    }

    /** Why the selector thread could not serve (such as a socket it could not open), or null. */
    Exception startFailure() {
        return startFailure;
    }

    @Override
    public void onStart() {
        writeWatch.start();
        started.countDown();
    }

    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        writeWatch.stop();
        replies.stop();
        connections.stop();
        super.stop(timeout, closeMessage);
    }

    /** Decodes on the selector thread: see {@link SelectorThreadDecoding} for why. */
    @Override
    protected void queue(WebSocketImpl conn) throws InterruptedException {
        decoding.decode(conn, super::queue);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        policy.admit(conn, request, response);
        return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        listener.on(clients.joined(conn, handshake));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        String peer = clients.peerOf(conn);
        listener.on(new WsEvent.Received(Instant.now(), peer, Payload.text(message)));
        replies.answer(conn, peer, Payload.text(config.reply().reply(message)));
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        String peer = clients.peerOf(conn);
        byte[] data = new byte[message.remaining()];
        message.get(data);
        Payload payload = Payload.binary(data);
        listener.on(new WsEvent.Received(Instant.now(), peer, payload));
        replies.answer(conn, peer, payload);
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        byte[] payload = ControlFrames.payloadOf(f); // before the pong: it is built on the same buffer
        boolean answer = switches.behaviour.answerPings();
        if (answer) super.onWebsocketPing(conn, f);
        listener.on(new WsEvent.Ping(Instant.now(), clients.peerOf(conn), Payload.binary(payload), answer));
    }

    /**
     * The library's own ping, every ping interval, to see that a client is still there: said in the log
     * as the lab's other acts are (the pong comes back as its own line).
     */
    @Override
    public PingFrame onPreparePing(WebSocket conn) {
        listener.on(new WsEvent.Behaved(Instant.now(), clients.peerOf(conn), ServerBehaviour.Act.PINGED,
                config.pingInterval(), ""));
        return super.onPreparePing(conn);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        super.onWebsocketPong(conn, f); // the library's lost-connection check counts pongs
        byte[] data = ControlFrames.payloadOf(f);
        String peer = clients.peerOf(conn);
        listener.on(new WsEvent.Pong(Instant.now(), peer, Payload.binary(data), pings.answered(peer, data)));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        listener.on(clients.left(conn, code, reason, remote));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null && started.getCount() > 0) {
            startFailure = ex;
            started.countDown();
            return;
        }
        listener.on(new WsEvent.Failed(Instant.now(), conn == null ? "" : clients.peerOf(conn), Problems.of(ex)));
    }
}
