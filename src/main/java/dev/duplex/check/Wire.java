package dev.duplex.check;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.tls.TlsContexts;

/**
 * One case's connection to the server under test: a plain socket and hand-built frames, so that a case can
 * send what no client library would. Every frame sent and got is kept in the case's {@link Transcript}.
 * Every read is bounded by the case's deadline, so a silent server cannot hang the run.
 */
final class Wire implements AutoCloseable {
    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    static final int RSV1 = 4, RSV2 = 2, RSV3 = 1;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Where and how to connect: the target, the Origin (null for none), extra headers, TLS for wss:// (null
     * for ws://) and the route out (straight, or through a proxy's tunnel).
     */
    record Target(URI url, String origin, Map<String, String> headers, SSLSocketFactory tls, ProxyRoute route) {
        /** The same target with one more handshake header (a case's own extension offer). */
        Target with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Target(url, origin, more, tls, route);
        }

        String host() {
            return url.getHost();
        }

        int port() {
            return url.getPort() >= 0 ? url.getPort() : tls != null ? 443 : 80;
        }

        String path() {
            String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
        }

        String hostHeader() {
            return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        }
    }

    /** One frame as the server sent it. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    /** An HTTP answer: status, status line, headers (lower-case names). */
    record HttpAnswer(int status, String statusLine, Map<String, String> headers) { }

    /** The connection ended (FIN or reset) while reading. */
    static final class Ended extends IOException {
        final boolean reset;

        Ended(boolean reset) {
            super(reset ? "TCP reset" : "TCP closed", null);
            this.reset = reset;
        }
    }

    /** The case's deadline passed while waiting for the server. */
    static final class Silent extends IOException {
        Silent() {
            super("nothing within the case's timeout");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final long deadline;
    /** The server's answer to the opening handshake, once {@link #open} read it. */
    private HttpAnswer handshake;

    /**
     * Ends connections whose case is over: reads are bounded by the deadline already, but a write to a
     * server that stopped reading blocks with no bound of its own.
     */
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duplex-check-reaper");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> reaping;

    private Wire(Socket socket, Transcript transcript, long deadline) throws IOException {
        this.socket = socket;
        this.transcript = transcript;
        this.deadline = deadline;
        long left = Math.max(0, deadline - System.currentTimeMillis()) + 250;
        this.reaping = REAPER.schedule(this::closeSocket, left, TimeUnit.MILLISECONDS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A TCP connection only. */
    static Wire tcp(Target target, Transcript transcript, long deadline) throws IOException {
        Socket s = Tunnels.connect(target, (int) Math.max(1, deadline - System.currentTimeMillis()));
        try {
            if (target.tls() == null) return new Wire(s, transcript, deadline);
            SSLSocket tls = (SSLSocket) target.tls().createSocket(s, target.host(), target.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the host name check, as our client makes it
            tls.setSSLParameters(TlsContexts.limitProtocols(p));
            tls.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            tls.startHandshake();
            return new Wire(tls, transcript, deadline);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A connection after a correct opening handshake; a refused one throws {@link Refused}. */
    static Wire open(Target target, Transcript transcript, long deadline) throws IOException {
        Wire w = tcp(target, transcript, deadline);
        try {
            String key = newKey();
            w.writeRaw(request(target, "GET", key, "13", true).getBytes(StandardCharsets.ISO_8859_1), "handshake request");
            HttpAnswer a = w.readHttpAnswer();
            if (a == null) throw new Refused("the server closed the connection instead of answering the handshake");
            if (a.status() != 101) throw new Refused("handshake refused: " + a.statusLine());
            if (!acceptFor(key).equals(a.headers().get("sec-websocket-accept"))) {
                throw new Refused("wrong Sec-WebSocket-Accept: " + a.headers().get("sec-websocket-accept"));
            }
            w.handshake = a;
            return w;
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** The server's 101 answer (lower-case header names); null on a connection from {@link #tcp}. */
    HttpAnswer handshake() {
        return handshake;
    }

    /** The handshake did not open a WebSocket. */
    static final class Refused extends IOException {
        Refused(String why) {
            super(why);
        }
    }

    static String request(Target t, String method, String key, String version, boolean upgrade) {
        StringBuilder r = new StringBuilder(method).append(' ').append(t.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(t.hostHeader()).append("\r\n");
        if (upgrade) r.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
        if (key != null) r.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        if (version != null) r.append("Sec-WebSocket-Version: ").append(version).append("\r\n");
        if (t.origin() != null) r.append("Origin: ").append(t.origin()).append("\r\n");
        t.headers().forEach((n, v) -> r.append(n).append(": ").append(v).append("\r\n"));
        return r.append("\r\n").toString();
    }

    static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an HTTP answer up to its blank line; null if the connection ended before its first byte. */
    HttpAnswer readHttpAnswer() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = readByteOrEnd();
            if (c < 0) {
                if (head.size() == 0) return null;
                throw new EOFException("the connection ended inside the HTTP answer");
            }
            if (head.size() > 16_384) throw new IOException("an HTTP answer over 16 KiB");
            head.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        transcript.got(head.toByteArray(), "HTTP " + text.lines().findFirst().orElse(""));
        String[] lines = text.split("\r\n");
        String[] parts = lines[0].split(" ", 3);
        int status = -1;
        try {
            status = Integer.parseInt(parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException notHttp) {
            // reported through the status line
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new HttpAnswer(status, lines[0], headers);
    }

    void writeRaw(byte[] bytes, String what) throws IOException {
        transcript.sent(bytes, what);
        out.write(bytes);
        out.flush();
    }

    /** Writes a frame's bytes in pieces of {@code chunk} bytes (0: at once), each flushed. */
    void writeChunked(byte[] bytes, int chunk, String what) throws IOException {
        transcript.sent(bytes, what + (chunk > 0 ? " (in " + chunk + "-byte TCP writes)" : ""));
        if (chunk <= 0) {
            out.write(bytes);
        } else {
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(bytes, i, Math.min(chunk, bytes.length - i));
                out.flush();
            }
        }
        out.flush();
    }

    void writeFrame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        writeChunked(frame(fin, rsv, opcode, payload), 0, describe(fin, rsv, opcode, payload));
    }

    /** One masked frame's bytes, with the shortest length form. */
    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(payload.length + 14);
        h.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0x0f));
        int n = payload.length;
        if (n <= 125) {
            h.write(0x80 | n);
        } else if (n <= 0xffff) {
            h.write(0x80 | 126);
            h.write(n >> 8 & 0xff);
            h.write(n & 0xff);
        } else {
            h.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) h.write((int) ((long) n >> shift) & 0xff);
        }
        byte[] key = new byte[4];
        RANDOM.nextBytes(key);
        h.writeBytes(key);
        byte[] masked = new byte[n];
        for (int i = 0; i < n; i++) masked[i] = (byte) (payload[i] ^ key[i & 3]);
        h.writeBytes(masked);
        return h.toByteArray();
    }

    static String describe(boolean fin, int rsv, int opcode, byte[] payload) {
        StringBuilder d = new StringBuilder(opcodeName(opcode));
        if (fin) d.append(" FIN");
        if (rsv != 0) d.append(" rsv=").append(rsv);
        d.append(' ').append(payload.length).append(" B");
        if (opcode == CLOSE && payload.length >= 2) {
            d.append(" code ").append(((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
        }
        if (payload.length > 0 && (opcode == TEXT || opcode == CONTINUATION || opcode >= CLOSE)) {
            int show = Math.min(payload.length, 60);
            d.append(" \"").append(new String(payload, opcode == CLOSE ? Math.min(2, show) : 0,
                    show - (opcode == CLOSE ? Math.min(2, show) : 0), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "."));
            d.append(show < payload.length ? "…\"" : "\"");
        }
        return d.toString();
    }

    static String opcodeName(int opcode) {
        return switch (opcode) {
            case CONTINUATION -> "continuation";
            case TEXT -> "text";
            case BINARY -> "binary";
            case CLOSE -> "close";
            case PING -> "ping";
            case PONG -> "pong";
            default -> "opcode " + opcode;
        };
    }

    /** Reads one frame within the deadline; {@link Ended} or {@link Silent} otherwise. */
    Frame readFrame() throws IOException {
        int b0 = readByteOrEnd();
        if (b0 < 0) throw new Ended(false);
        int b1 = readByte();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = ((long) readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
        }
        if (length > 64L * 1024 * 1024 || length < 0) throw new IOException("the server announced a frame of " + length + " bytes");
        byte[] key = (b1 & 0x80) != 0 ? readExactly(4) : null;
        byte[] payload = readExactly((int) length);
        if (key != null) for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
        Frame f = new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, payload);
        byte[] head = {(byte) b0, (byte) b1};
        byte[] shown = new byte[head.length + Math.min(payload.length, Transcript.BYTES_SHOWN)];
        System.arraycopy(head, 0, shown, 0, 2);
        System.arraycopy(payload, 0, shown, 2, shown.length - 2);
        transcript.got(shown, describe(f.fin(), f.rsv(), f.opcode(), payload) + ((b1 & 0x80) != 0 ? " masked" : ""));
        return f;
    }

    public void close() {
        reaping.cancel(false);
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }

    private int readByteOrEnd() throws IOException {
        bound();
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw new Silent();
        } catch (SocketException e) {
            throw new Ended(true);
        }
    }

    private int readByte() throws IOException {
        int b = readByteOrEnd();
        if (b < 0) throw new Ended(false);
        return b;
    }

    private byte[] readExactly(int n) throws IOException {
        bound();
        byte[] data;
        try {
            data = in.readNBytes(n);
        } catch (SocketTimeoutException e) {
            throw new Silent();
        } catch (SocketException e) {
            throw new Ended(true);
        }
        if (data.length < n) throw new Ended(false);
        return data;
    }

    private void bound() throws IOException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new Silent();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }
}
