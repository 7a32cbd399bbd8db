package dev.duplex.net.proxy;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.server.WriteStallWatch;
import dev.duplex.net.wire.ControlFrames;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.TappedChannel;
import dev.duplex.net.wire.WireTap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * One run of the proxy (the library's servers are single use): the client legs. Each accepted socket gets
 * a wire tap (the client leg's handshake and frames) and a {@link HeldRequestChannel} over it, and its
 * {@link Pair}, kept as the connection's attachment, which does the rest.
 */
final class ProxyEngine extends WebSocketServer {
    /** A client that has not sent its whole request within this time is dropped: it holds a socket. */
    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    final URI url;
    private final ProxyConfig config;
    private final ProxyListener listener;
    private final AtomicInteger pairIds = new AtomicInteger();
    private final AtomicInteger openPairs = new AtomicInteger();
    /**
     * Every pair by its number, until its client leg closed with nothing of it held: to close their upstream
     * legs when the proxy stops, and to find a pair for a person's decision, injection or close.
     */
    private final java.util.Map<Integer, Pair> pairs = new java.util.concurrent.ConcurrentHashMap<>();
    final Interception interception = new Interception();
    private final CountDownLatch started = new CountDownLatch(1);
    /** Re-arms writes the library's selector lost (see {@link WriteStallWatch}), and wss:// handshakes' writes. */
    private final WriteStallWatch writeWatch;
    /** TLS toward the clients, or null on ws://. */
    private final ClientLegTls clientTls;
    /** The clients closed by {@link #stop} whose closing handshake has not yet ended; notified as each ends. */
    private final java.util.Set<WebSocket> closing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Exception startFailure;
    private final Pair.PairCounter counter = new Pair.PairCounter() {
        @Override
        public int opened() {
            return openPairs.incrementAndGet();
        }

        @Override
        public int closed() {
            return openPairs.decrementAndGet();
        }

        @Override
        public int open() {
            return openPairs.get();
        }
    };

    ProxyEngine(ServerSocketChannel channel, ProxyConfig config, URI url, ProxyListener listener) {
        super(channel);
        this.config = config;
        this.writeWatch = new WriteStallWatch(this);
        this.clientTls = config.tls() == null ? null : new ClientLegTls(config.tls());
        this.url = url;
        this.listener = listener;
        setWebSocketFactory(new Connections());
        setDaemon(true);
        setReuseAddr(true);
        // No pings of Duplex's own on the client legs: the peers' pings pass through (see WsClient.setKeepAlive).
        setConnectionLostTimeout(0);
    }

    boolean awaitStarted(long timeoutMs) throws InterruptedException {
        return started.await(timeoutMs, TimeUnit.MILLISECONDS) && startFailure == null;
    }

    Exception startFailure() {
        return startFailure;
    }

    int openPairs() {
        return openPairs.get();
    }

    @Override
    public void onStart() {
        writeWatch.start();
        started.countDown();
    }

    /**
     * Closes every client with 1001 and every upstream leg with it, and waits (up to {@code timeout} ms) for
     * each client's closing handshake before the library stops. The library's own stop ends its selector
     * after 25 ms without traffic, whether or not each close frame it queued has been written: a client then
     * got no 1001 and kept a dead socket. An upstream leg must not outlive its proxy either.
     */
    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        for (Pair p : pairs.values()) p.proxyStopping();
        for (WebSocket c : getConnections()) {
            if (c.isOpen()) {
                closing.add(c);
                c.close(CloseFrame.GOING_AWAY, closeMessage);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        synchronized (closing) {
            for (long left; !closing.isEmpty() && (left = deadline - System.nanoTime()) > 0; ) {
                TimeUnit.NANOSECONDS.timedWait(closing, left);
            }
        }
        super.stop(timeout, closeMessage);
        interception.shutdown();
        writeWatch.stop();
        if (clientTls != null) clientTls.shutdown();
    }

    /** The pair numbered {@code id}, or null when it is gone. */
    Pair pair(int id) {
        return pairs.get(id);
    }

    java.util.Collection<Pair> pairs() {
        return pairs.values();
    }

    /**
     * Hands bytes kept by a {@link HeldRequestChannel} to the library's decoding, as its selector does with a
     * read. The caller may be a thread already interrupted: the upstream client's write thread reports a
     * failed connection after the library interrupted it. The library's queues take nothing from an
     * interrupted thread (their put throws at once), which had lost the client's request, and with it the
     * 502; so the flag is set aside for the hand-over and put back after.
     */
    private void deliver(WebSocketImpl conn, byte[] bytes) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int off = 0; off < bytes.length; ) {
                ByteBuffer buffer = createBuffer();
                int n = Math.min(buffer.remaining(), bytes.length - off);
                buffer.put(bytes, off, n).flip();
                off += n;
                conn.inQueue.put(buffer);
                queue(conn);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static Pair pairOf(WebSocket conn) {
        return conn.getAttachment() instanceof Pair p ? p : null;
    }

    /**
     * Answers the client as the upstream answered: 101 with its subprotocol, or the gateway refusal. By
     * now the upstream has answered (see {@link HeldRequestChannel}): nothing here waits.
     */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        Pair pair = pairOf(conn);
        String subprotocol = pair == null ? null : pair.answer();
        if (subprotocol == null) {
            if (pair != null && conn instanceof WebSocketImpl impl && impl.getChannel() instanceof HeldRequestChannel held) {
                held.tapped().replaceNextWrite(pair.refusal());
            }
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "the upstream did not take the connection");
        }
        if (!subprotocol.isEmpty()) response.put("Sec-WebSocket-Protocol", subprotocol);
        return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Pair pair = pairOf(conn);
        if (pair != null) pair.clientOpened();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Pair pair = pairOf(conn);
        if (pair != null) pair.fromClient(Payload.text(message));
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Pair pair = pairOf(conn);
        byte[] data = new byte[message.remaining()];
        message.get(data);
        if (pair != null) pair.fromClient(Payload.binary(data));
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        byte[] payload = ControlFrames.payloadOf(f); // before the pong: it is built on the same buffer
        if (config.answerPings()) super.onWebsocketPing(conn, f);
        Pair pair = pairOf(conn);
        if (pair != null) pair.pingFromClient(payload);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        Pair pair = pairOf(conn);
        if (pair != null) pair.pongFromClient(ControlFrames.payloadOf(f));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (closing.remove(conn)) {
            synchronized (closing) {
                closing.notifyAll();
            }
        }
        Pair pair = pairOf(conn);
        if (pair == null) return;
        if (!pair.holdsAny()) pairs.remove(pair.id);
        pair.clientClosed(code, reason == null ? "" : reason);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null && started.getCount() > 0) {
            startFailure = ex;
            started.countDown();
            return;
        }
        Pair pair = conn == null ? null : pairOf(conn);
        listener.on(new ProxyEvent.Failed(Instant.now(), pair == null ? 0 : pair.id, Leg.CLIENT, Problems.of(ex)));
    }

    /** Makes each client's connection: the draft, and the tap, the held request and the pair over its socket. */
    private final class Connections implements WebSocketServerFactory {
        // permessage-deflate is never agreed with the client (DefaultExtension declines it), nor offered
        // upstream: every frame of both legs is plain to read. "" accepts any subprotocol offer, and the
        // upstream's answer is put in the response by hand.
        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
            return createWebSocket(a, List.of(d));
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
            return new WebSocketImpl(a, List.of(new Draft_6455(List.of(new DefaultExtension()),
                    List.of(new Protocol("")), MAX_MESSAGE)));
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel socket, SelectionKey key) throws IOException {
            WebSocketImpl conn = (WebSocketImpl) key.attachment();
            int id = pairIds.incrementAndGet();
            String client = addressOf(socket);
            Pair[] pair = new Pair[1];
            WireTap tap = new WireTap(false, new WireTap.Sink() {
                @Override
                public void handshake(HandshakeRecord record) {
                    listener.on(new ProxyEvent.Wire(Instant.now(), id, Leg.CLIENT, new WsEvent.Handshake(Instant.now(), client, record)));
                }

                @Override
                public void frame(FrameInfo frame) {
                    if (frame.inbound() && frame.opcode() == 0x8 && pair[0] != null) {
                        pair[0].clientSentClose(frame.closeCode(), frame.closeReason());
                    }
                    if (config.captureFrames()) {
                        listener.on(new ProxyEvent.Wire(Instant.now(), id, Leg.CLIENT, new WsEvent.Frame(Instant.now(), client, frame)));
                    }
                }
            });
            TappedChannel tapped = clientTls == null ? new TappedChannel(socket, tap, null)
                    : clientTls.wrap(socket, key, tap, writeWatch);
            HeldRequestChannel held = new HeldRequestChannel(tapped, bytes -> pair[0].requestReceived(bytes),
                    bytes -> deliver(conn, bytes));
            pair[0] = new Pair(id, client, config, listener, counter, conn, held, interception);
            conn.setAttachment(pair[0]);
            pairs.put(id, pair[0]);
            tapped.attach(conn);
            dropIfNoRequest(conn, held);
            return held;
        }

        @Override
        public void close() {
            // nothing held beyond the channels, which the library closes
        }
    }

    private static void dropIfNoRequest(WebSocketImpl conn, HeldRequestChannel held) {
        CompletableFuture.runAsync(() -> {
            if (!held.headSeen() && conn.getReadyState() == ReadyState.NOT_YET_CONNECTED) {
                try {
                    held.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }, CompletableFuture.delayedExecutor(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    private static String addressOf(SocketChannel socket) {
        try {
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteAddress();
            String host = remote.getAddress() instanceof java.net.Inet6Address a ? "[" + a.getHostAddress() + "]"
                    : remote.getAddress().getHostAddress();
            return host + ":" + remote.getPort();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
