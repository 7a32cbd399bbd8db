package dev.duplex.net.client;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.net.outbound.ProxyEnvironment;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.net.wire.ControlFrames;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.client.ClientTls;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.java_websocket.enums.Opcode;

/**
 * A WebSocket client that reports what a browser's WebSocket object would (onopen, onmessage, onclose
 * with its code, onerror) and more: the real cause of an error, what was sent, the handshake and every
 * frame as they crossed the wire, pongs with their round-trip time.
 *
 * <p>Each {@link #connect} makes a new {@link ClientConnection} over a new Java-WebSocket client (they are
 * single use); why one never opened is {@link HandshakeFailure}'s to say. No method blocks on the
 * network: connecting and closing go on in the library's own threads, and events ({@link WsEvent}) come
 * back to the listener from there.
 */
public final class WsClient {
    private final WsListener listener;
    private ClientConnection connection;
    private volatile boolean autoPong = true;
    /** Whether every message received is sent back as it came (an echo client, for echo-based checkers). */
    private volatile boolean echo;
    /** Server certificates trusted by their SHA-256 fingerprint on wss://, on top of the normal checks. */
    private volatile Set<Fingerprint> trusted = Set.of();
    /** A client certificate to present and CAs to trust, on wss://; none by default. */
    private volatile ClientTls clientTls = ClientTls.NONE;
    /** Seconds between the library's own pings that check the server is still there; 0 sends none. */
    private volatile int keepAliveSeconds = 60;

    /** The proxy chosen, from the next connection on: by default the environment's. */
    private volatile ProxyChoice proxy = ProxyChoice.FROM_ENVIRONMENT;
    /** Where the proxy variables are read: the process's own unless a test gives another. */
    private volatile Map<String, String> environment = System.getenv();

    public WsClient(WsListener listener) {
        this.listener = listener;
    }

    /** Starts connecting; a previous connection, if any, is dropped first. */
    public synchronized void connect(URI url, ClientOptions options) {
        if (connection != null) connection.abort();
        ProxyRoute route = ProxyEnvironment.route(url, proxy, environment);
        ClientConnection[] self = new ClientConnection[1];
        // The echo goes from the reader's thread, right after the message is reported: in order, with no hop.
        WsListener echoing = event -> {
            listener.on(event);
            if (echo && event instanceof WsEvent.Received r && self[0] != null && self[0].isOpen()) {
                Payload p = r.payload();
                self[0].sendReported(() -> {
                    if (p.isBinary()) self[0].send(p.bytes());
                    else self[0].send(p.text());
                }, () -> p);
            }
        };
        connection = new ClientConnection(url, options, echoing, () -> autoPong, trusted, route, clientTls);
        self[0] = connection;
        connection.setConnectionLostTimeout(keepAliveSeconds);
        connection.connect();
    }

    /**
     * Goes out through this proxy from the next connection on: one given, none, or (the default) the one the
     * environment names for the URL's scheme, as curl reads it ({@link ProxyEnvironment}).
     */
    public void proxy(ProxyChoice choice) {
        proxy = choice;
    }

    /** Reads the proxy variables from this map instead of the process's environment (for tests). */
    public void environment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
    }

    public synchronized boolean isOpen() {
        return connection != null && connection.isOpen();
    }

    /**
     * Whether a ping from the server is answered with a pong (on by default, as RFC 6455 requires).
     * Off, it tests how the server treats a client that stopped answering.
     */
    public void setAutoPong(boolean on) {
        autoPong = on;
    }

    /** Sends back every message received, text as text and binary as binary (off by default). */
    public void setEcho(boolean on) {
        echo = on;
    }

    /** Puts bytes on the socket as they are: a forged frame ({@code dev.duplex.forge}), or anything. */
    public void sendRaw(byte[] bytes) {
        openConnection().sendRawBytes(bytes);
    }

    /**
     * How often the library pings the server on its own to see that it is still there (every 60 s by
     * default), from the next connection on; 0 never. The proxy sends none: the pings its peers send
     * each other pass through it, and one of its own would be a frame neither of them sent.
     */
    public void setKeepAlive(int seconds) {
        keepAliveSeconds = Math.max(0, seconds);
    }

    /**
     * Trusts these certificates by fingerprint from the next connection on, whoever issued them (a
     * self-signed one included); every other certificate still gets the normal checks. Never "trust all".
     */
    public void trust(Collection<Fingerprint> fingerprints) {
        trusted = Set.copyOf(fingerprints);
    }

    /**
     * From the next connection on, presents this client certificate when a wss:// server asks for one, and
     * trusts these CAs on top of the JDK's ({@link ClientTls#NONE}: neither). Read the files off the FX thread.
     */
    public void clientTls(ClientTls tls) {
        clientTls = tls == null ? ClientTls.NONE : tls;
    }

    /**
     * Sends a text message and reports it as sent.
     *
     * @throws IllegalStateException when the connection is not open
     */
    public void send(String text) {
        ClientConnection c = openConnection();
        c.sendReported(() -> c.send(text), () -> Payload.text(text));
    }

    /** Sends a binary message and reports it as sent. */
    public void send(byte[] data) {
        ClientConnection c = openConnection();
        c.sendReported(() -> c.send(data), () -> Payload.binary(data));
    }

    /**
     * Sends one message cut into frames of at most {@code fragmentSize} payload bytes (the first frame
     * text or binary, the rest continuation frames), and reports the message as sent.
     */
    public void sendFragmented(Payload message, int fragmentSize) {
        if (fragmentSize <= 0) throw new IllegalArgumentException("fragment size must be positive");
        ClientConnection c = openConnection();
        byte[] data = message.bytes();
        Opcode op = message.isBinary() ? Opcode.BINARY : Opcode.TEXT;
        c.sendReported(() -> {
            int off = 0;
            do {
                int n = Math.min(fragmentSize, data.length - off);
                c.sendFragmentedFrame(op, ByteBuffer.wrap(data, off, n), off + n >= data.length);
                off += n;
            } while (off < data.length);
        }, () -> message);
    }

    /**
     * Sends a ping with this payload; the matching pong is reported with its round-trip time. A payload
     * over 125 bytes is sent as asked (a peer should close with 1002).
     */
    public void ping(byte[] payload) {
        openConnection().sendTimedPing(payload);
    }

    /** Sends an unsolicited pong (a heartbeat that needs no answer). */
    public void pong(byte[] payload) {
        openConnection().sendFrame(ControlFrames.pong(payload));
    }

    /**
     * Starts the closing handshake with this code and reason; onclose follows when the server answers
     * (or when the connection drops). A connection still connecting is dropped instead.
     */
    public synchronized void close(int code, String reason) {
        if (connection == null || connection.closingByUs()) return; // a close already under way finishes as it is
        if (connection.isOpen()) {
            connection.startClosing(code, reason);
        } else {
            connection.abort();
        }
    }

    /**
     * Sends a close frame exactly as given, valid or not: {@code code} -1 sends none (an empty close
     * payload), and any code or reason length goes out as it is. For negative tests of a server; the
     * log says what the server did in return.
     */
    public void closeRaw(int code, byte[] reason) {
        openConnection().startClosingRaw(code, reason);
    }

    private synchronized ClientConnection openConnection() {
        if (connection == null || !connection.isOpen()) throw new IllegalStateException("the connection is not open");
        return connection;
    }
}
