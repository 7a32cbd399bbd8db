package dev.duplex.net;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * The embedded echo server. One instance can be started and stopped any number of times; each start
 * makes a new Java-WebSocket server, since the library's servers are single use.
 *
 * <p>{@link #start} and {@link #stop} block (briefly and boundedly): call them off the UI thread.
 * Events go to the listener on the library's threads.
 */
public final class EchoServer {
    /** How long {@link #stop} waits for the library's selector thread before giving up on it. */
    private static final int STOP_TIMEOUT_MS = 2_000;
    private static final long START_TIMEOUT_MS = 5_000;

    private final WsListener listener;
    private Engine engine;

    public EchoServer(WsListener listener) {
        this.listener = listener;
    }

    /**
     * Binds and starts listening; returns the address actually bound (so port 0 gives the real port).
     * The port is bound here, synchronously, so that "port in use" is an answer and not a log line.
     */
    public synchronized InetSocketAddress start(ServerConfig config) throws ServerStartException {
        if (engine != null) stop();
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(stripBrackets(config.bindAddress()));
        } catch (UnknownHostException e) {
            throw new ServerStartException(new Problem(Problem.Kind.BAD_BIND_ADDRESS, config.bindAddress()), e);
        }
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open();
            try {
                // Lets a restart bind the same port at once, while old connections sit in TIME_WAIT.
                channel.socket().setReuseAddress(true);
                channel.bind(new InetSocketAddress(bindAddress, config.port()), 128);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (BindException e) {
            String msg = String.valueOf(e.getMessage());
            Problem.Kind kind = msg.contains("in use") ? Problem.Kind.PORT_IN_USE : Problem.Kind.BAD_BIND_ADDRESS;
            String detail = kind == Problem.Kind.PORT_IN_USE
                    ? config.bindAddress() + ":" + config.port() : config.bindAddress();
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
        Engine next = new Engine(channel, config, urlOf(bound, config));
        next.setDaemon(true);
        next.setReuseAddr(true);
        next.start();
        try {
            if (!next.started.await(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || next.startFailure != null) {
                stopEngine(next);
                Exception cause = next.startFailure;
                throw new ServerStartException(cause == null
                        ? new Problem(Problem.Kind.OTHER, "the server did not start in time")
                        : Problems.of(cause), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopEngine(next);
            throw new ServerStartException(new Problem(Problem.Kind.OTHER, "interrupted"), e);
        }
        engine = next;
        listener.on(new WsEvent.Listening(Instant.now(), next.url, config.allInterfaces()));
        return bound;
    }

    /** Closes every client with 1001 (going away) and stops listening. Bounded; safe to call twice. */
    public synchronized void stop() {
        Engine current = engine;
        engine = null;
        if (current != null) {
            stopEngine(current);
            listener.on(new WsEvent.Stopped(Instant.now()));
        }
    }

    public synchronized boolean isRunning() {
        return engine != null;
    }

    /** The URL clients reach the server at, or null when stopped. */
    public synchronized URI url() {
        return engine == null ? null : engine.url;
    }

    public int clientCount() {
        Engine current;
        synchronized (this) {
            current = engine;
        }
        return current == null ? 0 : current.clients.get();
    }

    private static void stopEngine(Engine e) {
        try {
            e.stop(STOP_TIMEOUT_MS, "server stopping");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static URI urlOf(InetSocketAddress bound, ServerConfig config) {
        InetAddress a = bound.getAddress();
        String host;
        if (a.isAnyLocalAddress()) {
            // A dual-stack channel reports 0.0.0.0 as [::]: go by what the user asked for.
            host = config.bindAddress().contains(":") ? "[::1]" : "127.0.0.1";
        } else if (a instanceof Inet6Address) {
            host = "[" + a.getHostAddress().replaceAll("%.*$", "") + "]";
        } else {
            host = a.getHostAddress();
        }
        String path = config.path().isEmpty() ? "/" : config.path();
        return URI.create("ws://" + host + ":" + bound.getPort() + path);
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

    /** What the server remembers of each client, kept as the connection's attachment. */
    private record Peer(String address, String path, String origin) { }

    /** One run of the library's server. */
    private final class Engine extends WebSocketServer {
        final ServerConfig config;
        final URI url;
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger clients = new AtomicInteger();
        volatile Exception startFailure;

        Engine(ServerSocketChannel channel, ServerConfig config, URI url) {
            super(channel);
            this.config = config;
            this.url = url;
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            String path = pathOf(request.getResourceDescriptor());
            if (!config.path().isEmpty() && !config.path().equals(path)) {
                listener.on(new WsEvent.Failed(Instant.now(), addressOf(conn),
                        new Problem(Problem.Kind.WRONG_PATH, path)));
                // The library answers a rejected handshake with HTTP 404.
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "path not served: " + path);
            }
            return response;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String origin = handshake.hasFieldValue("Origin") ? handshake.getFieldValue("Origin") : "";
            Peer peer = new Peer(addressOf(conn), pathOf(handshake.getResourceDescriptor()), origin);
            conn.setAttachment(peer);
            int n = clients.incrementAndGet();
            listener.on(new WsEvent.ClientJoined(Instant.now(), peer.address(), peer.path(), origin, n));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            String peer = peerOf(conn);
            listener.on(new WsEvent.Received(Instant.now(), peer, Payload.text(message)));
            String reply = config.reply().reply(message);
            if (conn.isOpen()) {
                conn.send(reply);
                listener.on(new WsEvent.Sent(Instant.now(), peer, Payload.text(reply)));
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            String peer = peerOf(conn);
            byte[] data = new byte[message.remaining()];
            message.get(data);
            Payload payload = Payload.binary(data);
            listener.on(new WsEvent.Received(Instant.now(), peer, payload));
            if (conn.isOpen()) {
                conn.send(data);
                listener.on(new WsEvent.Sent(Instant.now(), peer, payload));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            int n = clients.decrementAndGet();
            listener.on(new WsEvent.ClientLeft(Instant.now(), peerOf(conn), code, reason == null ? "" : reason,
                    remote, n));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && started.getCount() > 0) {
                startFailure = ex;
                started.countDown();
                return;
            }
            listener.on(new WsEvent.Failed(Instant.now(), conn == null ? "" : peerOf(conn), Problems.of(ex)));
        }

        private String peerOf(WebSocket conn) {
            Object attachment = conn.getAttachment();
            return attachment instanceof Peer p ? p.address() : addressOf(conn);
        }
    }

    static String addressOf(WebSocket conn) {
        InetSocketAddress remote = conn.getRemoteSocketAddress();
        if (remote == null) return "?";
        InetAddress a = remote.getAddress();
        String host = a == null ? remote.getHostString()
                : a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + remote.getPort();
    }

    static String pathOf(String resourceDescriptor) {
        if (resourceDescriptor == null || resourceDescriptor.isEmpty()) return "/";
        int q = resourceDescriptor.indexOf('?');
        return q >= 0 ? resourceDescriptor.substring(0, q) : resourceDescriptor;
    }
}
