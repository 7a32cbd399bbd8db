package dev.duplex.protocol;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import dev.duplex.protocol.CloseCodes;

/**
 * A close code and reason a user typed, to send in a close frame (RFC 6455 section 5.5.1). It is not refused
 * when it breaks the rules: the lab lets a user send an invalid close on purpose and watch what the peer
 * does. {@link #problems()} says which rules it breaks, so the view can warn; {@link #payload()} is what
 * goes on the wire either way.
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

    public CloseRequest {
        reason = reason == null ? "" : reason;
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
        if (code == NO_CODE) return new byte[0];
        if (code < 0 || code > 0xFFFF) throw new IllegalArgumentException("a close code is 2 bytes: " + code);
        byte[] text = (reason == null ? "" : reason).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[2 + text.length];
        out[0] = (byte) (code >> 8);
        out[1] = (byte) code;
        System.arraycopy(text, 0, out, 2, text.length);
        return out;
    }
}
