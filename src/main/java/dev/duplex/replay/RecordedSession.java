package dev.duplex.replay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.Messages;
import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.protocol.HttpToken;

/**
 * A saved conversation as a replay sees it: the client's messages in their order, each with the gap before
 * it and the server's messages that followed it, and what the client's handshake asked for.
 *
 * <p>The pairing rule: a server message belongs to the last client message sent before it (the step it
 * follows); server messages before the first client message are the greeting. A replay assigns its replies
 * by the same rule, and compares each group in order: the recorded group's first message with the first
 * reply of that group, and so on.
 *
 * @param url       where the recording connected
 * @param handshake what the recorded client asked for in its upgrade
 * @param greeting  the server's messages before the first client message
 * @param steps     the client's messages, at least one
 */
public record RecordedSession(URI url, RecordedHandshake handshake, List<Payload> greeting, List<Step> steps) {

    public RecordedSession {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(handshake, "handshake");
        greeting = List.copyOf(greeting);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a session to replay needs a client message");
    }

    /**
     * One client message to send again.
     *
     * @param number  1 for the first client message
     * @param message what the client sent
     * @param gap     the time from the previous client message (for the first: from the handshake) in the
     *                recording; zero when the recording does not say
     * @param replies the server's messages that followed it, before the next client message
     */
    public record Step(int number, Payload message, Duration gap, List<Payload> replies) {
        public Step {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(gap, "gap");
            replies = List.copyOf(replies);
        }
    }

    /**
     * What the recorded client put in its upgrade request that a replay keeps: the Origin, the subprotocols
     * offered and whether permessage-deflate was offered. Other headers (cookies, authorization) are not kept:
     * they are often stale, and {@code --header} adds any that are needed.
     *
     * @param captured     whether the recording has the request at all (a wss:// capture may not)
     * @param origin       the Origin sent, or null when the request had none
     * @param subprotocols the subprotocols offered, in order, those that are HTTP tokens
     * @param deflate      whether permessage-deflate was offered
     */
    public record RecordedHandshake(boolean captured, String origin, List<String> subprotocols, boolean deflate) {
        public RecordedHandshake {
            subprotocols = List.copyOf(subprotocols);
        }

        static RecordedHandshake of(Conversation.Handshake handshake) {
            if (handshake == null || handshake.record().request().isEmpty()) {
                return new RecordedHandshake(false, null, List.of(), false);
            }
            HandshakeRecord r = handshake.record();
            String origin = r.requestHeaders().stream().filter(h -> h.name().equalsIgnoreCase("Origin"))
                    .map(HandshakeRecord.Header::value).findFirst().orElse(null);
            // A header value is one line; a HAR could hold anything, and the options layer would refuse it.
            if (origin != null && origin.chars().anyMatch(Character::isISOControl)) origin = null;
            List<String> offered = new ArrayList<>();
            for (HandshakeRecord.Header h : r.requestHeaders()) {
                if (!h.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) continue;
                for (String name : h.value().split(",")) {
                    if (HttpToken.is(name.strip()) && !offered.contains(name.strip())) offered.add(name.strip());
                }
            }
            boolean deflate = r.requestHeaders().stream()
                    .filter(h -> h.name().equalsIgnoreCase("Sec-WebSocket-Extensions"))
                    .anyMatch(h -> h.value().toLowerCase(Locale.ROOT).contains("permessage-deflate"));
            return new RecordedHandshake(true, origin, offered, deflate);
        }
    }

    /** Why a conversation cannot be replayed: the client sent no message in it. */
    public static final class NothingToReplay extends Exception {
        private static final long serialVersionUID = 1L;

        NothingToReplay(URI url) {
            super("the client sent no message to " + url);
        }
    }

    /**
     * The session in a conversation. Messages are as a browser reports them (fragments joined, compressed
     * ones inflated, control frames left out: see {@link Messages}).
     *
     * @throws NothingToReplay when the client sent no text or binary message
     */
    public static RecordedSession of(Conversation conversation) throws NothingToReplay {
        List<Payload> greeting = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Payload> replies = greeting;
        Payload pending = null;
        Duration pendingGap = null;
        Instant previous = conversation.handshake() == null ? null : conversation.handshake().at();
        for (Messages.Message m : Messages.of(conversation)) {
            Payload payload = payload(m);
            if (m.inbound()) {
                replies.add(payload);
                continue;
            }
            if (pending != null) steps.add(new Step(steps.size() + 1, pending, pendingGap, replies));
            pendingGap = gap(previous, m.at());
            previous = m.at();
            pending = payload;
            replies = new ArrayList<>();
        }
        if (pending == null) throw new NothingToReplay(conversation.url());
        steps.add(new Step(steps.size() + 1, pending, pendingGap, replies));
        return new RecordedSession(conversation.url(), RecordedHandshake.of(conversation.handshake()), greeting, steps);
    }

    /** How many server messages the recording holds, the greeting's included. */
    public int recordedReplies() {
        return greeting.size() + steps.stream().mapToInt(s -> s.replies().size()).sum();
    }

    /**
     * The time between two moments of the recording; zero when one is unknown or they run backwards (the
     * handshake's time in a HAR is when the request started, which a message may precede by clock skew).
     */
    private static Duration gap(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) return Duration.ZERO;
        return Duration.between(from, to);
    }

    /**
     * Binary stays bytes; any other opcode is text, as a HAR may carry one (its data is text then). Text that
     * is not UTF-8 (a peer's error a capture kept) is sent with U+FFFD where the bad bytes were, as a
     * WebSocket text message can carry nothing else.
     */
    private static Payload payload(Messages.Message m) {
        return m.opcode() == FrameInfo.BINARY ? Payload.binary(m.data())
                : Payload.text(new String(m.data(), StandardCharsets.UTF_8));
    }
}
