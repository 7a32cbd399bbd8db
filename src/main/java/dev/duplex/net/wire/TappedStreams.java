package dev.duplex.net.wire;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A socket's two streams with every byte passed past a {@link WireTap}: the client's plain sockets
 * ({@link TappedSockets}) and its TLS sockets ({@link TappedSslSocket}) tap the same way, above TLS for the
 * second, so the views see the same plain bytes on ws:// and wss://.
 */
final class TappedStreams {
    private TappedStreams() { }

    static InputStream in(InputStream raw, WireTap tap) {
        return new FilterInputStream(raw) {
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

    static OutputStream out(OutputStream raw, WireTap tap) {
        return new FilterOutputStream(raw) {
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

    /** The tap only watches: whatever goes wrong in it must not break the connection it watches. */
    private static void safely(Runnable watch) {
        try {
            watch.run();
        } catch (RuntimeException ignored) {
            // the views miss some frames of this connection; the connection itself goes on
        }
    }
}
