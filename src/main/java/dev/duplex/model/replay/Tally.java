package dev.duplex.model.replay;

import dev.duplex.replay.Verdict;

/**
 * A replay's counts so far, as its summary line says them.
 *
 * @param sent   client messages sent
 * @param steps  client messages in the recording
 */
public record Tally(int sent, int steps, int same, int different, int missing, int extra) {

    static Tally of(int steps) {
        return new Tally(0, steps, 0, 0, 0, 0);
    }

    Tally withSent() {
        return new Tally(sent + 1, steps, same, different, missing, extra);
    }

    Tally with(Verdict.Kind kind) {
        return switch (kind) {
            case SAME -> new Tally(sent, steps, same + 1, different, missing, extra);
            case DIFFERENT -> new Tally(sent, steps, same, different + 1, missing, extra);
            case MISSING -> new Tally(sent, steps, same, different, missing + 1, extra);
            case EXTRA -> new Tally(sent, steps, same, different, missing, extra + 1);
        };
    }
}
