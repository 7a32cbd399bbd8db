package dev.duplex.net.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Gives Java-WebSocket's client a plain socket whose streams pass every byte past a {@link WireTap}
 * (wss:// has {@link TappedSslSocket}).
 * The library connects the socket itself, so only {@link #createSocket()} is used.
 */
public final class TappedSockets extends SelfConnectingSocketFactory {
    private final WireTap tap;
    /** Makes the TLS sockets of wss://, tapped above TLS; null for ws://. */
    private final SSLSocketFactory tls;

    /** Plain sockets, for ws://. */
    public TappedSockets(WireTap tap) {
        this(tap, null);
    }

    private TappedSockets(WireTap tap, SSLSocketFactory tls) {
        this.tap = tap;
        this.tls = tls;
    }

    /**
     * TLS sockets from {@code tls}, for wss://, tapped above TLS. The library still sees an {@code SSLSocket},
     * so it applies its TLS parameters (the host name check) as it does to its own.
     */
    public static TappedSockets overTls(SSLSocketFactory tls, WireTap tap) {
        return new TappedSockets(tap, tls);
    }

    /** A TLS socket made elsewhere (inside a proxy's tunnel), its streams tapped above TLS. */
    public static SSLSocket aboveTls(SSLSocket tls, WireTap tap) {
        return new TappedSslSocket(tls, tap);
    }

    /** This stream, passing every byte it reads past the tap. */
    public static InputStream tapped(InputStream in, WireTap tap) {
        return TappedStreams.in(in, tap);
    }

    /** This stream, passing every byte written past the tap. */
    public static OutputStream tapped(OutputStream out, WireTap tap) {
        return TappedStreams.out(out, tap);
    }

    @Override
    public Socket createSocket() throws IOException {
        if (tls != null) return new TappedSslSocket((SSLSocket) tls.createSocket(), tap);
        return new Socket() {
            private InputStream in;
            private OutputStream out;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) in = TappedStreams.in(super.getInputStream(), tap);
                return in;
            }

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (out == null) out = TappedStreams.out(super.getOutputStream(), tap);
                return out;
            }
        };
    }
}
