package dev.duplex.net.wire;

import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * A socket factory for Java-WebSocket's client, which asks only for an unconnected socket ({@link
 * #createSocket()}) and connects it itself; the connecting forms are refused, so that a library change that
 * used them would say so at once instead of going around the tap or the proxy.
 */
public abstract class SelfConnectingSocketFactory extends SocketFactory {
    private static UnsupportedOperationException connectsItself() {
        return new UnsupportedOperationException("the client connects the socket itself: only createSocket() is used");
    }

    @Override
    public final Socket createSocket(String host, int port) {
        throw connectsItself();
    }

    @Override
    public final Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw connectsItself();
    }

    @Override
    public final Socket createSocket(InetAddress host, int port) {
        throw connectsItself();
    }

    @Override
    public final Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw connectsItself();
    }
}
