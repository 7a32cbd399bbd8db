package dev.duplex.replay;

import java.util.Locale;
import java.util.Optional;

/** When a replay sends each client message. */
public enum Timing {
    /** After the recorded gap since the previous message was sent (the first: since the connection opened). */
    ORIGINAL,
    /**
     * As soon as the previous message has as many replies as the recording had, or when no reply has come for
     * the quiet time (see {@link Replayer}); a message with no recorded reply is followed at once.
     */
    FAST,
    /** As {@link #FAST}, then only when asked ({@link Replayer#step()}): one message per step. */
    STEP;

    /** The name typed on the command line: original, fast, step. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Timing> parse(String typed) {
        for (Timing t : values()) if (t.key().equalsIgnoreCase(typed == null ? "" : typed.strip())) return Optional.of(t);
        return Optional.empty();
    }
}
