package dev.duplex.net;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.SocketFactory;

/**
 * Keeps a copy of the first bytes a server sends, up to the end of the handshake, so that a refused
 * upgrade can be reported with its real status line ("HTTP/1.1 403 Forbidden") and body. Java-WebSocket
 * reads a refused handshake but does not hand it to its listener; a browser does not show it either.
 */
final class HandshakeTap extends SocketFactory {
    /** A refused upgrade's status, headers and the start of its body are all a person needs. */
    private static final int CAP = 64 * 1024;

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean tapping = true;

    /** Stops copying: called once the connection is open, so messages are never kept twice. */
    void stop() {
        tapping = false;
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

    private void copy(byte[] b, int off, int len) {
        if (!tapping || len <= 0) return;
        synchronized (received) {
            int room = CAP - received.size();
            if (room > 0) received.write(b, off, Math.min(room, len));
        }
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
