package dev.duplex.check.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import dev.duplex.check.Transcript;

/**
 * One client's TCP connection, as the checking server sees it: raw bytes out (so that a case can send
 * anything, broken on purpose), the client's frames in, each read bounded by the case's deadline, and all
 * of it written to the case's transcript. No WebSocket library: the server under our hands must be able
 * to break every rule.
 */
final class ClientWire implements Closeable {
    static final int CONT = 0;
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** One frame from the client, unmasked already. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        boolean control() {
            return opcode >= 8;
        }

        /** The close code, -1 for a close without one. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The client closed its side of TCP (or reset it): it failed, or ended, the connection. */
    static final class Ended extends IOException {
        Ended(String how) {
            super(how, null);
        }
    }

    /** Nothing more from the client before the deadline. */
    static final class Silent extends IOException {
        Silent() {
            super("nothing before the deadline");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final long deadline;

    ClientWire(Socket socket, InputStream in, Transcript transcript, long deadline) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.deadline = deadline;
    }

    long deadline() {
        return deadline;
    }

    Transcript transcript() {
        return transcript;
    }

    /** Writes bytes as they are, in one TCP write, noted in the transcript as {@code what}. */
    void raw(byte[] bytes, String what) throws IOException {
        transcript.sent(bytes, what);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // The client already dropped TCP (it failed the connection on what came before): a fact to judge.
            transcript.got(new byte[0], "TCP gone: " + e.getMessage());
            throw new Ended("dropped the TCP connection (our write failed: " + e.getMessage() + ")");
        }
    }

    /** One frame, unmasked as a server's must be, unless {@code mask} is given. */
    void frame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        raw(Frames.encode(fin, rsv, opcode, payload, null), Frames.describe(fin, rsv, opcode, false, payload));
    }

    void text(String s) throws IOException {
        frame(true, 0, TEXT, s.getBytes(StandardCharsets.UTF_8));
    }

    void ping(String s) throws IOException {
        frame(true, 0, PING, s.getBytes(StandardCharsets.UTF_8));
    }

    void close(int code, String reason) throws IOException {
        frame(true, 0, CLOSE, Frames.closePayload(code, reason.getBytes(StandardCharsets.UTF_8)));
    }

    /** The client's next frame, waiting no later than the case's deadline (or {@code until}, if sooner). */
    Frame next(long until) throws IOException {
        long bound = Math.min(until, deadline);
        try {
            int b0 = read(bound);
            int b1 = read(bound);
            long len = b1 & 0x7f;
            if (len == 126) len = (read(bound) << 8) | read(bound);
            else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) len = (len << 8) | read(bound);
            }
            if (len < 0 || len > Frames.MAX_FROM_CLIENT) throw new Ended("sent a frame of " + len + " bytes");
            boolean masked = (b1 & 0x80) != 0;
            byte[] key = new byte[4];
            if (masked) for (int i = 0; i < 4; i++) key[i] = (byte) read(bound);
            byte[] payload = new byte[(int) len];
            for (int i = 0; i < payload.length; i++) payload[i] = (byte) (read(bound) ^ (masked ? key[i & 3] : 0));
            boolean fin = (b0 & 0x80) != 0;
            int rsv = (b0 >> 4) & 7;
            int opcode = b0 & 0x0f;
            byte[] onWire = Frames.encode(fin, rsv, opcode, payload, masked ? key : null);
            transcript.got(onWire, Frames.describe(fin, rsv, opcode, masked, payload));
            return new Frame(fin, rsv, opcode, masked, payload);
        } catch (SocketTimeoutException e) {
            throw new Silent();
        }
    }

    /** The next frame before {@code until}, or null when the client is silent until then. */
    Frame poll(long until) throws IOException {
        try {
            return next(until);
        } catch (Silent s) {
            return null;
        }
    }

    private int read(long bound) throws IOException {
        long left = bound - System.currentTimeMillis();
        if (left <= 0) throw new SocketTimeoutException();
        socket.setSoTimeout((int) Math.max(1, left));
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            transcript.got(new byte[0], "TCP reset: " + e.getMessage());
            throw new Ended("reset the TCP connection");
        }
        if (b < 0) {
            transcript.got(new byte[0], "TCP closed");
            throw new Ended("closed the TCP connection");
        }
        return b;
    }

    /** Reads the client's HTTP request head (up to the blank line), at most 16 KiB. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("the connection ended inside the request");
            head.write(b);
            if (head.size() > 16 * 1024) throw new IOException("a request head of more than 16 KiB");
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all we wanted; a socket already reset is closed enough.
        }
    }
}
