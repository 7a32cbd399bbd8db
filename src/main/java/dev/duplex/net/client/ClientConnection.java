package dev.duplex.net.client;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.PingsInFlight;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.outbound.OutboundSockets;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.net.wire.ControlFrames;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.TappedSockets;
import dev.duplex.net.wire.WireTap;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.ServerCertificateException;
import dev.duplex.tls.TlsContexts;
import dev.duplex.tls.TlsFacts;
import dev.duplex.tls.client.CertificateRequestWatch;
import dev.duplex.tls.client.ClientTls;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One connection attempt of {@link WsClient} and, if it opens, its life: it reports what a browser
 * would, and what the wire tap saw that a browser does not say (a masked server frame, the server's
 * close frame as it was).
 */
final class ClientConnection extends WebSocketClient {
    /**
     * How long to wait for the server's close frame after sending ours before dropping the connection,
     * as a browser does; the close is then reported as 1006, not clean.
     */
    private static final long CLOSE_TIMEOUT_MS = 3_000;

    /** The URL, as the events name this connection. */
    private final String peer;
    private final PingsInFlight pings = new PingsInFlight();
    private final WsListener listener;
    private final BooleanSupplier autoPong;
    /** The subprotocols offered; the server may answer one of these or none. */
    private final List<String> offered;
    private final boolean deflateOffered;
    /** The bytes both ways, above TLS on wss://. */
    private final WireTap tap;
    /** Certificates trusted by fingerprint: a pinned leaf is named as trusted by its pin. */
    private final Set<Fingerprint> trusted;
    /** Held while reporting a message in or out, so that "sent" is never logged after its echo. */
    private final Object events = new Object();
    /** The proxy's tunnel under this connection, or null for a direct one. */
    private final OutboundSockets tunnel;
    private volatile boolean opened;
    private volatile Exception errorBeforeOpen;
    /** Why the server's certificate was refused, as the trust manager said it (wss:// only). */
    private volatile CertificateException tlsRefusal;
    /** The client's certificate request watch (wss:// only), null on ws://. */
    private final CertificateRequestWatch clientAuth;
    /** Only the user's CA file trusted the server's chain (wss:// only). */
    private volatile boolean trustedByCaFile;
    /** We sent the first close frame (the library's "remote" flag races with its reading thread). */
    private volatile boolean closingByUs;
    private volatile boolean closeTimedOut;
    private volatile boolean handshakeTimedOut;
    private volatile boolean protocolErrorReported;
    /** The 101 failed the connection (RFC 6455 4.1). */
    private volatile boolean failedAtOpen;
    /** The opcode of a masked frame the server sent, or null. */
    private volatile String maskedByServer;

    /**
     * @param autoPong whether a ping is answered, asked at each ping
     * @param trusted  certificates trusted by fingerprint on wss://, on top of the normal checks
     * @param clientTls a client certificate to present when asked, and CAs to trust besides the JDK's
     */
    ClientConnection(URI url, ClientOptions options, WsListener listener, BooleanSupplier autoPong,
            Set<Fingerprint> trusted, ProxyRoute route, ClientTls clientTls) {
        super(url, ClientUpgrade.draft(options), ClientUpgrade.headers(options), options.connectTimeoutMs());
        this.peer = url.toString();
        this.listener = listener;
        this.autoPong = autoPong;
        this.offered = List.copyOf(options.subprotocols());
        this.deflateOffered = options.permessageDeflate();
        setDaemon(true);
        // The library's timeout covers the TCP connect only; a server that accepts and never answers
        // the upgrade would hold the client for ever. The same time again for the handshake.
        CompletableFuture.runAsync(() -> {
            if (!opened && !isClosed()) {
                handshakeTimedOut = true;
                abort();
            }
        }, CompletableFuture.delayedExecutor(2L * options.connectTimeoutMs(), TimeUnit.MILLISECONDS));
        // The tap sits under the library's own reads and writes; on wss:// above TLS, so both schemes show
        // the same plain bytes.
        tap = new WireTap(true, new WireTap.Sink() {
            @Override
            public void handshake(HandshakeRecord record) {
                // reported at open or at failure, when the whole answer is in
            }

            @Override
            public void frame(FrameInfo frame) {
                listener.on(new WsEvent.Frame(Instant.now(), peer, frame));
                if (frame.inbound() && frame.masked() && maskedByServer == null) {
                    // RFC 6455 5.1: a client must fail the connection on a masked server frame. It
                    // may come in the same read as the handshake answer: then it is reported
                    // after onopen, in the order a reader expects.
                    maskedByServer = frame.opcodeName();
                    if (opened) failMasked();
                }
            }
        });
        this.trusted = Set.copyOf(trusted);
        SSLSocketFactory tls = null;
        if ("wss".equalsIgnoreCase(url.getScheme())) {
            // Normal certificate checks, plus the certificates the user chose to trust by fingerprint.
            // The refusal is kept as it happens: the library reports the failed handshake and the closed
            // socket from two threads, in either order.
            clientAuth = new CertificateRequestWatch(clientTls.certificate());
            tls = TlsContexts.client(trusted, refusal -> {
                if (tlsRefusal == null) tlsRefusal = refusal;
            }, clientAuth, clientTls.authorities(), () -> trustedByCaFile = true).getSocketFactory();
        } else {
            clientAuth = null;
        }
        if (route.tunnelled()) {
            // Through a proxy: the socket comes connected through its tunnel, TLS inside it, tapped above TLS.
            tunnel = new OutboundSockets(url, route, tap, tls, options.connectTimeoutMs());
            setSocketFactory(tunnel);
        } else {
            tunnel = null;
            setSocketFactory(tls != null ? TappedSockets.overTls(tls, tap) : new TappedSockets(tap));
        }
    }

    /**
     * The library's own (the host name check) first, then TLS 1.3 and 1.2 only, and ALPN offering
     * http/1.1 as browsers do for a WebSocket, so that the server's choice can be shown.
     */
    @Override
    protected void onSetSSLParameters(SSLParameters parameters) {
        super.onSetSSLParameters(parameters);
        TlsContexts.limitProtocols(parameters);
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
    }

    /**
     * The handshake as the tap saw it, with on wss:// what TLS said: the session once open, or the chain the
     * client refused (the request was written, and held back by TLS, before the refusal).
     */
    private HandshakeRecord handshakeSeen() {
        HandshakeRecord seen = tap.handshake();
        if (tunnel != null) seen = (seen == null ? new HandshakeRecord("", "") : seen).withTunnel(tunnel.record());
        if (seen == null || !(getSocket() instanceof SSLSocket tls)) return seen;
        if (tlsRefusal instanceof ServerCertificateException refused) {
            return seen.withTls(TlsFacts.refused(refused.chain()).with(TlsFacts.Trust.REFUSED, clientAuth.facts()));
        }
        // Not open: the session is asked for only once TLS is known to be through (an answer came, or the
        // server asked for a certificate), as asking an unfinished socket for it would start a handshake.
        if (!opened && seen.response().isEmpty() && !clientAuth.facts().asked()) return seen;
        javax.net.ssl.SSLSession session = tls.getSession();
        if (session == null || "SSL_NULL_WITH_NULL_NULL".equals(session.getCipherSuite())) return seen;
        TlsFacts facts = TlsFacts.of(session, tls.getApplicationProtocol(), trusted);
        TlsFacts.Trust why = facts.trust() == TlsFacts.Trust.JDK && trustedByCaFile ? TlsFacts.Trust.CA_FILE : facts.trust();
        return seen.withTls(facts.with(why, clientAuth.facts()));
    }

    /** What the client did about a certificate request, or null on ws://. */
    TlsFacts.ClientAuth clientAuth() {
        return clientAuth == null ? null : clientAuth.facts();
    }

    /**
     * Runs {@code send}, then reports the message as sent, both under the event lock: an echo can come
     * back before the send returns, and the log must still show what was sent above what came back.
     */
    void sendReported(Runnable send, Supplier<Payload> message) {
        synchronized (events) {
            send.run();
            listener.on(new WsEvent.Sent(Instant.now(), peer, message.get()));
        }
    }

    /**
     * Puts bytes on the socket as they are, after whatever the library has queued, by its own writer (so
     * nothing interleaves): a forged frame, or anything at all. The wire tap reads them as frames.
     */
    void sendRawBytes(byte[] bytes) {
        if (!(getConnection() instanceof org.java_websocket.WebSocketImpl engine)) throw new IllegalStateException("not connected");
        if (!engine.outQueue.offer(java.nio.ByteBuffer.wrap(bytes.clone()))) throw new IllegalStateException("the write queue is full");
    }

    /** Sends a ping (any payload, see {@link ControlFrames#ping}), timed so that its pong says the round trip. */
    void sendTimedPing(byte[] payload) {
        pings.sent(peer, payload);
        sendFrame(ControlFrames.ping(payload));
    }

    boolean closingByUs() {
        return closingByUs;
    }

    /**
     * Sends our close frame and keeps reading until the server's close frame arrives or
     * {@link #CLOSE_TIMEOUT_MS} passes, so the close can be reported as the server answered it.
     */
    void startClosing(int code, String reason) {
        closingByUs = true;
        close(code, reason);
        startCloseTimer();
    }

    /** Sends a close frame exactly as given (see {@link ControlFrames#close}), and then waits as for ours. */
    void startClosingRaw(int code, byte[] reason) {
        closingByUs = true;
        sendFrame(ControlFrames.close(code, reason));
        startCloseTimer();
    }

    private void startCloseTimer() {
        CompletableFuture.runAsync(() -> {
            closeTimedOut = true;
            dropSocket();
        }, CompletableFuture.delayedExecutor(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    /**
     * Java-WebSocket's reading loop ends as soon as our close frame is out, before the server's
     * answer is read. While that answer is awaited, say "not closing yet" so the loop reads on; the
     * tap sees the server's close frame go past, and the server's FIN (or the timeout) ends the loop.
     */
    @Override
    public boolean isClosing() {
        boolean awaitingServerClose = closingByUs && tap.peerClose() == null && !closeTimedOut;
        return !awaitingServerClose && super.isClosing();
    }

    private void dropSocket() {
        Socket socket = getSocket();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed: nothing to drop
            }
        }
    }

    /** Drops the connection without a closing handshake, whatever state it is in. */
    void abort() {
        if (tunnel != null) tunnel.cancel();
        dropSocket();
        closeConnection(CloseFrame.ABNORMAL_CLOSE, "connection dropped by Duplex");
    }

    private void failMasked() {
        listener.on(new WsEvent.Failed(Instant.now(), peer, new Problem(Problem.Kind.MASKED_BY_SERVER, maskedByServer)));
        CompletableFuture.runAsync(() -> closeConnection(CloseCodes.PROTOCOL_ERROR, "the server masked a frame"));
    }

    /** An answer to the upgrade that the RFCs make us refuse: said, then dropped (the library had opened). */
    private void failAtOpen(Problem problem, String why) {
        failedAtOpen = true;
        listener.on(new WsEvent.Failed(Instant.now(), peer, problem));
        CompletableFuture.runAsync(() -> closeConnection(CloseFrame.ABNORMAL_CLOSE, why));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
        listener.on(new WsEvent.Handshake(Instant.now(), peer, handshakeSeen()));
        String protocol = handshake.hasFieldValue("Sec-WebSocket-Protocol")
                ? handshake.getFieldValue("Sec-WebSocket-Protocol") : "";
        Problem refused = ClientUpgrade.answerProblem(handshake.hasFieldValue("Sec-WebSocket-Extensions")
                ? handshake.getFieldValue("Sec-WebSocket-Extensions") : "", deflateOffered, getConnection().getDraft(),
                protocol, offered);
        if (refused != null) {
            failAtOpen(refused, "refused the server's answer: " + refused.kind());
            return;
        }
        listener.on(new WsEvent.Opened(Instant.now(), getURI(), protocol));
        if (maskedByServer != null) failMasked();
    }

    @Override
    public void onMessage(String message) {
        if (failing()) return;
        synchronized (events) {
            listener.on(new WsEvent.Received(Instant.now(), peer, Payload.text(message)));
        }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        if (failing()) return;
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);
        synchronized (events) {
            listener.on(new WsEvent.Received(Instant.now(), peer, Payload.binary(data)));
        }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        // A ping read with a refused 101 or after a masked frame is not answered: the close is on its way.
        if (failing()) return;
        boolean answer = autoPong.getAsBoolean();
        byte[] payload = ControlFrames.payloadOf(f); // before the pong: it is built on the same buffer
        if (answer) super.onWebsocketPing(conn, f);
        listener.on(new WsEvent.Ping(Instant.now(), peer, Payload.binary(payload), answer));
    }

    /** Being failed (refused 101, masked frame): what is decoded after is not acted on (check 0.15, 1.10). */
    private boolean failing() {
        return failedAtOpen || maskedByServer != null;
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        byte[] data = ControlFrames.payloadOf(f);
        long rtt = pings.answered(peer, data);
        listener.on(new WsEvent.Pong(Instant.now(), peer, Payload.binary(data), rtt));
    }

    @Override
    public void onError(Exception ex) {
        if (!opened) {
            // Reported with onclose, once we know whether a refused handshake explains it better.
            errorBeforeOpen = ex;
        } else {
            Problem p = Problems.of(ex);
            if (p.kind() == Problem.Kind.PEER_BROKE_PROTOCOL) protocolErrorReported = true;
            listener.on(new WsEvent.Failed(Instant.now(), peer, p));
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        String why = reason == null ? "" : reason;
        if (!opened) {
            HandshakeRecord handshake = handshakeSeen();
            if (handshake != null && (!handshake.response().isEmpty() || handshake.tls() != null
                    || handshake.tunnel() != null)) {
                listener.on(new WsEvent.Handshake(Instant.now(), peer, handshake));
            }
            // A browser reports onerror then onclose(1006) for every connection that never opened.
            listener.on(new WsEvent.Failed(Instant.now(), peer,
                    HandshakeFailure.of(handshakeTimedOut, handshake, why, tlsRefusal, errorBeforeOpen, clientAuth())));
            listener.on(new WsEvent.Closed(Instant.now(), CloseCodes.ABNORMAL, "", false, remote));
            return;
        }
        // As a browser reports it: the code and reason of the server's close frame, and a clean
        // close only when one came; without it, 1006. Who started is our own record.
        FrameInfo answer = tap.peerClose();
        boolean libraryFailedIt = !closingByUs && !remote && maskedByServer == null && !protocolErrorReported
                && (code == CloseCodes.PROTOCOL_ERROR || code == CloseCodes.INVALID_DATA || code == CloseCodes.TOO_BIG);
        if (libraryFailedIt) {
            // The library closed because the server broke the protocol (a bad frame, bad UTF-8, a
            // message over the limit): say so, as onerror, before onclose.
            listener.on(new WsEvent.Failed(Instant.now(), peer, new Problem(Problem.Kind.PEER_BROKE_PROTOCOL,
                    code + " " + (why.isEmpty() ? "" : why))));
        }
        if (answer != null) {
            listener.on(new WsEvent.Closed(Instant.now(), answer.closeCode(), answer.closeReason(), true,
                    !closingByUs));
        } else {
            // No close frame from the server: it dropped the connection, or never answered ours, or
            // the library failed the connection (its reason says why, such as a protocol error).
            String detail = closingByUs ? "" : why;
            listener.on(new WsEvent.Closed(Instant.now(), CloseCodes.ABNORMAL, detail, false, !closingByUs));
        }
    }
}
