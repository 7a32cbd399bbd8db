package dev.duplex.net.server;

import dev.duplex.net.Problem;
import dev.duplex.net.Problems;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;

/**
 * The server's listening socket, bound before the library's server starts, so that "port in use" is an
 * answer to start and not a line in a log; and the URL clients reach it at.
 *
 * @param address the address actually bound (port 0 gives the real port)
 */
public record BoundPort(ServerSocketChannel channel, InetSocketAddress address, URI url) {
    private static final int BACKLOG = 128;

    /** Binds as the configuration says. */
    static BoundPort bind(ServerConfig config) throws ServerStartException {
        return bind(config.bindAddress(), config.port(), config.tls() == null ? "ws" : "wss", config.path());
    }

    /**
     * Binds {@code bindAddress:port} for any server of Duplex's (the proxy's too); the URL it gives is
     * {@code scheme://host:port} + {@code path} ("/" when empty).
     */
    public static BoundPort bind(String bindAddress, int port, String scheme, String path) throws ServerStartException {
        InetAddress address;
        try {
            address = InetAddress.getByName(stripBrackets(bindAddress));
        } catch (UnknownHostException e) {
            throw new ServerStartException(new Problem(Problem.Kind.BAD_BIND_ADDRESS, bindAddress), e);
        }
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open();
            try {
                // Lets a restart bind the same port at once, while old connections sit in TIME_WAIT.
                channel.socket().setReuseAddress(true);
                channel.bind(new InetSocketAddress(address, port), BACKLOG);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (BindException e) {
            String msg = String.valueOf(e.getMessage());
            Problem.Kind kind = msg.contains("in use") ? Problem.Kind.PORT_IN_USE : Problem.Kind.BAD_BIND_ADDRESS;
            String detail = kind == Problem.Kind.PORT_IN_USE ? bindAddress + ":" + port : bindAddress;
            throw new ServerStartException(new Problem(kind, detail), e);
        } catch (IOException e) {
            throw new ServerStartException(Problems.of(e), e);
        }

        InetSocketAddress bound;
        try {
            bound = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ServerStartException(Problems.of(e), e);
        }
        return new BoundPort(channel, bound, urlOf(bound, bindAddress, scheme, path));
    }

    private static URI urlOf(InetSocketAddress bound, String bindAddress, String scheme, String path) {
        InetAddress a = bound.getAddress();
        String host;
        if (a.isAnyLocalAddress()) {
            // A dual-stack channel reports 0.0.0.0 as [::]: go by what the user asked for.
            host = bindAddress.contains(":") ? "[::1]" : "127.0.0.1";
        } else if (a instanceof Inet6Address) {
            host = "[" + a.getHostAddress().replaceAll("%.*$", "") + "]";
        } else {
            host = a.getHostAddress();
        }
        return URI.create(scheme + "://" + host + ":" + bound.getPort() + (path.isEmpty() ? "/" : path));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do for a channel we failed to set up
        }
    }
}
