package dev.duplex.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import dev.duplex.net.outbound.OutboundSockets;

/**
 * A case's TCP connection: straight to the server, or through the proxy's tunnel (HTTP CONNECT or SOCKS5) as
 * {@code connect}'s client opens it, by the same {@link OutboundSockets}. TLS, on wss://, is started by
 * {@link Wire} on top of either, so that the checker's frames go unchanged through the tunnel.
 */
final class Tunnels {
    private Tunnels() { }

    /** A connected socket to the target, or through its proxy to it, within {@code timeoutMs}. */
    static Socket connect(Wire.Target target, int timeoutMs) throws IOException {
        if (target.route() != null && target.route().tunnelled()) {
            // No tap (the transcript keeps the frames) and no TLS here: Wire layers it as on a direct socket.
            return new OutboundSockets(target.url(), target.route(), null, null, timeoutMs).createSocket();
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(target.host(), target.port()), timeoutMs);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
