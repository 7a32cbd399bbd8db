package dev.duplex.model.replay;

import dev.duplex.net.Payload;
import dev.duplex.replay.Verdict;

/**
 * One row of a replay's comparison: a client message sent (or left unsent), or a reply judged against the
 * recording.
 *
 * @param step     the client message it belongs to (1 for the first), 0 for the greeting
 * @param sent     the client message, on a message's row; null on a reply's row
 * @param notSent  the message was not sent (the connection ended, or the replay was stopped, first)
 * @param verdict  on a reply's row, how it compares (its recorded reply, the actual one, where they differ)
 */
public record ReplayRow(int step, Payload sent, boolean notSent, Verdict verdict) {

    static ReplayRow sent(int step, Payload message) {
        return new ReplayRow(step, message, false, null);
    }

    static ReplayRow notSent(int step, Payload message) {
        return new ReplayRow(step, message, true, null);
    }

    static ReplayRow judged(Verdict verdict) {
        return new ReplayRow(verdict.step(), null, false, verdict);
    }

    /** Whether this row is a reply's (else a client message's). */
    public boolean isReply() {
        return verdict != null;
    }
}
