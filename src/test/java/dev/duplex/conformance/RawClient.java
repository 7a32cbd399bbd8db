package dev.duplex.conformance;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client made of a plain {@link Socket} and hand-built frames, so that a test can send what
 * no client library would: reserved bits and opcodes, unmasked frames, broken UTF-8, lying lengths.
 *
 * <p>Every read is a blocking read bounded by {@link Socket#setSoTimeout}: the bound only turns a
 * server that never answers into a failed test, it is never a wait for something to happen.
 */
final class RawClient implements AutoCloseable {
    /** The bound of every blocking read: a broken server fails the test instead of hanging it. */
    static final int READ_BOUND_MS = 5_000;
    /** What {@link #readCloseCode} reports when the connection ended without a close frame. */
    static final int ABNORMAL = 1006;
    /** What a close frame without a payload means (RFC 6455 7.1.5). */
    static final int NO_CODE = 1005;

    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    static final int RSV1 = 4, RSV2 = 2, RSV3 = 1;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** One frame as it came from the server. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame (1005 when it carries none). */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : NO_CODE;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }

        @Override
        public String toString() {
            return "opcode 0x" + Integer.toHexString(opcode) + (fin ? " FIN" : "") + " rsv=" + rsv
                    + (masked ? " masked" : "") + " " + payload.length + " B";
        }
    }

    /** A whole message: the opcode of its first frame and its fragments' payloads joined. */
    record Message(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * How a connection ended: the code of the server's close frame (1006 for none), its reason, and the
     * frames that came before it.
     */
    record Closing(int code, String reason, List<Frame> before) {
        /** Whether a data frame (an echo, say) came before the close. */
        boolean dataBefore() {
            return before.stream().anyMatch(f -> f.opcode() < CLOSE);
        }

        @Override
        public String toString() {
            String end = code == ABNORMAL ? "TCP close without close frame (1006)"
                    : "close " + code + (reason.isEmpty() ? "" : " \"" + reason + "\"");
            return before.isEmpty() ? end : end + " after " + before;
        }
    }

    /** An HTTP answer to an opening handshake: its status and its headers (names lower case). */
    record HttpAnswer(int status, String statusLine, Map<String, String> headers) { }

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_BOUND_MS);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A TCP connection only: nothing sent yet. */
    static RawClient tcp(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(server, READ_BOUND_MS);
            return new RawClient(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A connection after a correct opening handshake, whose Sec-WebSocket-Accept has been checked. */
    static RawClient connect(InetSocketAddress server) throws IOException {
        RawClient c = tcp(server);
        try {
            c.handshake();
            return c;
        } catch (IOException | RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** A fresh random Sec-WebSocket-Key: 16 random bytes in base64 (RFC 6455 4.1). */
    static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The Sec-WebSocket-Accept a server must answer {@code key} with (RFC 6455 4.2.2). */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correct upgrade request for {@code /} with this key. */
    static String upgradeRequest(String key) {
        return "GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
    }

    /** Sends a correct upgrade request and checks the answer: 101, Upgrade, Connection and the Accept. */
    void handshake() throws IOException {
        String key = newKey();
        writeRaw(upgradeRequest(key).getBytes(StandardCharsets.US_ASCII));
        HttpAnswer answer = readHttpAnswer();
        if (answer == null) throw new AssertionError("the server closed the connection instead of answering the handshake");
        if (answer.status() != 101) throw new AssertionError("handshake refused: " + answer.statusLine());
        String upgrade = answer.headers().getOrDefault("upgrade", "");
        if (!upgrade.equalsIgnoreCase("websocket")) throw new AssertionError("Upgrade: " + upgrade);
        String connection = answer.headers().getOrDefault("connection", "");
        if (!connection.toLowerCase(Locale.ROOT).contains("upgrade")) throw new AssertionError("Connection: " + connection);
        String accept = answer.headers().get("sec-websocket-accept");
        if (!acceptFor(key).equals(accept)) {
            throw new AssertionError("Sec-WebSocket-Accept " + accept + ", expected " + acceptFor(key));
        }
    }

    /**
     * Reads an HTTP answer up to its blank line; null if the connection ended before a single byte of it.
     * The bytes after the blank line (frames, or a body) are left in the stream.
     */
    HttpAnswer readHttpAnswer() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c;
            try {
                c = in.read();
            } catch (SocketException reset) {
                c = -1;
            }
            if (c < 0) {
                if (head.size() == 0) return null;
                throw new EOFException("the connection ended inside the HTTP answer: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new AssertionError("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new HttpAnswer(status, statusLine, headers);
    }

    /**
     * Reads and drops whatever is left until the server ends the connection. True when it did within the
     * read bound, false when it kept the connection open that long.
     */
    boolean drainUntilEof() throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // drop it
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Writes bytes exactly as given. */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes one whole frame; {@code rsv} is a mask of {@link #RSV1}, {@link #RSV2}, {@link #RSV3}. */
    void writeFrame(boolean fin, int rsv, int opcode, boolean mask, byte[] payload) throws IOException {
        writeRaw(frame(fin, rsv, opcode, mask, payload));
    }

    /** A final, masked frame without reserved bits. */
    void writeFrame(int opcode, byte[] payload) throws IOException {
        writeFrame(true, 0, opcode, true, payload);
    }

    void sendText(String text) throws IOException {
        writeFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a close frame with this code and reason ({@code code} -1: a close frame without payload). */
    void sendClose(int code, byte[] reason) throws IOException {
        writeFrame(CLOSE, closePayload(code, reason));
    }

    static byte[] closePayload(int code, byte[] reason) {
        if (code < 0) return new byte[0];
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return payload;
    }

    /** One frame's bytes: the header with the shortest length form, the masking key, the masked payload. */
    static byte[] frame(boolean fin, int rsv, int opcode, boolean mask, byte[] payload) {
        byte[] header = header(fin, rsv, opcode, mask, payload.length);
        byte[] key = new byte[4];
        if (mask) RANDOM.nextBytes(key);
        int keyLength = mask ? 4 : 0;
        byte[] all = new byte[header.length + keyLength + payload.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(key, 0, all, header.length, keyLength);
        int start = header.length + keyLength;
        for (int i = 0; i < payload.length; i++) all[start + i] = (byte) (mask ? payload[i] ^ key[i & 3] : payload[i]);
        return all;
    }

    /**
     * A frame header declaring {@code length} payload bytes (the masking key is not included). The length
     * is unsigned: a negative one goes out in the 64-bit form with its top bit set, which RFC 6455 forbids.
     */
    static byte[] header(boolean fin, int rsv, int opcode, boolean mask, long length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(10);
        h.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0x0f));
        int maskBit = mask ? 0x80 : 0;
        if (length >= 0 && length <= 125) {
            h.write(maskBit | (int) length);
        } else if (length >= 0 && length <= 0xffff) {
            h.write(maskBit | 126);
            h.write((int) (length >> 8) & 0xff);
            h.write((int) length & 0xff);
        } else {
            h.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) h.write((int) (length >> shift) & 0xff);
        }
        return h.toByteArray();
    }

    /** Reads one frame; EOFException when the connection ends first. */
    Frame readFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) throw new EOFException("the connection ended");
        int b1 = readByte();
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7f;
        if (length == 126) {
            length = ((long) readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
        }
        if (length > 64L * 1024 * 1024) throw new AssertionError("the server announced a frame of " + length + " bytes");
        byte[] key = masked ? readExactly(4) : null;
        byte[] payload = readExactly((int) length);
        if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, masked, payload);
    }

    /** Reads one whole data message, joining fragments; control frames in between fail the test. */
    Message readMessage() throws IOException {
        Frame first = readFrame();
        if (first.opcode() != TEXT && first.opcode() != BINARY) throw new AssertionError("expected a data frame, got " + first);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(first.payload());
        Frame f = first;
        while (!f.fin()) {
            f = readFrame();
            if (f.opcode() != CONTINUATION) throw new AssertionError("expected a continuation frame, got " + f);
            payload.writeBytes(f.payload());
        }
        return new Message(first.opcode(), payload.toByteArray());
    }

    /**
     * Reads frames until the server's close frame and returns its code and reason; 1006 when the connection
     * ends (or is reset) without one. Answers the close, as a client should, if the socket still takes it.
     */
    Closing readClosing() throws IOException {
        List<Frame> before = new ArrayList<>();
        while (true) {
            Frame f;
            try {
                f = readFrame();
            } catch (EOFException | SocketException ended) {
                return new Closing(ABNORMAL, "", before);
            }
            if (f.opcode() == CLOSE) {
                try {
                    writeFrame(CLOSE, f.payload().length >= 2 ? closePayload(f.closeCode(), new byte[0]) : new byte[0]);
                } catch (IOException alreadyGone) {
                    // the server may close the TCP connection right after its close frame
                }
                return new Closing(f.closeCode(), f.closeReason(), before);
            }
            before.add(f);
        }
    }

    /** The close code the server ends this connection with (1006 when it just drops it). */
    int readCloseCode() throws IOException {
        return readClosing().code();
    }

    /** Sends a text message and returns the echoed message. */
    Message echo(String text) throws IOException {
        sendText(text);
        return readMessage();
    }

    String localPeer() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    Socket socket() {
        return socket;
    }

    /** Ends the connection with a TCP reset instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the connection ended inside a frame");
        return b;
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) throw new EOFException("the connection ended inside a frame");
        return data;
    }
}
