package dev.duplex.net.server;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.RawFrame;
import dev.duplex.net.wire.TappedChannel;
import dev.duplex.net.wire.TappedTlsChannel;
import dev.duplex.net.wire.WireTap;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.Utf8;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * The embedded echo server. One instance can be started and stopped any number of times; each start
 * makes a new Java-WebSocket server, since the library's servers are single use.
 *
 * <p>{@link #start} and {@link #stop} block (briefly and boundedly): call them off the UI thread.
 * Events go to the listener on the library's threads.
 */
public final class LabServer {
    /** How long {@link #stop} waits for the library's selector thread before giving up on it. */
    private static final int STOP_TIMEOUT_MS = 2_000;
    private static final long START_TIMEOUT_MS = 5_000;
    /** How long a wss:// client may take over its TLS handshake. */
    private static final int TLS_HANDSHAKE_MS = 3_000;

    private final WsListener listener;
    private Engine engine;
    /** Whether frames are reported (the window shows them); the headless server can do without. */
    private volatile boolean captureFrames = true;
    /** The switches of the server lab; read at each handshake, message and ping, so changes apply at once. */
    private volatile ServerBehaviour behaviour = ServerBehaviour.NORMAL;

    public LabServer(WsListener listener) {
        this.listener = listener;
    }

    /**
     * Binds and starts listening; returns the address actually bound (so port 0 gives the real port).
     * The port is bound here, synchronously, so that "port in use" is an answer and not a log line.
     */
    public synchronized InetSocketAddress start(ServerConfig config) throws ServerStartException {
        if (engine != null) stop();
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(stripBrackets(config.bindAddress()));
        } catch (UnknownHostException e) {
            throw new ServerStartException(new Problem(Problem.Kind.BAD_BIND_ADDRESS, config.bindAddress()), e);
        }
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open();
            try {
                // Lets a restart bind the same port at once, while old connections sit in TIME_WAIT.
                channel.socket().setReuseAddress(true);
                channel.bind(new InetSocketAddress(bindAddress, config.port()), 128);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (BindException e) {
            String msg = String.valueOf(e.getMessage());
            Problem.Kind kind = msg.contains("in use") ? Problem.Kind.PORT_IN_USE : Problem.Kind.BAD_BIND_ADDRESS;
            String detail = kind == Problem.Kind.PORT_IN_USE
                    ? config.bindAddress() + ":" + config.port() : config.bindAddress();
            throw new ServerStartException(new Problem(kind, detail), e);
        } catch (IOException e) {
            throw new ServerStartException(Problems.of(e), e);
        }

        InetSocketAddress bound;
        try {
            bound = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ServerStartException(Problems.of(e), e);
        }
        behaviour = config.behaviour();
        Engine next = new Engine(channel, config, urlOf(bound, config));
        next.setDaemon(true);
        next.setReuseAddr(true);
        next.setConnectionLostTimeout(config.pingInterval());
        next.start();
        try {
            if (!next.started.await(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || next.startFailure != null) {
                stopEngine(next);
                Exception cause = next.startFailure;
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
        return bound;
    }

    /** Closes every client with 1001 (going away) and stops listening. Bounded; safe to call twice. */
    public synchronized void stop() {
        Engine current = engine;
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
        captureFrames = on;
    }

    /** Changes how the server misbehaves, from the next handshake, message or ping on. */
    public void setBehaviour(ServerBehaviour b) {
        behaviour = b == null ? ServerBehaviour.NORMAL : b;
    }

    public ServerBehaviour behaviour() {
        return behaviour;
    }

    /** Sends a text message to every connected client; returns how many it went to. */
    public int broadcast(String text) {
        Engine e = current();
        if (e == null) throw new IllegalStateException("the server is not running");
        int n = 0;
        for (WebSocket c : e.getConnections()) {
            if (!c.isOpen()) continue;
            c.send(text);
            listener.on(new WsEvent.Sent(Instant.now(), e.peerOf(c), Payload.text(text)));
            n++;
        }
        return n;
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
        Engine current = current();
        if (current == null) return List.of();
        List<String> peers = new ArrayList<>();
        for (WebSocket c : current.getConnections()) peers.add(current.peerOf(c));
        return peers;
    }

    /** Sends a text message to one client (server push: the server speaks first). */
    public void send(String peer, String text) {
        Engine e = current();
        WebSocket c = connection(e, peer);
        c.send(text);
        listener.on(new WsEvent.Sent(Instant.now(), peer, Payload.text(text)));
    }

    /** Pings one client; its pong is reported with the round-trip time. */
    public void ping(String peer, byte[] payload) {
        Engine e = current();
        WebSocket c = connection(e, peer);
        e.pingsInFlight.put(peer + "|" + java.util.Arrays.toString(payload), System.nanoTime());
        c.sendFrame(payload.length <= 125 ? pingFrame(payload) : new RawFrame(Opcode.PING, payload));
    }

    /** Closes one client with this code and reason (a valid close; see {@link #closeRaw} for others). */
    public void close(String peer, int code, String reason) {
        connection(current(), peer).close(code, reason);
    }

    /** Sends one client a close frame exactly as given, valid or not ({@code code} -1: no code). */
    public void closeRaw(String peer, int code, byte[] reason) {
        WebSocket c = connection(current(), peer);
        byte[] payload = code < 0 ? new byte[0] : new byte[2 + reason.length];
        if (code >= 0) {
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(reason, 0, payload, 2, reason.length);
        }
        c.sendFrame(new RawFrame(Opcode.CLOSING, payload));
    }

    private synchronized Engine current() {
        return engine;
    }

    private static WebSocket connection(Engine e, String peer) {
        if (e == null) throw new IllegalStateException("the server is not running");
        for (WebSocket c : e.getConnections()) {
            if (e.peerOf(c).equals(peer) && c.isOpen()) return c;
        }
        throw new IllegalStateException("no client " + peer);
    }

    private static PingFrame pingFrame(byte[] payload) {
        PingFrame frame = new PingFrame();
        frame.setPayload(ByteBuffer.wrap(payload.clone()));
        return frame;
    }

    public int clientCount() {
        Engine current;
        synchronized (this) {
            current = engine;
        }
        return current == null ? 0 : current.clients.get();
    }

    private static void stopEngine(Engine e) {
        try {
            e.stop(STOP_TIMEOUT_MS, "server stopping");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static URI urlOf(InetSocketAddress bound, ServerConfig config) {
        InetAddress a = bound.getAddress();
        String host;
        if (a.isAnyLocalAddress()) {
            // A dual-stack channel reports 0.0.0.0 as [::]: go by what the user asked for.
            host = config.bindAddress().contains(":") ? "[::1]" : "127.0.0.1";
        } else if (a instanceof Inet6Address) {
            host = "[" + a.getHostAddress().replaceAll("%.*$", "") + "]";
        } else {
            host = a.getHostAddress();
        }
        String path = config.path().isEmpty() ? "/" : config.path();
        return URI.create((config.tls() == null ? "ws://" : "wss://") + host + ":" + bound.getPort() + path);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do for a channel we failed to set up
        }
    }

    /** What the server remembers of each client, kept as the connection's attachment. */
    private static final class Peer {
        final String address;
        final String path;
        final String origin;
        final String subprotocol;
        /** Messages received so far, for "drop every Nth" and "close after N". */
        final java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();

        Peer(String address, String path, String origin, String subprotocol) {
            this.address = address;
            this.path = path;
            this.origin = origin;
            this.subprotocol = subprotocol;
        }
    }

    /** One run of the library's server. */
    private final class Engine extends WebSocketServer {
        final ServerConfig config;
        final URI url;
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger clients = new AtomicInteger();
        volatile Exception startFailure;

        final Map<String, Long> pingsInFlight = new ConcurrentHashMap<>();

        /** The TLS of wss://, or null for ws://. */
        final javax.net.ssl.SSLContext tlsContext;
        /** The TLS engines' slow steps (key agreement) run here, off the selector thread. */
        final java.util.concurrent.ExecutorService tlsTasks = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "duplex-tls");
            t.setDaemon(true);
            return t;
        });

        Engine(ServerSocketChannel channel, ServerConfig config, URI url) {
            super(channel);
            this.config = config;
            this.url = url;
            this.tlsContext = config.tls() == null ? null : dev.duplex.tls.TlsContexts.server(config.tls());
            // Every connection's bytes pass a wire tap: the handshake view and the frame inspector.
            setWebSocketFactory(new WebSocketServerFactory() {
                // Our draft, not the library's default: it carries the message size limit, so a frame that
                // declares 1 GiB closes its connection with 1009 instead of being allocated.
                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
                    return new WebSocketImpl(a, List.of(draft()));
                }

                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
                    return new WebSocketImpl(a, List.of(draft()));
                }

                @Override
                public void close() {
                    // nothing held beyond the channels, which the library closes
                }

                @Override
                public ByteChannel wrapChannel(SocketChannel socket, SelectionKey key) throws IOException {
                    String peer = addressOf(socket);
                    TappedChannel[] self = new TappedChannel[1];
                    boolean capture = captureFrames;
                    WireTap tap = new WireTap(false, new WireTap.Sink() {
                        @Override
                        public void handshake(HandshakeRecord record) {
                            listener.on(new WsEvent.Handshake(Instant.now(), peer, record));
                        }

                        @Override
                        public void frame(FrameInfo frame) {
                            if (capture) listener.on(new WsEvent.Frame(Instant.now(), peer, frame));
                            if (frame.inbound()) check(frame, self[0]);
                        }
                    }, capture ? FrameInfo.PAYLOAD_CAP : 0);
                    if (tlsContext == null) {
                        self[0] = new TappedChannel(socket, tap);
                    } else {
                        javax.net.ssl.SSLEngine engine = tlsContext.createSSLEngine();
                        engine.setUseClientMode(false);
                        engine.setSSLParameters(dev.duplex.tls.TlsContexts.limitProtocols(engine.getSSLParameters()));
                        TappedTlsChannel tls = new TappedTlsChannel(
                                new org.java_websocket.SSLSocketChannel2(socket, engine, tlsTasks, key), tap, key);
                        tlsHandshakes.add(tls);
                        self[0] = tls;
                        dropIfNoTls(tls, key);
                    }
                    if (key.attachment() instanceof WebSocket conn) {
                        self[0].attach(conn);
                        dropIfNoHandshake(conn, self[0]);
                    }
                    return self[0];
                }
            });
        }

        private Draft_6455 draft() {
            return new Draft_6455(List.of(new DefaultExtension()), List.of(new Protocol("")), config.limits().maxMessage());
        }

        /**
         * What RFC 6455 requires and Java-WebSocket 1.6.0 lets pass: a client frame must be masked (5.1:
         * else close with 1002), and a close reason must be UTF-8 (7.1.6: else 1007).
         */
        private void check(FrameInfo frame, TappedChannel channel) {
            if (!frame.masked()) {
                channel.violated(CloseCodes.PROTOCOL_ERROR, "client frames must be masked");
            } else if (frame.opcode() == FrameInfo.CLOSE && frame.payload().length > 2 && !Utf8.isValid(frame.payload(), 2, frame.payload().length - 2)) {
                channel.violated(CloseCodes.INVALID_DATA, "close reason is not UTF-8");
            }
        }

        /**
         * A client that opened TCP and never finished TLS is dropped soon: until then the library's TLS
         * channel keeps asking to write, and its selector thread spins on that connection.
         */
        private void dropIfNoTls(TappedTlsChannel channel, SelectionKey key) {
            CompletableFuture.runAsync(() -> {
                if (channel.tlsHandshakeDone()) return;
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already gone
                }
                key.selector().wakeup();
            }, CompletableFuture.delayedExecutor(Math.min(TLS_HANDSHAKE_MS, config.limits().handshakeTimeoutMs()),
                    TimeUnit.MILLISECONDS));
        }

        /** A connection that has not finished its handshake in time is dropped: it holds a socket. */
        private void dropIfNoHandshake(WebSocket conn, TappedChannel channel) {
            CompletableFuture.runAsync(() -> {
                if (conn.getReadyState() == ReadyState.NOT_YET_CONNECTED) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // already gone
                    }
                }
            }, CompletableFuture.delayedExecutor(config.limits().handshakeTimeoutMs(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            byte[] payload = bytesOf(f); // before the pong: it is built on the same buffer and consumes it
            boolean answer = behaviour.answerPings();
            if (answer) super.onWebsocketPing(conn, f);
            listener.on(new WsEvent.Ping(Instant.now(), peerOf(conn), Payload.binary(payload), answer));
        }

        /**
         * The library's own ping, every ping interval, to see that a client is still there: said in the log
         * as the lab's other acts are (the pong comes back as its own line).
         */
        @Override
        public org.java_websocket.framing.PingFrame onPreparePing(WebSocket conn) {
            listener.on(new WsEvent.Behaved(Instant.now(), peerOf(conn), ServerBehaviour.Act.PINGED,
                    config.pingInterval(), ""));
            return super.onPreparePing(conn);
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            super.onWebsocketPong(conn, f); // the library's lost-connection check counts pongs
            byte[] data = bytesOf(f);
            String peer = peerOf(conn);
            Long sentAt = pingsInFlight.remove(peer + "|" + java.util.Arrays.toString(data));
            listener.on(new WsEvent.Pong(Instant.now(), peer, Payload.binary(data),
                    sentAt == null ? -1 : System.nanoTime() - sentAt));
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            String path = pathOf(request.getResourceDescriptor());
            ServerBehaviour b = behaviour;
            ServerConfig.Refusal r = b.refusal();
            if (r != null) listener.on(new WsEvent.Behaved(Instant.now(), addressOf(conn), ServerBehaviour.Act.REFUSED, r.status(), ""));
            String origin = request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : "";
            List<String> allowed = config.limits().allowedOrigins();
            if (r == null && !allowed.isEmpty() && !allowed.contains(origin)) {
                listener.on(new WsEvent.Failed(Instant.now(), addressOf(conn),
                        new Problem(Problem.Kind.ORIGIN_REFUSED, origin.isEmpty() ? "(none)" : origin)));
                r = new ServerConfig.Refusal(403, "Forbidden", "Origin not allowed: " + origin + "\n");
            }
            if (r == null && getConnections().size() >= config.limits().maxConnections()) {
                listener.on(new WsEvent.Failed(Instant.now(), addressOf(conn),
                        new Problem(Problem.Kind.TOO_MANY_CLIENTS, Integer.toString(config.limits().maxConnections()))));
                r = new ServerConfig.Refusal(503, "Service Unavailable", "Too many connections\n");
            }
            if (r != null) {
                if (conn instanceof WebSocketImpl impl && impl.getChannel() instanceof TappedChannel tapped) {
                    tapped.replaceNextWrite(refusalResponse(r));
                }
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused with " + r.status());
            }
            if (!config.path().isEmpty() && !config.path().equals(path)) {
                listener.on(new WsEvent.Failed(Instant.now(), addressOf(conn),
                        new Problem(Problem.Kind.WRONG_PATH, path)));
                // The library answers a rejected handshake with HTTP 404.
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "path not served: " + path);
            }
            String subprotocol = b.answerTo(offeredSubprotocols(request));
            if (!subprotocol.isEmpty()) {
                response.put("Sec-WebSocket-Protocol", subprotocol);
                listener.on(new WsEvent.Behaved(Instant.now(), addressOf(conn), ServerBehaviour.Act.SUBPROTOCOL, 0, subprotocol));
            }
            conn.setAttachment(new Peer(addressOf(conn), path, origin, subprotocol));
            return response;
        }

        /**
         * Java-WebSocket's selector thread, after writing a connection's queue empty, clears its write
         * interest; a worker that queued an echo just before that loses its wake-up, and the echo waits
         * for the next ping (a minute by default, for ever with pings off). This re-arms, every few
         * milliseconds, any connection that has data queued but no write interest.
         */
        private final java.util.concurrent.ScheduledExecutorService writeWatch =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "duplex-write-watch");
                    t.setDaemon(true);
                    return t;
                });

        /** wss:// connections still in their TLS handshake, for the write watch. */
        private final java.util.Set<TappedTlsChannel> tlsHandshakes = ConcurrentHashMap.newKeySet();

        private void rearmStalledWrites() {
            // A TLS handshake step finished on the task thread needs a write, but no one asks the selector
            // for it (the channel said "nothing to write" while it waited for the peer): ask for it here.
            for (TappedTlsChannel tls : tlsHandshakes) {
                try {
                    if (tls.tlsHandshakeDone() || !tls.key.isValid()) {
                        tlsHandshakes.remove(tls);
                    } else if (tls.isNeedWrite() && (tls.key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                        tls.key.interestOps(tls.key.interestOps() | SelectionKey.OP_WRITE);
                        tls.key.selector().wakeup();
                    }
                } catch (java.nio.channels.CancelledKeyException closing) {
                    tlsHandshakes.remove(tls);
                }
            }
            for (WebSocket c : getConnections()) {
                if (!(c instanceof WebSocketImpl impl) || !impl.hasBufferedData()) continue;
                SelectionKey key = impl.getSelectionKey();
                try {
                    if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                        onWriteDemand(impl);
                    }
                } catch (java.nio.channels.CancelledKeyException closing) {
                    // the connection is going away; nothing to write any more
                }
            }
        }

        private final java.util.concurrent.ScheduledExecutorService delayedReplies =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "duplex-delayed-replies");
                    t.setDaemon(true);
                    return t;
                });

        @Override
        public void stop(int timeout, String closeMessage) throws InterruptedException {
            writeWatch.shutdownNow();
            delayedReplies.shutdownNow();
            tlsTasks.shutdownNow();
            super.stop(timeout, closeMessage);
        }

        @Override
        public void onStart() {
            writeWatch.scheduleWithFixedDelay(this::rearmStalledWrites, 5, 5, TimeUnit.MILLISECONDS);
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            Peer peer = conn.getAttachment() instanceof Peer p ? p : new Peer(addressOf(conn),
                    pathOf(handshake.getResourceDescriptor()),
                    handshake.hasFieldValue("Origin") ? handshake.getFieldValue("Origin") : "", "");
            conn.setAttachment(peer);
            int n = clients.incrementAndGet();
            listener.on(new WsEvent.ClientJoined(Instant.now(), peer.address, peer.path, peer.origin,
                    peer.subprotocol, n));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            String peer = peerOf(conn);
            listener.on(new WsEvent.Received(Instant.now(), peer, Payload.text(message)));
            answer(conn, Payload.text(config.reply().reply(message)));
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            String peer = peerOf(conn);
            byte[] data = new byte[message.remaining()];
            message.get(data);
            Payload payload = Payload.binary(data);
            listener.on(new WsEvent.Received(Instant.now(), peer, payload));
            answer(conn, payload);
        }

        /**
         * Sends {@code reply} to a message just received, as the behaviour says: now or after the delay,
         * or not at all (drop every Nth); then closes the connection if that was its last allowed message.
         */
        private void answer(WebSocket conn, Payload reply) {
            ServerBehaviour b = behaviour;
            String peer = peerOf(conn);
            int n = conn.getAttachment() instanceof Peer p ? p.messages.incrementAndGet() : 0;
            boolean drop = b.dropEvery() > 0 && n % b.dropEvery() == 0;
            boolean close = b.closeAfter() > 0 && n == b.closeAfter();
            Runnable act = () -> {
                if (drop) {
                    listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.DROPPED, n, ""));
                } else if (conn.isOpen()) {
                    if (reply.isBinary()) conn.send(reply.bytes());
                    else conn.send(reply.text());
                    listener.on(new WsEvent.Sent(Instant.now(), peer, reply));
                }
                if (close && conn.isOpen()) {
                    listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.CLOSED_AFTER, n,
                            b.closeCode() + (b.closeReason().isEmpty() ? "" : " \"" + b.closeReason() + "\"")));
                    conn.close(b.closeCode(), b.closeReason());
                }
            };
            if (b.delayMs() == 0) {
                act.run();
                return;
            }
            listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.DELAYED, b.delayMs(), ""));
            // One thread: replies held back by the same delay go out in the order their messages came.
            delayedReplies.schedule(act, b.delayMs(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            int n = clients.decrementAndGet();
            listener.on(new WsEvent.ClientLeft(Instant.now(), peerOf(conn), code, reason == null ? "" : reason,
                    remote, n));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && started.getCount() > 0) {
                startFailure = ex;
                started.countDown();
                return;
            }
            listener.on(new WsEvent.Failed(Instant.now(), conn == null ? "" : peerOf(conn), Problems.of(ex)));
        }

        String peerOf(WebSocket conn) {
            Object attachment = conn.getAttachment();
            return attachment instanceof Peer p ? p.address : addressOf(conn);
        }
    }

    /** The HTTP answer of a refusal: status line, plain headers, and the body. */
    static byte[] refusalResponse(ServerConfig.Refusal r) {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + r.status() + " " + r.reason() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + r.headers().stream().map(h -> h.strip() + "\r\n").collect(java.util.stream.Collectors.joining())
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static byte[] bytesOf(Framedata f) {
        ByteBuffer b = f.getPayloadData().duplicate();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return data;
    }

    static String addressOf(SocketChannel socket) {
        try {
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteAddress();
            InetAddress a = remote.getAddress();
            return (a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress()) + ":" + remote.getPort();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String addressOf(WebSocket conn) {
        InetSocketAddress remote = conn.getRemoteSocketAddress();
        if (remote == null) return "?";
        InetAddress a = remote.getAddress();
        String host = a == null ? remote.getHostString()
                : a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + remote.getPort();
    }

    /** The subprotocols a client offered, in its order (the header may repeat, each a comma list). */
    static List<String> offeredSubprotocols(ClientHandshake request) {
        if (!request.hasFieldValue("Sec-WebSocket-Protocol")) return List.of();
        List<String> offered = new ArrayList<>();
        for (String p : request.getFieldValue("Sec-WebSocket-Protocol").split(",")) {
            if (!p.isBlank()) offered.add(p.strip());
        }
        return offered;
    }

    static String pathOf(String resourceDescriptor) {
        if (resourceDescriptor == null || resourceDescriptor.isEmpty()) return "/";
        int q = resourceDescriptor.indexOf('?');
        return q >= 0 ? resourceDescriptor.substring(0, q) : resourceDescriptor;
    }
}
