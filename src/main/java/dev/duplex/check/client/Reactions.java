package dev.duplex.check.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * How a case judges the client once its frames are sent, by the client's frames alone: it must fail the
 * connection, go on as if nothing happened, answer a close, or (after a broken handshake) not take the
 * connection as open. Every frame the client sends must be masked and carry no reserved bit (RFC 6455
 * 5.1, 5.2: no extension was agreed).
 */
final class Reactions {
    /** The ping sent after a broken frame: a pong to it means the client took the frame and went on. */
    static final String AFTER = "duplex-after";
    /** The ping that ends a valid case: its pong says the client is still there and read everything. */
    static final String STILL = "duplex-still-there";
    /** How long the client is watched after its close, for a second close or data (ms). */
    static final long AFTER_CLOSE_MS = 300;

    /** A message the client may echo: its opcode (text or binary) and bytes. */
    record Message(int opcode, byte[] bytes) {
        static Message text(String s) {
            return new Message(ClientWire.TEXT, Frames.utf8(s));
        }

        static Message binary(byte[] b) {
            return new Message(ClientWire.BINARY, b);
        }
    }

    /** A frame the client must not send: the reason is the case's FAIL. */
    static final class Broken extends IOException {
        Broken(String why) {
            super(why);
        }
    }

    private Reactions() { }

    /** The client's next frame, refused when unmasked or with reserved bits. */
    static ClientWire.Frame next(ClientWire w, long until) throws IOException {
        ClientWire.Frame f = w.next(until);
        if (!f.masked()) throw new Broken("it sent an unmasked " + Frames.opcodeName(f.opcode()) + " frame (RFC 6455 5.1: a client masks every frame)");
        if (f.rsv() != 0) throw new Broken("it sent reserved bits " + f.rsv() + " that no extension agreed (5.2)");
        return f;
    }

    /**
     * After something the client must refuse: a close with {@code expected} (or a dropped TCP connection) is
     * PASS; a close with another valid code NON-STRICT; a pong to a following ping, an echo, or silence FAIL.
     */
    static Outcome mustFail(ClientWire w, int expected, boolean pingAfter) throws IOException {
        return mustFail(w, expected, pingAfter, List.of());
    }

    /** As {@link #mustFail(ClientWire, int, boolean)}, after valid messages that the client may echo first. */
    static Outcome mustFail(ClientWire w, int expected, boolean pingAfter, List<Message> validBefore) throws IOException {
        Echoes echoed = new Echoes(validBefore);
        try {
            if (pingAfter) w.ping(AFTER);
        } catch (ClientWire.Ended e) {
            return Outcome.pass("failed the connection: " + e.getMessage());
        }
        long start = System.currentTimeMillis();
        while (true) {
            ClientWire.Frame f;
            try {
                f = next(w, w.deadline());
            } catch (ClientWire.Ended e) {
                return Outcome.pass("failed the connection: " + e.getMessage() + " without a close frame");
            } catch (ClientWire.Silent e) {
                return Outcome.fail("kept the connection open, silent for " + (System.currentTimeMillis() - start) + " ms",
                        "it must fail the connection (close " + expected + " or drop TCP)");
            }
            switch (f.opcode()) {
                case ClientWire.CLOSE -> {
                    int code = f.closeCode();
                    answerClose(w, f);
                    if (code == expected) return Outcome.pass("closed with " + expected);
                    String seen = code < 0 ? "closed with no code" : "closed with " + code;
                    if (code >= 0 && !CloseCodes.validOnTheWire(code)) {
                        return Outcome.fail(seen, code + " is not a code an endpoint may send (7.4.1)");
                    }
                    return Outcome.nonStrict(seen, "it failed the connection, but the code for this is " + expected);
                }
                case ClientWire.PONG -> {
                    if (f.text().equals(AFTER)) {
                        return Outcome.fail("answered the next ping", "it took the frame and went on; it must fail the connection");
                    }
                }
                case ClientWire.PING -> { }
                default -> {
                    if (echoed.expects(f) && echoed.take(f) == null) continue;
                    return Outcome.fail("sent a " + Frames.describe(f.fin(), 0, f.opcode(), true, f.payload()),
                            "it took the frame and went on; it must fail the connection");
                }
            }
        }
    }

    /**
     * After valid frames: the client must stay, answer each of {@code pongs} in order and then a final ping;
     * what it echoes (if it echoes) must be {@code echoes}, in order. Then the server closes with 1000.
     *
     * @param lastPongEnough whether pongs to earlier pings may be left out (5.5.3 allows answering only the latest)
     */
    static Outcome mustGoOn(ClientWire w, List<Message> echoes, List<byte[]> pongs, boolean lastPongEnough) throws IOException {
        Deque<byte[]> awaited = new ArrayDeque<>(pongs);
        Echoes echoed = new Echoes(echoes);
        boolean stillSent = false;
        boolean answered = false;
        while (!answered) {
            // The final ping only once the pongs asked for are in: else a client may rightly answer only it (5.5.3).
            if (!stillSent && (awaited.isEmpty() || lastPongEnough)) {
                w.ping(STILL);
                stillSent = true;
            }
            ClientWire.Frame f;
            try {
                f = next(w, w.deadline());
            } catch (ClientWire.Ended e) {
                return Outcome.fail(e.getMessage(), "it dropped a valid connection");
            } catch (ClientWire.Silent e) {
                String ping = stillSent ? "\"" + STILL + "\"" : "\"" + new String(awaited.peek(), java.nio.charset.StandardCharsets.UTF_8) + "\"";
                return Outcome.fail("did not answer the ping " + ping, "a client must answer a ping with a pong (5.5.2)");
            }
            switch (f.opcode()) {
                case ClientWire.CLOSE -> {
                    answerClose(w, f);
                    return Outcome.fail("closed with " + f.closeCode(), "the frames were valid: it must not close");
                }
                case ClientWire.PONG -> {
                    if (stillSent && Arrays.equals(f.payload(), Frames.utf8(STILL))) {
                        answered = true;
                    } else if (!awaited.isEmpty()) {
                        while (lastPongEnough && awaited.size() > 1 && !Arrays.equals(awaited.peek(), f.payload())) awaited.poll();
                        if (!Arrays.equals(awaited.peek(), f.payload())) {
                            return Outcome.fail("a pong of " + Frames.describe(true, 0, 10, true, f.payload()),
                                    "a pong must carry the ping's payload (5.5.3)");
                        }
                        awaited.poll();
                    }
                }
                case ClientWire.PING -> { }
                default -> {
                    String wrong = echoed.take(f);
                    if (wrong != null) return Outcome.fail(wrong, "an echo must be the message as sent");
                }
            }
        }
        if (!awaited.isEmpty() && !lastPongEnough) {
            return Outcome.fail("answered the last ping but not " + awaited.size() + " before it", "every ping needs its pong (5.5.2)");
        }
        // The end of a valid case: the server's close, and the client's answer (not judged here: group 7 does).
        String late = null;
        try {
            w.close(1000, "");
            ClientWire.Frame f;
            while ((f = next(w, Math.min(w.deadline(), System.currentTimeMillis() + 1000))).opcode() != ClientWire.CLOSE) {
                if (f.opcode() <= ClientWire.BINARY && late == null) late = echoed.take(f);
            }
        } catch (ClientWire.Ended | ClientWire.Silent e) {
            // It may close by dropping TCP; the closing cases judge that.
        }
        if (late != null) return Outcome.fail(late, "an echo must be the message as sent");
        String pongsSeen = pongs.isEmpty() ? "" : (pongs.size() - awaited.size()) + " of " + pongs.size() + " pongs, ";
        String observed = "stayed and answered the ping; " + pongsSeen + echoed.summary();
        return awaited.isEmpty() ? Outcome.pass(observed)
                : Outcome.nonStrict(observed, "it answered only the latest of several pings (allowed by 5.5.3)");
    }

    /** After a broken opening handshake: the client must not take the connection as open (4.1). */
    static Outcome mustRefuse(ClientWire w) throws IOException {
        try {
            w.ping(AFTER);
            ClientWire.Frame f = w.next(w.deadline());
            return Outcome.fail("sent a " + Frames.describe(f.fin(), f.rsv(), f.opcode(), f.masked(), f.payload()),
                    "it took the connection as open; it must fail it (4.1)");
        } catch (ClientWire.Ended e) {
            return Outcome.pass("refused: " + e.getMessage());
        } catch (ClientWire.Silent e) {
            return Outcome.pass("refused: sent nothing");
        }
    }

    /**
     * After the server's close: the client must answer with one close, of {@code expected} (-1: no code or
     * 1000), and send nothing after it.
     */
    static Outcome mustAnswerClose(ClientWire w, int expected) throws IOException {
        ClientWire.Frame f;
        try {
            while ((f = next(w, w.deadline())).opcode() != ClientWire.CLOSE) {
                if (f.opcode() <= ClientWire.BINARY) return Outcome.fail("sent data after the server's close", "after a close, no data (5.5.1)");
            }
        } catch (ClientWire.Ended e) {
            return Outcome.fail(e.getMessage() + " without a close", "an endpoint that gets a close must answer with a close (5.5.1)");
        } catch (ClientWire.Silent e) {
            return Outcome.fail("did not answer the close", "an endpoint that gets a close must answer with a close (5.5.1)");
        }
        int code = f.closeCode();
        String seen = code < 0 ? "answered with a close of no code" : "answered with close " + code;
        String more = afterClose(w);
        if (more != null) return Outcome.fail(seen + ", then " + more, "an endpoint closes once and sends nothing after its close (5.5.1)");
        if (code == expected || (expected < 0 && (code < 0 || code == 1000))) return Outcome.pass(seen);
        if (code >= 0 && !CloseCodes.validOnTheWire(code)) return Outcome.fail(seen, code + " may not be sent (7.4.1)");
        return Outcome.nonStrict(seen, "the echo of the server's code (" + expected + ") is typical (5.5.1)");
    }

    /** What the client sends in a short while after its close: null for nothing, else what it was. */
    private static String afterClose(ClientWire w) throws IOException {
        long until = Math.min(w.deadline(), System.currentTimeMillis() + AFTER_CLOSE_MS);
        try {
            ClientWire.Frame f;
            while ((f = w.poll(until)) != null) {
                if (f.opcode() == ClientWire.CLOSE) return "a second close";
                if (f.opcode() <= ClientWire.BINARY) return "a data frame";
            }
        } catch (ClientWire.Ended e) {
            // It closed TCP after its close: what a client may do.
        }
        return null;
    }

    /** The server's side of the closing handshake, after the client's close: its echo, then TCP is closed. */
    private static void answerClose(ClientWire w, ClientWire.Frame clientClose) {
        try {
            int code = clientClose.closeCode();
            w.close(code >= 0 && CloseCodes.validOnTheWire(code) ? code : 1000, "");
        } catch (IOException e) {
            // It may have dropped TCP right after its close.
        }
    }

    /** The client's echoes, fragments joined, held against what was sent. */
    private static final class Echoes {
        private final List<Message> expected;
        private int matched;
        private int opcode = -1;
        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

        Echoes(List<Message> expected) {
            this.expected = expected;
        }

        /** Takes a data frame; returns what is wrong with it, or null. */
        String take(ClientWire.Frame f) {
            if (f.opcode() != ClientWire.CONT) opcode = f.opcode();
            parts.write(f.payload(), 0, f.payload().length);
            if (!f.fin()) return null;
            byte[] whole = parts.toByteArray();
            parts.reset();
            if (matched >= expected.size()) return "sent a message it was not sent: " + Frames.describe(true, 0, opcode, true, whole);
            Message m = expected.get(matched);
            if (m.opcode() != opcode || !Arrays.equals(m.bytes(), whole)) {
                return "echoed " + Frames.describe(true, 0, opcode, true, whole) + ", not " + Frames.describe(true, 0, m.opcode(), false, m.bytes());
            }
            matched++;
            return null;
        }

        /** Whether an echo of a valid message is still awaited (a frame past them is wrong at once). */
        boolean expects(ClientWire.Frame f) {
            return matched < expected.size();
        }

        String summary() {
            if (expected.isEmpty()) return "nothing to echo";
            return matched == 0 ? "no echo" : "echoed " + matched + " of " + expected.size() + " messages as sent";
        }
    }
}
