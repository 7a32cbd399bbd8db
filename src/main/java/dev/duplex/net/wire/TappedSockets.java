package dev.duplex.net.wire;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Gives Java-WebSocket's client a plain socket whose streams pass every byte past a {@link WireTap}.
 * The library connects the socket itself, so only {@link #createSocket()} is used.
 */
public final class TappedSockets extends SocketFactory {
    private final WireTap tap;

    public TappedSockets(WireTap tap) {
        this.tap = tap;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private InputStream in;
            private OutputStream out;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            if (n > 0) safely(() -> tap.inbound(b, off, n));
                            return n;
                        }

                        @Override
                        public int read() throws IOException {
                            int c = super.read();
                            if (c >= 0) safely(() -> tap.inbound(new byte[] {(byte) c}, 0, 1));
                            return c;
                        }
                    };
                }
                return in;
            }

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (out == null) {
                    OutputStream raw = super.getOutputStream();
                    out = new FilterOutputStream(raw) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            // Shown before it goes: the echo can be read back before this thread returns.
                            safely(() -> tap.outbound(b, off, len));
                            raw.write(b, off, len);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            safely(() -> tap.outbound(new byte[] {(byte) b}, 0, 1));
                            raw.write(b);
                        }
                    };
                }
                return out;
            }
        };
    }

    /** The tap only watches: whatever goes wrong in it must not break the connection it watches. */
    private static void safely(Runnable watch) {
        try {
            watch.run();
        } catch (RuntimeException ignored) {
            // the views miss some frames of this connection; the connection itself goes on
        }
    }

    private static UnsupportedOperationException connectsItself() {
        return new UnsupportedOperationException("the client connects the socket itself");
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw connectsItself();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw connectsItself();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw connectsItself();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw connectsItself();
    }
}
