package dev.duplex.net.server;

import dev.duplex.protocol.HttpToken;

import dev.duplex.net.WsEvent;
import dev.duplex.protocol.CloseCodes;

import java.util.List;

/**
 * How the embedded server misbehaves on purpose, to see how a client copes. Every switch is off in
 * {@link #NORMAL}. The server takes a new behaviour while it runs ({@link LabServer#setBehaviour}): it
 * applies from the next handshake, message or ping on, and each switch says so in the server's log when
 * it acts ({@link WsEvent.Behaved}).
 *
 * @param refusal     answer every upgrade with this HTTP status, headers and body instead of 101; null accepts
 * @param subprotocol what to answer in Sec-WebSocket-Protocol: "" none (withheld, even when offered),
 *                    {@link #FIRST_OFFERED} the client's first offer, or a name, answered whether or not the
 *                    client offered it (a client must fail the connection when it did not: RFC 6455 4.1)
 * @param delayMs     wait this long before each reply; replies keep their order
 * @param dropEvery   do not answer every Nth message of a connection (0: answer all)
 * @param closeAfter  close a connection once it has sent this many messages, after answering the last (0: never)
 * @param closeCode   the code of that close
 * @param closeReason its reason
 * @param answerPings answer pings with pongs (RFC 6455 requires it; off to test a client's timeout)
 */
public record ServerBehaviour(ServerConfig.Refusal refusal, String subprotocol, int delayMs, int dropEvery,
        int closeAfter, int closeCode, String closeReason, boolean answerPings) {

    public static final String FIRST_OFFERED = "*";
    public static final ServerBehaviour NORMAL = new ServerBehaviour(null, "", 0, 0, 0, CloseCodes.NORMAL, "", true);
    /** Ten minutes: longer is a hang, not a delay. */
    public static final int MAX_DELAY_MS = 600_000;

    /** What a switch did, for the server's log. */
    public enum Act {
        /** An upgrade answered with the refusal; number: the HTTP status. */
        REFUSED,
        /** A subprotocol answered; detail: its name. */
        SUBPROTOCOL,
        /** A reply held back; number: the delay in ms. */
        DELAYED,
        /** A reply left out; number: which message of the connection it answered. */
        DROPPED,
        /** A connection closed after its Nth message; number: N; detail: code and reason. */
        CLOSED_AFTER,
        /** The server's own ping of a client, sent every ping interval; number: the interval in seconds. */
        PINGED
    }

    public ServerBehaviour {
        subprotocol = subprotocol == null ? "" : subprotocol.strip();
        if (!subprotocol.isEmpty() && !subprotocol.equals(FIRST_OFFERED) && !HttpToken.is(subprotocol)) {
            throw new IllegalArgumentException("subprotocol " + subprotocol);
        }
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) throw new IllegalArgumentException("delay " + delayMs);
        if (dropEvery < 0) throw new IllegalArgumentException("drop every " + dropEvery);
        if (closeAfter < 0) throw new IllegalArgumentException("close after " + closeAfter);
        if (!CloseCodes.sendable(closeCode)) throw new IllegalArgumentException("close code " + closeCode);
        closeReason = closeReason == null ? "" : closeReason;
        if (closeReason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("close reason longer than 123 bytes");
        }
    }

    public ServerBehaviour withRefusal(ServerConfig.Refusal r) {
        return new ServerBehaviour(r, subprotocol, delayMs, dropEvery, closeAfter, closeCode, closeReason, answerPings);
    }

    public ServerBehaviour withSubprotocol(String name) {
        return new ServerBehaviour(refusal, name, delayMs, dropEvery, closeAfter, closeCode, closeReason, answerPings);
    }

    public ServerBehaviour withDelay(int ms) {
        return new ServerBehaviour(refusal, subprotocol, ms, dropEvery, closeAfter, closeCode, closeReason, answerPings);
    }

    public ServerBehaviour withDropEvery(int n) {
        return new ServerBehaviour(refusal, subprotocol, delayMs, n, closeAfter, closeCode, closeReason, answerPings);
    }

    public ServerBehaviour withCloseAfter(int n, int code, String reason) {
        return new ServerBehaviour(refusal, subprotocol, delayMs, dropEvery, n, code, reason, answerPings);
    }

    public ServerBehaviour withAnswerPings(boolean on) {
        return new ServerBehaviour(refusal, subprotocol, delayMs, dropEvery, closeAfter, closeCode, closeReason, on);
    }

    /** The subprotocol to answer a client that offered {@code offered}, or "" for none. */
    public String answerTo(List<String> offered) {
        if (subprotocol.equals(FIRST_OFFERED)) return offered.isEmpty() ? "" : offered.get(0);
        return subprotocol;
    }
}
