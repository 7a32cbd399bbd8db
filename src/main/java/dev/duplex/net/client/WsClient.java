package dev.duplex.net.client;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.RawFrame;
import dev.duplex.net.wire.TappedSockets;
import dev.duplex.net.wire.WireTap;
import dev.duplex.protocol.CloseCodes;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * A WebSocket client that reports what a browser's WebSocket object would (onopen, onmessage, onclose
 * with its code, onerror) and more: the real cause of an error, what was sent, the handshake and every
 * frame as they crossed the wire, pongs with their round-trip time.
 *
 * <p>Each {@link #connect} makes a new Java-WebSocket client (they are single use). No method blocks
 * on the network: connecting and closing go on in the library's own threads, and events come back to
 * the listener from there.
 */
public final class WsClient {
    /**
     * How long to wait for the server's close frame after sending ours before dropping the connection,
     * as a browser does; the close is then reported as 1006, not clean.
     */
    static final long CLOSE_TIMEOUT_MS = 3_000;

    private final WsListener listener;
    private Session session;
    private volatile boolean autoPong = true;

    public WsClient(WsListener listener) {
        this.listener = listener;
    }

    /** Starts connecting; a previous connection, if any, is dropped first. */
    public synchronized void connect(URI url, ClientOptions options) {
        if (session != null) session.abort();
        session = new Session(url, options);
        session.connect();
    }

    public synchronized boolean isOpen() {
        return session != null && session.isOpen();
    }

    /**
     * Whether a ping from the server is answered with a pong (on by default, as RFC 6455 requires).
     * Off, it tests how the server treats a client that stopped answering.
     */
    public void setAutoPong(boolean on) {
        autoPong = on;
    }

    /** Server certificates trusted by their SHA-256 fingerprint on wss://, on top of the normal checks. */
    private volatile java.util.Set<dev.duplex.tls.Fingerprint> trusted = java.util.Set.of();

    /**
     * Trusts these certificates by fingerprint from the next connection on, whoever issued them (a
     * self-signed one included); every other certificate still gets the normal checks. Never "trust all".
     */
    public void trust(java.util.Collection<dev.duplex.tls.Fingerprint> fingerprints) {
        trusted = java.util.Set.copyOf(fingerprints);
    }

    /**
     * Sends a text message and reports it as sent.
     *
     * @throws IllegalStateException when the connection is not open
     */
    public void send(String text) {
        Session s = openSession();
        // Under the session's event lock: an echo can come back before send() returns, and the log
        // must still show what was sent above what came back.
        synchronized (s.events) {
            s.send(text);
            listener.on(new WsEvent.Sent(Instant.now(), s.peer, Payload.text(text)));
        }
    }

    /** Sends a binary message and reports it as sent. */
    public void send(byte[] data) {
        Session s = openSession();
        synchronized (s.events) {
            s.send(data);
            listener.on(new WsEvent.Sent(Instant.now(), s.peer, Payload.binary(data)));
        }
    }

    /**
     * Sends one message cut into frames of at most {@code fragmentSize} payload bytes (the first frame
     * text or binary, the rest continuation frames), and reports the message as sent.
     */
    public void sendFragmented(Payload message, int fragmentSize) {
        if (fragmentSize <= 0) throw new IllegalArgumentException("fragment size must be positive");
        Session s = openSession();
        byte[] data = message.bytes();
        Opcode op = message.isBinary() ? Opcode.BINARY : Opcode.TEXT;
        synchronized (s.events) {
            int off = 0;
            do {
                int n = Math.min(fragmentSize, data.length - off);
                s.sendFragmentedFrame(op, ByteBuffer.wrap(data, off, n), off + n >= data.length);
                off += n;
            } while (off < data.length);
            listener.on(new WsEvent.Sent(Instant.now(), s.peer, message));
        }
    }

    /**
     * Sends a ping with this payload; the matching pong is reported with its round-trip time. A payload
     * over 125 bytes is sent as asked (a peer should close with 1002).
     */
    public void ping(byte[] payload) {
        Session s = openSession();
        s.pingsInFlight.put(ByteBuffer.wrap(payload.clone()), System.nanoTime());
        s.sendFrame(payload.length <= 125 ? pingFrame(payload) : new RawFrame(Opcode.PING, payload));
    }

    /** Sends an unsolicited pong (a heartbeat that needs no answer). */
    public void pong(byte[] payload) {
        openSession().sendFrame(new RawFrame(Opcode.PONG, payload));
    }

    /**
     * Starts the closing handshake with this code and reason; onclose follows when the server answers
     * (or when the connection drops). A connection still connecting is dropped instead.
     */
    public synchronized void close(int code, String reason) {
        if (session == null || session.closingByUs) return; // a close already under way finishes as it is
        if (session.isOpen()) {
            session.startClosing(code, reason);
        } else {
            session.abort();
        }
    }

    /**
     * Sends a close frame exactly as given, valid or not: {@code code} -1 sends none (an empty close
     * payload), and any code or reason length goes out as it is. For negative tests of a server; the
     * log says what the server did in return.
     */
    public void closeRaw(int code, byte[] reason) {
        Session s = openSession();
        byte[] payload;
        if (code < 0) {
            payload = new byte[0];
        } else {
            payload = new byte[2 + reason.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(reason, 0, payload, 2, reason.length);
        }
        s.closingByUs = true;
        s.sendFrame(new RawFrame(Opcode.CLOSING, payload));
        s.startCloseTimer();
    }

    private synchronized Session openSession() {
        if (session == null || !session.isOpen()) throw new IllegalStateException("the connection is not open");
        return session;
    }

    private static PingFrame pingFrame(byte[] payload) {
        PingFrame frame = new PingFrame();
        frame.setPayload(ByteBuffer.wrap(payload.clone()));
        return frame;
    }

    private static Map<String, String> handshakeHeaders(ClientOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (options.origin() != null && !options.origin().isBlank()) headers.put("Origin", options.origin());
        headers.putAll(options.headers());
        return headers;
    }

    /** The library's draft, offering the subprotocols and extensions the options ask for. */
    private static Draft_6455 draft(ClientOptions options) {
        List<IExtension> extensions = new ArrayList<>();
        if (options.permessageDeflate()) extensions.add(new PerMessageDeflateExtension());
        // Accepts a server that declines every extension, as browsers do.
        extensions.add(new DefaultExtension());
        List<IProtocol> protocols = new ArrayList<>();
        for (String p : options.subprotocols()) protocols.add(new Protocol(p));
        // Accepts a server that picks none of them: a browser then opens with protocol "".
        protocols.add(new Protocol(""));
        return new Draft_6455(extensions, protocols, options.maxMessage());
    }

    /** One connection attempt and, if it opens, its life. */
    private final class Session extends WebSocketClient {
        final String peer;
        /** The subprotocols offered; the server may answer one of these or none. */
        final List<String> offered;
        final WireTap tap;
        /** Held while reporting a message in or out, so that "sent" is never logged after its echo. */
        final Object events = new Object();
        final Map<ByteBuffer, Long> pingsInFlight = new ConcurrentHashMap<>();
        volatile boolean opened;
        volatile Exception errorBeforeOpen;
        /** Why the server's certificate was refused, as the trust manager said it (wss:// only). */
        volatile java.security.cert.CertificateException tlsRefusal;
        /** We sent the first close frame (the library's "remote" flag races with its reading thread). */
        volatile boolean closingByUs;
        volatile boolean closeTimedOut;
        volatile boolean handshakeTimedOut;
        volatile boolean protocolErrorReported;
        /** The opcode of a masked frame the server sent, or null. */
        volatile String maskedByServer;

        private void failMasked() {
            listener.on(new WsEvent.Failed(Instant.now(), peer, new Problem(Problem.Kind.MASKED_BY_SERVER, maskedByServer)));
            CompletableFuture.runAsync(() -> closeConnection(CloseCodes.PROTOCOL_ERROR, "the server masked a frame"));
        }

        Session(URI url, ClientOptions options) {
            super(url, draft(options), handshakeHeaders(options), options.connectTimeoutMs());
            this.peer = url.toString();
            this.offered = List.copyOf(options.subprotocols());
            setDaemon(true);
            // The library's timeout covers the TCP connect only; a server that accepts and never answers
            // the upgrade would hold the client for ever. The same time again for the handshake.
            CompletableFuture.runAsync(() -> {
                if (!opened && !isClosed()) {
                    handshakeTimedOut = true;
                    abort();
                }
            }, CompletableFuture.delayedExecutor(2L * options.connectTimeoutMs(), TimeUnit.MILLISECONDS));
            // The tap sits under the library's own reads and writes. For wss:// the library must make the
            // TLS socket itself (a plain socket factory would switch TLS off), so there is no tap there.
            if ("ws".equalsIgnoreCase(url.getScheme())) {
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
                setSocketFactory(new TappedSockets(tap));
            } else {
                tap = null;
                // Normal certificate checks, plus the certificates the user chose to trust by fingerprint.
                // The refusal is kept as it happens: the library reports the failed handshake and the closed
                // socket from two threads, in either order.
                setSocketFactory(dev.duplex.tls.TlsContexts.client(trusted, refusal -> {
                    if (tlsRefusal == null) tlsRefusal = refusal;
                }).getSocketFactory());
            }
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

        void startCloseTimer() {
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
            boolean awaitingServerClose = closingByUs && tap != null && tap.peerClose() == null && !closeTimedOut;
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
            dropSocket();
            closeConnection(CloseFrame.ABNORMAL_CLOSE, "connection dropped by Duplex");
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened = true;
            if (tap != null) listener.on(new WsEvent.Handshake(Instant.now(), peer, tap.handshake()));
            String protocol = handshake.hasFieldValue("Sec-WebSocket-Protocol")
                    ? handshake.getFieldValue("Sec-WebSocket-Protocol") : "";
            if (!protocol.isEmpty() && !offered.contains(protocol)) {
                // RFC 6455 4.1: a subprotocol we did not offer fails the connection, as a browser's does.
                // (The library takes it, because we also accept "none" and it matches leniently.)
                listener.on(new WsEvent.Failed(Instant.now(), peer, new Problem(Problem.Kind.UNOFFERED_SUBPROTOCOL,
                        protocol + (offered.isEmpty() ? "" : " ∉ " + String.join(", ", offered)))));
                CompletableFuture.runAsync(() -> closeConnection(CloseFrame.ABNORMAL_CLOSE, "subprotocol not offered"));
                return;
            }
            listener.on(new WsEvent.Opened(Instant.now(), getURI(), protocol));
            if (maskedByServer != null) failMasked();
        }

        @Override
        public void onMessage(String message) {
            synchronized (events) {
                listener.on(new WsEvent.Received(Instant.now(), peer, Payload.text(message)));
            }
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] data = new byte[bytes.remaining()];
            bytes.get(data);
            synchronized (events) {
                listener.on(new WsEvent.Received(Instant.now(), peer, Payload.binary(data)));
            }
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            boolean answer = autoPong;
            byte[] payload = bytesOf(f); // before the pong: it is built on the same buffer and consumes it
            if (answer) super.onWebsocketPing(conn, f);
            listener.on(new WsEvent.Ping(Instant.now(), peer, Payload.binary(payload), answer));
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            byte[] data = bytesOf(f);
            Long sentAt = pingsInFlight.remove(ByteBuffer.wrap(data));
            long rtt = sentAt == null ? -1 : System.nanoTime() - sentAt;
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
                if (tap != null && !tap.handshake().response().isEmpty()) {
                    listener.on(new WsEvent.Handshake(Instant.now(), peer, tap.handshake()));
                }
                // A browser reports onerror then onclose(1006) for every connection that never opened.
                listener.on(new WsEvent.Failed(Instant.now(), peer, problemBeforeOpen(why)));
                listener.on(new WsEvent.Closed(Instant.now(), CloseCodes.ABNORMAL, "", false, remote));
                return;
            }
            if (tap == null) {
                // wss://: no tap, so the library's own account is all there is.
                int reported = code == CloseFrame.NEVER_CONNECTED ? CloseCodes.ABNORMAL : code;
                boolean clean = reported != CloseCodes.ABNORMAL && reported != CloseCodes.TLS;
                listener.on(new WsEvent.Closed(Instant.now(), reported, why, clean, remote && !closingByUs));
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

        private Problem problemBeforeOpen(String reason) {
            if (handshakeTimedOut) {
                return new Problem(Problem.Kind.TIMED_OUT, "no answer to the upgrade request");
            }
            String status = tap == null ? "" : tap.handshake().statusLine();
            if (status.matches("HTTP/\\S+ 101\\b.*")) {
                HandshakeRecord r = tap.handshake();
                String sent = r.responseHeader("Sec-WebSocket-Accept");
                String due = dev.duplex.protocol.AcceptCheck.of(r.requestHeader("Sec-WebSocket-Key")).expectedAccept();
                if (!sent.equals(due)) {
                    return new Problem(Problem.Kind.WRONG_ACCEPT, (sent.isEmpty() ? "(none)" : sent) + " ≠ " + due);
                }
            }
            if (status.startsWith("HTTP/") && !status.matches("HTTP/\\S+ 101\\b.*")) {
                return new Problem(Problem.Kind.HANDSHAKE_REFUSED, status.replaceFirst("^HTTP/[0-9.]+ ", "HTTP "));
            }
            // Without a tap (wss://) the library's own message still carries the status line.
            int at = reason.indexOf("Status line: ");
            if (at >= 0) {
                String line = reason.substring(at + 13).strip();
                return new Problem(Problem.Kind.HANDSHAKE_REFUSED, line.replaceFirst("^HTTP/[0-9.]+ ", "HTTP "));
            }
            if (tlsRefusal != null) return tlsProblem(tlsRefusal);
            if (errorBeforeOpen != null && isTls(errorBeforeOpen)) return tlsProblem(errorBeforeOpen);
            if (errorBeforeOpen != null) return Problems.of(errorBeforeOpen);
            if (status.startsWith("HTTP/")) return new Problem(Problem.Kind.BAD_HANDSHAKE, reason);
            return new Problem(Problem.Kind.OTHER, reason.isEmpty() ? "the connection closed before it opened" : reason);
        }
    }

    private static boolean isTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException || c instanceof java.security.cert.CertificateException) return true;
        }
        return false;
    }

    /**
     * A failed TLS handshake as the user can act on it: expired, unknown issuer (self-signed), wrong host,
     * or other; the detail starts with the server certificate's fingerprint when it is known, so the
     * window can offer to trust that one certificate.
     */
    static Problem tlsProblem(Throwable failure) {
        dev.duplex.tls.TlsProblem p = dev.duplex.tls.TlsProblem.of(failure);
        Problem.Kind kind = switch (p.kind()) {
            case EXPIRED, NOT_YET_VALID -> Problem.Kind.TLS_EXPIRED;
            case UNKNOWN_ISSUER -> Problem.Kind.TLS_UNKNOWN_ISSUER;
            case WRONG_HOST -> Problem.Kind.TLS_WRONG_HOST;
            case OTHER -> Problem.Kind.TLS_FAILED;
        };
        String fingerprint = p.fingerprint() == null ? "" : p.fingerprint().toString();
        return new Problem(kind, kind == Problem.Kind.TLS_FAILED ? String.valueOf(p.detail()) : fingerprint);
    }

    private static byte[] bytesOf(Framedata f) {
        ByteBuffer b = f.getPayloadData().duplicate();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return data;
    }
}
