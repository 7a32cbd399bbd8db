package dev.duplex.net.proxy;

import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.net.server.BoundPort;
import dev.duplex.net.server.ServerStartException;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;

/**
 * Duplex in the middle: a WebSocket proxy. A client connects to it as to any server; for each, it opens a
 * connection of its own to the upstream URL (the client's path and query added), answers the client as
 * the upstream answered, and passes everything between the two, through the rewrite and drop rules,
 * reporting both legs (handshakes, frames, messages, closes) to one {@link ProxyListener}, per client
 * pair. What each pair does is {@link Pair}'s; how the client's upgrade waits for the upstream without a
 * thread waiting is {@link HeldRequestChannel}'s.
 *
 * <p>{@link #start} and {@link #stop} block briefly and boundedly: call them off a UI thread.
 */
public final class ProxyServer {
    private static final int STOP_TIMEOUT_MS = 2_000;
    private static final long START_TIMEOUT_MS = 5_000;

    private final ProxyListener listener;
    private ProxyEngine engine;

    public ProxyServer(ProxyListener listener) {
        this.listener = listener;
    }

    /** Binds and starts listening; returns the address bound (port 0 gives the real port). */
    public synchronized InetSocketAddress start(ProxyConfig config) throws ServerStartException {
        if (engine != null) stop();
        BoundPort port = BoundPort.bind(config.bindAddress(), config.port(), "ws", "");
        ProxyEngine next = new ProxyEngine(port.channel(), config, port.url(), listener);
        next.start();
        try {
            if (!next.awaitStarted(START_TIMEOUT_MS)) {
                stopEngine(next);
                Exception cause = next.startFailure();
                throw new ServerStartException(cause == null
                        ? new Problem(Problem.Kind.OTHER, "the proxy did not start in time") : Problems.of(cause), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopEngine(next);
            throw new ServerStartException(new Problem(Problem.Kind.OTHER, "interrupted"), e);
        }
        engine = next;
        listener.on(new ProxyEvent.Listening(Instant.now(), next.url, config.upstream(), config.allInterfaces()));
        return port.address();
    }

    /** Closes every client with 1001 (their upstream legs follow) and stops listening. Safe to call twice. */
    public synchronized void stop() {
        ProxyEngine current = engine;
        engine = null;
        if (current != null) {
            stopEngine(current);
            listener.on(new ProxyEvent.Stopped(Instant.now()));
        }
    }

    public synchronized boolean isRunning() {
        return engine != null;
    }

    /** Where clients reach the proxy, or null when stopped. */
    public synchronized URI url() {
        return engine == null ? null : engine.url;
    }

    /** How many clients have both legs open now. */
    public synchronized int openPairs() {
        return engine == null ? 0 : engine.openPairs();
    }

    private static void stopEngine(ProxyEngine e) {
        try {
            e.stop(STOP_TIMEOUT_MS, "proxy stopping");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
