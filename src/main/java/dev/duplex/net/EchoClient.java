package dev.duplex.net;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A WebSocket client that reports what a browser's WebSocket object would (onopen, onmessage, onclose
 * with its code, onerror) and more: the real cause of an error, and what was sent.
 *
 * <p>Each {@link #connect} makes a new Java-WebSocket client (they are single use). No method blocks
 * on the network: connecting and closing go on in the library's own threads, and events come back to
 * the listener from there.
 */
public final class EchoClient {
    private final WsListener listener;
    private Session session;

    public EchoClient(WsListener listener) {
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
     * Starts the closing handshake with this code and reason; onclose follows when the server answers
     * (or when the connection drops). A connection still connecting is dropped instead.
     */
    public synchronized void close(int code, String reason) {
        if (session == null) return;
        if (session.isOpen()) {
            session.startClosing(code, reason);
        } else {
            session.abort();
        }
    }

    private synchronized Session openSession() {
        if (session == null || !session.isOpen()) throw new IllegalStateException("the connection is not open");
        return session;
    }

    private static Map<String, String> handshakeHeaders(ClientOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (options.origin() != null && !options.origin().isBlank()) headers.put("Origin", options.origin());
        headers.putAll(options.headers());
        return headers;
    }

    /**
     * How long to wait for the server's close frame after sending ours before dropping the connection,
     * as a browser does; the close is then reported as 1006, not clean.
     */
    static final long CLOSE_TIMEOUT_MS = 3_000;

    /** One connection attempt and, if it opens, its life. */
    private final class Session extends WebSocketClient {
        final String peer;
        final HandshakeTap tap;
        /** Held while reporting a message in or out, so that "sent" is never logged after its echo. */
        final Object events = new Object();
        volatile boolean opened;
        volatile Exception errorBeforeOpen;
        /** We sent the first close frame (the library's "remote" flag races with its reading thread). */
        volatile boolean closingByUs;
        volatile boolean closeTimedOut;

        Session(URI url, ClientOptions options) {
            super(url, new Draft_6455(), handshakeHeaders(options), options.connectTimeoutMs());
            this.peer = url.toString();
            setDaemon(true);
            // The tap sits under the library's own reads. For wss:// the library must make the TLS
            // socket itself (a plain socket factory would switch TLS off), so there is no tap there.
            if ("ws".equalsIgnoreCase(url.getScheme())) {
                tap = new HandshakeTap();
                setSocketFactory(tap);
            } else {
                tap = null;
            }
        }

        /**
         * Sends our close frame and keeps reading until the server's close frame arrives or
         * {@link #CLOSE_TIMEOUT_MS} passes, so the close can be reported as the server answered it.
         */
        void startClosing(int code, String reason) {
            closingByUs = true;
            close(code, reason);
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
            boolean awaitingServerClose = closingByUs && tap != null && tap.serverClose() == null && !closeTimedOut;
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
            String protocol = handshake.hasFieldValue("Sec-WebSocket-Protocol")
                    ? handshake.getFieldValue("Sec-WebSocket-Protocol") : "";
            listener.on(new WsEvent.Opened(Instant.now(), getURI(), protocol));
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
        public void onError(Exception ex) {
            if (!opened) {
                // Reported with onclose, once we know whether a refused handshake explains it better.
                errorBeforeOpen = ex;
            } else {
                listener.on(new WsEvent.Failed(Instant.now(), peer, Problems.of(ex)));
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            String why = reason == null ? "" : reason;
            if (!opened) {
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
            FrameScanner.CloseFrame answer = tap.serverClose();
            if (answer != null) {
                listener.on(new WsEvent.Closed(Instant.now(), answer.code(), answer.reason(), true, !closingByUs));
            } else {
                // No close frame from the server: it dropped the connection, or never answered ours, or
                // the library failed the connection (its reason says why, such as a protocol error).
                String detail = closingByUs ? "" : why;
                listener.on(new WsEvent.Closed(Instant.now(), CloseCodes.ABNORMAL, detail, false, !closingByUs));
            }
        }

        private Problem problemBeforeOpen(String reason) {
            String status = tap == null ? "" : tap.statusLine();
            if (status.startsWith("HTTP/") && !status.matches("HTTP/\\S+ 101\\b.*")) {
                return new Problem(Problem.Kind.HANDSHAKE_REFUSED, status.replaceFirst("^HTTP/[0-9.]+ ", "HTTP "));
            }
            // Without a tap (wss://) the library's own message still carries the status line.
            int at = reason.indexOf("Status line: ");
            if (at >= 0) {
                String line = reason.substring(at + 13).strip();
                return new Problem(Problem.Kind.HANDSHAKE_REFUSED, line.replaceFirst("^HTTP/[0-9.]+ ", "HTTP "));
            }
            if (errorBeforeOpen != null) return Problems.of(errorBeforeOpen);
            if (status.startsWith("HTTP/")) return new Problem(Problem.Kind.BAD_HANDSHAKE, reason);
            return new Problem(Problem.Kind.OTHER, reason.isEmpty() ? "the connection closed before it opened" : reason);
        }
    }
}
