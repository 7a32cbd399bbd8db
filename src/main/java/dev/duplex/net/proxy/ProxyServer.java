package dev.duplex.net.proxy;

import dev.duplex.net.Payload;
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
    /** Kept across runs: a filter set before Start holds from the first message. */
    private InterceptFilter filter = InterceptFilter.NONE;

    public ProxyServer(ProxyListener listener) {
        this.listener = listener;
    }

    /** Binds and starts listening; returns the address bound (port 0 gives the real port). */
    public synchronized InetSocketAddress start(ProxyConfig config) throws ServerStartException {
        if (engine != null) stop();
        BoundPort port = BoundPort.bind(config.bindAddress(), config.port(), config.tls() == null ? "ws" : "wss", "");
        ProxyEngine next = new ProxyEngine(port.channel(), config, port.url(), listener);
        next.interception.filter(filter);
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

    // ---- a person's hand: holding, editing, injecting, closing ----

    /** Which messages wait for a decision from now on; {@link InterceptFilter#NONE} none. Those held stay held. */
    public synchronized void intercept(InterceptFilter filter) {
        this.filter = filter == null ? InterceptFilter.NONE : filter;
        if (engine != null) engine.interception.filter(this.filter);
    }

    /** Sends a held message on, as it was or edited; false when it is no longer held (gone, or decided). */
    public boolean forward(long heldId, Payload payload) {
        for (Pair p : pairsNow()) if (p.forward(heldId, payload)) return true;
        return false;
    }

    /** Drops a held message: it is not sent, and the ones behind it go on. */
    public boolean drop(long heldId) {
        for (Pair p : pairsNow()) if (p.drop(heldId)) return true;
        return false;
    }

    /** Sends every held message on, as it is. */
    public void releaseAll() {
        for (Pair p : pairsNow()) p.releaseAll();
    }

    /** Sends a message of a person's own toward the server (UP) or the client (DOWN) of a pair, at once. */
    public boolean inject(int pair, Direction toward, Payload payload) {
        Pair p = pairNow(pair);
        return p != null && p.inject(toward, payload);
    }

    /** Closes one leg of a pair with a person's code and reason; the other follows as when that side closes. */
    public boolean closeLeg(int pair, Leg leg, int code, String reason) {
        Pair p = pairNow(pair);
        return p != null && p.closeLeg(leg, code, reason == null ? "" : reason);
    }

    private synchronized java.util.Collection<Pair> pairsNow() {
        return engine == null ? java.util.List.of() : java.util.List.copyOf(engine.pairs());
    }

    private synchronized Pair pairNow(int id) {
        return engine == null ? null : engine.pair(id);
    }

    private static void stopEngine(ProxyEngine e) {
        try {
            e.stop(STOP_TIMEOUT_MS, "proxy stopping");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
