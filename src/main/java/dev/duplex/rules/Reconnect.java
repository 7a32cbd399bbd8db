package dev.duplex.rules;

/**
 * Making the connection again when it ends without being asked to (the server closed, the network dropped,
 * the server was not up yet): the first try after {@code afterMs}, each next one after twice the last wait, up
 * to {@code maxMs}, and at most {@code tries} tries in a row before giving up. A connection that opens starts the
 * count again. Without jitter: one client retrying has no herd to spread, and a fixed schedule can be read in
 * the log and tested.
 */
public record Reconnect(long afterMs, long maxMs, int tries) {
    static final long DEFAULT_MAX_MS = 30_000;
    static final long DEFAULT_TRIES = 5;

    /** The wait before try {@code n} (1 for the first) after an end. */
    public long delayMs(int n) {
        long delay = afterMs;
        for (int i = 1; i < n && delay < maxMs; i++) delay *= 2;
        return Math.min(delay, maxMs);
    }
}
