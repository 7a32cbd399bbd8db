package dev.duplex.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written WebSocket server for tests of our client against a peer that does exactly what the
 * test says, including what a real server should not. One connection; the script runs on its thread.
 */
final class RawServer implements AutoCloseable {
    /** What the server does once the handshake is done. */
    interface Script {
        void run(Connection c) throws IOException;
    }

    /** One accepted connection, with just enough framing to read and write frames by hand. */
    static final class Connection {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads one frame from the client and returns {opcode, unmasked payload...} as a record. */
        Frame readFrame() throws IOException {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) len = in.readUnsignedShort();
            else if (len == 127) len = in.readLong();
            byte[] mask = new byte[4];
            boolean masked = (b1 & 0x80) != 0;
            if (masked) in.readFully(mask);
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
            return new Frame(b0 & 0x0f, payload);
        }

        /** Writes an unmasked frame, as a server does. */
        void writeFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(payload.length);
            } else {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length & 0xff);
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }

        void writeClose(int code, String reason) throws IOException {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] p = new byte[2 + r.length];
            p[0] = (byte) (code >> 8);
            p[1] = (byte) code;
            System.arraycopy(r, 0, p, 2, r.length);
            writeFrame(0x8, p);
        }
    }

    record Frame(int opcode, byte[] payload) {
        int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private final ServerSocket listener;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    /** What to answer to the upgrade request (it gets the request's Sec-WebSocket-Key). */
    interface Answer {
        byte[] to(String key) throws Exception;
    }

    RawServer(Script script) throws IOException {
        this(RawServer::accept, script);
    }

    RawServer(Answer answer, Script script) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            try (Socket s = listener.accept()) {
                Connection c = new Connection(s);
                handshake(c, answer);
                script.run(c);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "raw-server");
        t.setDaemon(true);
        t.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** A correct 101 answer for this key. */
    static byte[] accept(String key) throws Exception {
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void handshake(Connection c, Answer answer) throws Exception {
        StringBuilder request = new StringBuilder();
        InputStream in = c.in;
        while (!request.toString().endsWith("\r\n\r\n")) {
            int ch = in.read();
            if (ch < 0) throw new IOException("handshake cut short");
            request.append((char) ch);
        }
        Matcher m = Pattern.compile("(?i)Sec-WebSocket-Key:\\s*(\\S+)").matcher(request);
        if (!m.find()) throw new IOException("no key in " + request);
        byte[] reply = answer.to(m.group(1));
        if (reply != null) {
            c.out.write(reply);
            c.out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
