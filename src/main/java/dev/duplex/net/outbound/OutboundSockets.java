package dev.duplex.net.outbound;

import dev.duplex.net.wire.TappedSockets;
import dev.duplex.net.wire.WireTap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Gives Java-WebSocket's client a socket already connected through a proxy: it connects to the proxy, asks it
 * for a tunnel to the server ({@link HttpConnect}, {@link Socks5}), and on wss:// starts TLS inside the tunnel.
 * The wire tap sees only what goes through the tunnel, above TLS on wss://, as it does on a direct connection;
 * the exchange with the proxy is kept apart, in {@link #record()}. The library skips its own connect for a
 * socket that is connected already, and still sets its TLS parameters (the host name check) on an SSLSocket.
 */
public final class OutboundSockets extends dev.duplex.net.wire.SelfConnectingSocketFactory {
    private final URI url;
    private final ProxyRoute route;
    private final WireTap tap;
    private final SSLSocketFactory tls;
    private final int timeoutMs;
    private final TunnelRecord.Steps steps = new TunnelRecord.Steps();
    /** The socket to the proxy while the tunnel opens (the library does not hold it yet), or null. */
    private volatile Socket opening;
    private volatile boolean cancelled;

    /**
     * @param route a route through a proxy ({@link ProxyRoute#proxy()} not null), or one of a bad variable
     * @param tls   makes the TLS socket of wss://, or null for ws://
     */
    public OutboundSockets(URI url, ProxyRoute route, WireTap tap, SSLSocketFactory tls, int timeoutMs) {
        this.url = url;
        this.route = route;
        this.tap = tap;
        this.tls = tls;
        this.timeoutMs = timeoutMs;
    }

    /** The proxy and why, and the exchange with it so far. */
    public TunnelRecord record() {
        return new TunnelRecord(route, steps.all());
    }

    /**
     * Drops the connection to the proxy while the tunnel is still opening (the library can only close a socket
     * it has been handed); a later {@link #createSocket()} fails at once.
     */
    public void cancel() {
        cancelled = true;
        Socket s = opening;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        if (route.reason() == ProxyRoute.Reason.BAD_VARIABLE) {
            throw new ProxyFailure(ProxyFailure.Kind.BAD_VARIABLE, route.variable(), route.variable());
        }
        ProxyAddress proxy = route.proxy();
        String host = ProxyEnvironment.host(url);
        int port = ProxyEnvironment.port(url);
        TunnelSocket socket = new TunnelSocket(tls == null ? tap : null);
        opening = socket;
        if (cancelled) socket.close();
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeoutMs);
        } catch (IOException e) {
            socket.close();
            throw new ProxyFailure(ProxyFailure.Kind.UNREACHABLE, proxy.address(), unreachable(e));
        }
        try {
            socket.setSoTimeout(timeoutMs);
            if (proxy.kind() == ProxyAddress.Kind.HTTP) {
                HttpConnect.open(proxy, host, port, socket.rawIn(), socket.rawOut(), steps);
            } else {
                Socks5.open(proxy, host, port, socket.rawIn(), socket.rawOut(), steps);
            }
            socket.setSoTimeout(0);
            socket.tunnelled();
            opening = null;
            if (tls == null) return socket;
            SSLSocket layered = (SSLSocket) tls.createSocket(socket, host, port, true);
            return TappedSockets.aboveTls(layered, tap);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new ProxyFailure(ProxyFailure.Kind.BROKEN, proxy.address(), "no answer in " + timeoutMs + " ms");
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String unreachable(IOException e) {
        if (e instanceof ConnectException) return "connection refused";
        if (e instanceof UnknownHostException) return "unknown host";
        if (e instanceof SocketTimeoutException) return "timed out";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A plain socket whose streams are tapped once the tunnel is open (ws://), never before. */
    private static final class TunnelSocket extends Socket {
        private final WireTap tap;
        private volatile boolean open;
        private InputStream in;
        private OutputStream out;

        TunnelSocket(WireTap tap) {
            this.tap = tap;
        }

        InputStream rawIn() throws IOException {
            return super.getInputStream();
        }

        OutputStream rawOut() throws IOException {
            return super.getOutputStream();
        }

        void tunnelled() {
            open = true;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (!open || tap == null) return super.getInputStream();
            if (in == null) in = TappedSockets.tapped(super.getInputStream(), tap);
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (!open || tap == null) return super.getOutputStream();
            if (out == null) out = TappedSockets.tapped(super.getOutputStream(), tap);
            return out;
        }
    }
}
