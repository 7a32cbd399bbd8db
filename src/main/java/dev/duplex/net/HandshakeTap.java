package dev.duplex.net;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.SocketFactory;

/**
 * Sits under Java-WebSocket's reads of a client socket. It keeps a copy of the server's handshake
 * answer, so that a refused upgrade can be reported with its real status line ("HTTP/1.1 403
 * Forbidden") and body, which the library reads but does not hand on; and it follows the frames after
 * it, so that the server's close frame is known even when the library has stopped decoding.
 */
final class HandshakeTap extends SocketFactory {
    /** A refused upgrade's status, headers and the start of its body are all a person needs. */
    private static final int CAP = 64 * 1024;

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final FrameScanner frames = new FrameScanner();
    /** Reading the handshake answer until its blank line; after that, frames. */
    private boolean inHandshake = true;
    private int blankLineMatch;

    /** The first close frame the server sent, or null. */
    FrameScanner.CloseFrame serverClose() {
        return frames.close();
    }

    /** The status line of the server's answer, or "" when nothing arrived. */
    String statusLine() {
        String text = responseText();
        int end = text.indexOf("\r\n");
        return end < 0 ? (text.startsWith("HTTP/") ? text.strip() : "") : text.substring(0, end);
    }

    /** Everything captured, decoded leniently as UTF-8. */
    String responseText() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Called with every chunk the library reads, on its reading thread, in order. */
    private void copy(byte[] b, int off, int len) {
        if (len <= 0) return;
        if (inHandshake) {
            int end = off;
            int stop = off + len;
            while (end < stop && blankLineMatch < 4) {
                byte expected = (byte) ((blankLineMatch & 1) == 0 ? '\r' : '\n');
                blankLineMatch = b[end] == expected ? blankLineMatch + 1 : (b[end] == '\r' ? 1 : 0);
                end++;
            }
            synchronized (received) {
                int room = CAP - received.size();
                // A refused upgrade's body comes after the blank line: keep it too, for the report.
                if (room > 0) received.write(b, off, Math.min(room, len));
            }
            if (blankLineMatch < 4) return;
            inHandshake = false;
            len = stop - end;
            off = end;
        }
        frames.feed(b, off, len);
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private InputStream in;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            copy(b, off, n);
                            return n;
                        }

                        @Override
                        public int read() throws IOException {
                            int c = super.read();
                            if (c >= 0) copy(new byte[] {(byte) c}, 0, 1);
                            return c;
                        }
                    };
                }
                return in;
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("the client connects the socket itself");
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("the client connects the socket itself");
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) {
        throw new UnsupportedOperationException("the client connects the socket itself");
    }

    @Override
    public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
            int localPort) {
        throw new UnsupportedOperationException("the client connects the socket itself");
    }
}
