package dev.duplex.net.proxy;

import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;

import java.net.URI;
import java.time.Instant;

/**
 * Everything the proxy reports. Each client gets a pair of connections, numbered from 1 in the order the
 * clients came ({@link #pair()}; 0 for the proxy itself), so a view can keep one conversation per client:
 * its two handshakes and the frames of both legs ({@link Wire}), the messages as they were passed on
 * (or rewritten, or dropped), the control frames, and how it closed.
 */
public sealed interface ProxyEvent {

    /** When it happened, taken on the socket thread. */
    Instant at();

    /** The client's pair of connections this is about; 0 for the proxy as a whole. */
    int pair();

    /** The proxy listens at {@code url} and passes every client on to {@code upstream}. */
    record Listening(Instant at, URI url, URI upstream, boolean allInterfaces) implements ProxyEvent {
        @Override
        public int pair() {
            return 0;
        }
    }

    /** The proxy stopped: its clients were closed with 1001, and their upstream connections with them. */
    record Stopped(Instant at) implements ProxyEvent {
        @Override
        public int pair() {
            return 0;
        }
    }

    /** A client's upgrade request came in for {@code target} (its path and query); Duplex connects to {@code upstream}. */
    record Arrived(Instant at, int pair, String client, String target, URI upstream) implements ProxyEvent { }

    /**
     * Both legs are open: the upstream took the upgrade, and the client got 101 with the subprotocol the
     * upstream answered ({@code ""} none). {@code pairs} is how many pairs are open now.
     */
    record Opened(Instant at, int pair, String client, URI upstream, String subprotocol, int pairs)
            implements ProxyEvent { }

    /**
     * The upstream did not take the connection (an HTTP refusal, TLS, nothing listening, no answer), so the
     * client's upgrade was refused with {@code status} (502, or 504 when the upstream did not answer in time).
     */
    record Refused(Instant at, int pair, String client, URI upstream, Problem problem, int status)
            implements ProxyEvent { }

    /**
     * What became of a message on its way through: passed on as it came, rewritten or dropped by a rule,
     * held back by a delay rule, edited or dropped by a person while it was held, or injected by a person.
     */
    enum Fate { RELAYED, REWRITTEN, DROPPED, DELAYED, EDITED, DISCARDED, INJECTED }

    /**
     * A message matched the interception filter and waits for a person's decision ({@link
     * ProxyServer#forward}, {@link ProxyServer#drop}); the ones behind it going the same way wait too.
     *
     * @param id what names it in that decision
     */
    record Held(Instant at, int pair, long id, Direction direction, Payload payload) implements ProxyEvent { }

    /**
     * One whole message on its way through (a fragmented one is passed on whole, as one frame).
     *
     * @param payload  what went on (for a drop: what was dropped)
     * @param original what came in, when a rewrite or an edit changed it; else the same as {@code payload}
     * @param rule     the rules that rewrote, delayed or dropped it, as typed; "" when relayed as it came
     */
    record Message(Instant at, int pair, Direction direction, Fate fate, Payload payload, Payload original,
            String rule) implements ProxyEvent { }

    /** A ping or a pong, and whether it was passed on or answered (or, a pong, kept) by Duplex itself. */
    record Control(Instant at, int pair, Direction direction, boolean ping, Payload payload, boolean relayed)
            implements ProxyEvent { }

    /**
     * The pair closed: {@code first} is the leg whose close started it, with the code and reason seen on it
     * (1006 when that side dropped the connection without a close frame), and what was passed to the other
     * side in its place.
     */
    record Closed(Instant at, int pair, Leg first, int code, String reason, int passedCode, String passedReason,
            int pairs) implements ProxyEvent { }

    /** Something went wrong on one leg of an open pair, with the real cause. */
    record Failed(Instant at, int pair, Leg leg, Problem problem) implements ProxyEvent { }

    /**
     * What one leg's wire tap saw: a {@link WsEvent.Handshake} (both sides of that leg's upgrade) or a
     * {@link WsEvent.Frame}. The frame's direction through the proxy is {@link Leg#direction}.
     */
    record Wire(Instant at, int pair, Leg leg, WsEvent event) implements ProxyEvent { }
}
