package dev.duplex.replay;

import java.util.Objects;

import dev.duplex.net.Payload;

/**
 * How one reply of a replay compares with the recording.
 *
 * @param step       the client message the reply belongs to (1 for the first), 0 for the greeting
 * @param reply      its place among that message's replies, from 1
 * @param kind       same, different, missing or extra
 * @param recorded   the recorded reply; null when {@code kind} is {@link Kind#EXTRA}
 * @param replayed   the reply that came; null when {@code kind} is {@link Kind#MISSING}
 * @param difference where they differ; null unless {@code kind} is {@link Kind#DIFFERENT}
 */
public record Verdict(int step, int reply, Kind kind, Payload recorded, Payload replayed, Difference difference) {

    public enum Kind {
        /** The reply came, exactly as recorded (same kind, same bytes). */
        SAME,
        /** A reply came in its place, with other content or of the other kind. */
        DIFFERENT,
        /** No reply came in its place: the next message was sent, or the replay ended, first. */
        MISSING,
        /** A reply came beyond what the recording had for that message. */
        EXTRA
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
    }

    /** Compares the reply that came in a recorded reply's place. */
    static Verdict of(int step, int reply, Payload recorded, Payload replayed) {
        Difference d = Difference.between(recorded, replayed);
        return new Verdict(step, reply, d == null ? Kind.SAME : Kind.DIFFERENT, recorded, replayed, d);
    }

    static Verdict missing(int step, int reply, Payload recorded) {
        return new Verdict(step, reply, Kind.MISSING, recorded, null, null);
    }

    static Verdict extra(int step, int reply, Payload replayed) {
        return new Verdict(step, reply, Kind.EXTRA, null, replayed, null);
    }
}
