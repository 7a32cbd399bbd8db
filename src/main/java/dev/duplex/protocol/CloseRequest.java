package dev.duplex.protocol;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A close code and reason a user typed, to send in a close frame (RFC 6455 section 5.5.1). It is not refused
 * when it breaks the rules: the lab lets a user send an invalid close on purpose and watch what the peer
 * does. {@link #problems()} says which rules it breaks, {@link #way()} how it goes out and {@link #hint()} why,
 * in words for the view; {@link #payload()} is what goes on the wire either way.
 *
 * @param code   the close code, or {@link #NO_CODE} for a close frame with an empty payload
 * @param reason the reason text (null counts as empty); ignored on the wire without a code
 */
public record CloseRequest(int code, String reason) {
    /** No code at all: the close frame's payload is empty (the peer then reports 1005). */
    public static final int NO_CODE = -1;
    /** A control frame's payload is at most 125 bytes, 2 of which the code takes. */
    public static final int MAX_REASON_BYTES = 123;

    /** A rule of RFC 6455 that a close frame breaks. The bundle key of each is {@code close.problem.NAME}. */
    public enum Problem {
        /** 1005, 1006 and 1015 are for reporting only (section 7.4.1): they must never be sent. */
        CODE_RESERVED_FOR_REPORTING,
        /** Below 1000, 1004, 1016-2999 and above 4999: not a code an endpoint may send (section 7.4.2). */
        CODE_NOT_ALLOWED,
        /** The reason is longer than 123 bytes in UTF-8, so the frame would be over 125 bytes. */
        REASON_TOO_LONG,
        /** Below 0 or above 65535: two bytes cannot hold it, so no frame can carry it ({@link #encode} refuses). */
        CODE_DOES_NOT_FIT,
        /** A reason without a code: the payload must start with a code if it has anything in it. */
        REASON_WITHOUT_CODE;

        /** The resource-bundle key of this problem's words. */
        public String key() {
            return "close.problem." + name();
        }
    }

    /** How a close goes out. */
    public enum Way {
        /** Through the closing handshake: a code a close frame may carry, with a reason that fits. */
        CLOSING_HANDSHAKE,
        /** In a close frame written as typed, to see what the peer does: a code that may not be sent, a reason
         *  over 123 bytes, or no code at all (an empty close frame). */
        AS_TYPED,
        /** Not at all: no close frame can carry the code (not a number of two bytes). */
        NOT_SENT
    }

    /**
     * How a close goes out and why, in words still to be put in a language: {@code texts.get(key, args...)}.
     * The arguments are the code, the reason's length in UTF-8 bytes, and the 123 bytes a reason may have.
     */
    public record Hint(Way way, String key, List<Object> args) {
        public Hint {
            args = List.copyOf(args);
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** Which problem the hint names when there are several: the one that decides most about the frame. */
    private static final List<Problem> HINT_ORDER = List.of(Problem.CODE_DOES_NOT_FIT,
            Problem.CODE_RESERVED_FOR_REPORTING, Problem.CODE_NOT_ALLOWED, Problem.REASON_TOO_LONG,
            Problem.REASON_WITHOUT_CODE);

    public CloseRequest {
        reason = reason == null ? "" : reason;
    }

    /** How this close goes out: the closing handshake only when it breaks no rule and has a code. */
    public Way way() {
        Set<Problem> problems = problems();
        if (problems.contains(Problem.CODE_DOES_NOT_FIT)) return Way.NOT_SENT;
        return code != NO_CODE && problems.isEmpty() ? Way.CLOSING_HANDSHAKE : Way.AS_TYPED;
    }

    /**
     * How this close goes out and why: {@code close.hint.handshake} for a proper close, {@code
     * close.hint.noCode} for an empty close frame, else the {@link Problem#key() key} of the rule it breaks
     * (the first of {@link #HINT_ORDER} when it breaks several).
     */
    public Hint hint() {
        List<Object> args = List.of(code, reasonBytes(), MAX_REASON_BYTES);
        Set<Problem> problems = problems();
        for (Problem p : HINT_ORDER) {
            if (problems.contains(p)) return new Hint(way(), p.key(), args);
        }
        return new Hint(way(), code == NO_CODE ? "close.hint.noCode" : "close.hint.handshake", args);
    }

    /** Every key {@link #hint()} may name, for the check that both languages have words for each. */
    public static List<String> hintKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of("close.hint.handshake", "close.hint.noCode"));
        for (Problem p : Problem.values()) keys.add(p.key());
        return keys;
    }

    /** A connection's way to close through the closing handshake. */
    @FunctionalInterface
    public interface HandshakeClose {
        void close(int code, String reason);
    }

    /** A connection's way to write a close frame as it is ({@link #NO_CODE} for an empty one). */
    @FunctionalInterface
    public interface CloseAsTyped {
        void close(int code, byte[] reason);
    }

    /**
     * Sends this close the {@link #way()} it goes: through {@code handshake} when it breaks no rule, else
     * through {@code asTyped}, so the client's and the server's labs decide it in one place.
     *
     * @throws IllegalStateException when no close frame can carry the code ({@link Way#NOT_SENT})
     */
    public void sendThrough(HandshakeClose handshake, CloseAsTyped asTyped) {
        switch (way()) {
            case CLOSING_HANDSHAKE -> handshake.close(code, reason);
            case AS_TYPED -> asTyped.close(code, Utf8.bytes(reason));
            case NOT_SENT -> throw new IllegalStateException("no close frame can carry the code " + code);
        }
    }

    /** The reason's length in UTF-8 bytes. */
    public int reasonBytes() {
        return reason.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The rules this close breaks; empty when it may be sent as it is. */
    public Set<Problem> problems() {
        EnumSet<Problem> problems = EnumSet.noneOf(Problem.class);
        if (code == NO_CODE) {
            if (!reason.isEmpty()) problems.add(Problem.REASON_WITHOUT_CODE);
            return problems;
        }
        if (code < 0 || code > 0xFFFF) {
            problems.add(Problem.CODE_DOES_NOT_FIT);
        } else if (!CloseCodes.sendable(code)) {
            problems.add(code == CloseCodes.NO_STATUS || code == CloseCodes.ABNORMAL || code == CloseCodes.TLS
                    ? Problem.CODE_RESERVED_FOR_REPORTING : Problem.CODE_NOT_ALLOWED);
        }
        if (reasonBytes() > MAX_REASON_BYTES) problems.add(Problem.REASON_TOO_LONG);
        return problems;
    }

    public boolean valid() {
        return problems().isEmpty();
    }

    /** The close frame's payload: see {@link #encode(int, String)} (which refuses CODE_DOES_NOT_FIT). */
    public byte[] payload() {
        return encode(code, reason);
    }

    /**
     * The raw payload of a close frame: the code as 2 bytes big-endian, then the reason in UTF-8; for
     * {@link #NO_CODE}, nothing at all (the reason is dropped, since it cannot go without a code). Codes
     * that may not be sent are encoded all the same, and a reason over 123 bytes is kept whole: the lab sends
     * what the user asked for.
     *
     * @throws IllegalArgumentException for a code below 0 (other than {@link #NO_CODE}) or above 65535
     */
    public static byte[] encode(int code, String reason) {
        return encodeRaw(code, (reason == null ? "" : reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The same, with the reason's bytes as given (not UTF-8, say: the lab sends what it is asked to). */
    public static byte[] encodeRaw(int code, byte[] reason) {
        if (code == NO_CODE) return new byte[0];
        if (code < 0 || code > 0xFFFF) throw new IllegalArgumentException("a close code is 2 bytes: " + code);
        byte[] out = new byte[2 + reason.length];
        out[0] = (byte) (code >> 8);
        out[1] = (byte) code;
        System.arraycopy(reason, 0, out, 2, reason.length);
        return out;
    }
}
