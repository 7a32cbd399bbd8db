package dev.duplex.net.server;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.TappedChannel;
import dev.duplex.net.wire.TappedTlsChannel;
import dev.duplex.net.wire.WireTap;
import dev.duplex.tls.TlsContexts;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.java_websocket.SSLSocketChannel2;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.protocols.Protocol;

/**
 * Makes each accepted connection: our draft (it carries the message size limit), a wire tap over the
 * socket (the handshake view, the frame inspector, the checks of {@link ClientFrameCheck}), TLS under the
 * tap for wss://, and the timers that drop a client that never finishes its TLS or WebSocket handshake.
 */
final class TappedConnectionFactory implements WebSocketServerFactory {
    /** How long a wss:// client may take over its TLS handshake. */
    private static final int TLS_HANDSHAKE_MS = 3_000;

    private final ServerConfig config;
    private final WsListener listener;
    private final LabSwitches switches;
    private final WriteStallWatch writeWatch;
    /** The TLS of wss://, or null for ws://. */
    private final SSLContext tlsContext;
    /** The TLS engines' slow steps (key agreement) run here, off the selector thread. */
    private final ExecutorService tlsTasks = Executors.newSingleThreadExecutor(DaemonThreads.named("duplex-tls"));

    TappedConnectionFactory(ServerConfig config, WsListener listener, LabSwitches switches, WriteStallWatch writeWatch) {
        this.config = config;
        this.listener = listener;
        this.switches = switches;
        this.writeWatch = writeWatch;
        this.tlsContext = config.tls() == null ? null : TlsContexts.server(config.tls());
    }

    // Our draft, not the library's default: it carries the message size limit, so a frame that declares
    // 1 GiB closes its connection with 1009 instead of being allocated, and it acts on a client's frames
    // in their order (InOrderDraft).
    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return new WebSocketImpl(a, List.of(draft()));
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
        return new WebSocketImpl(a, List.of(draft()));
    }

    private InOrderDraft draft() {
        List<org.java_websocket.extensions.IExtension> extensions = new java.util.ArrayList<>();
        dev.duplex.net.deflate.DeflateParams deflate = switches.deflate;
        if (deflate != null) {
            extensions.add(new dev.duplex.net.deflate.PerMessageDeflate(true, deflate, config.limits().maxMessage()));
        }
        extensions.add(new DefaultExtension());
        return new InOrderDraft(extensions, List.of(new Protocol("")), config.limits().maxMessage());
    }

    @Override
    public void close() {
        // nothing held beyond the channels, which the library closes
    }

    /** The TLS tasks still queued are dropped: the server is stopping. */
    void stop() {
        tlsTasks.shutdownNow();
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel socket, SelectionKey key) throws IOException {
        String peer = Peer.addressOf(socket);
        TappedChannel[] self = new TappedChannel[1];
        boolean capture = switches.captureFrames;
        WireTap.Sink sink = new WireTap.Sink() {
            @Override
            public void handshake(HandshakeRecord record) {
                listener.on(new WsEvent.Handshake(Instant.now(), peer, record));
            }

            @Override
            public void frame(FrameInfo frame) {
                if (capture) listener.on(new WsEvent.Frame(Instant.now(), peer, frame));
                if (frame.inbound()) ClientFrameCheck.check(frame, self[0]);
            }
        };
        // Not captured, the server's own frames need no reading back: only the client's are checked.
        WireTap tap = capture ? new WireTap(false, sink) : WireTap.checksOnly(false, sink);
        if (tlsContext == null) {
            self[0] = new TappedChannel(socket, tap, HandshakePolicy::answerInstead);
        } else {
            SSLEngine engine = tlsContext.createSSLEngine();
            engine.setUseClientMode(false);
            engine.setSSLParameters(TlsContexts.limitProtocols(engine.getSSLParameters()));
            TappedTlsChannel tls = new TappedTlsChannel(new SSLSocketChannel2(socket, engine, tlsTasks, key), tap,
                    HandshakePolicy::answerInstead, key);
            writeWatch.watchTlsHandshake(tls);
            self[0] = tls;
            dropIfNoTls(tls, key);
        }
        if (key.attachment() instanceof WebSocket conn) {
            // Announced, not only open: see Peer.announced.
            self[0].attach(conn, c -> c.isOpen() && Peer.announced(c));
            dropIfNoHandshake(conn, self[0]);
        }
        return self[0];
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
}
