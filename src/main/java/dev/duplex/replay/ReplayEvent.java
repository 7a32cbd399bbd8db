package dev.duplex.replay;

import java.time.Instant;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;

/**
 * Everything a replay reports: the connection's own events, each message sent, the verdict on each reply,
 * a step awaited, and the end with its counts. The command line prints these; a window's Replay view would
 * show the same events.
 */
public sealed interface ReplayEvent {

    /** When it happened. */
    Instant at();

    /**
     * The client's own event: onopen, onclose, onerror (and the others, for a view that logs everything).
     * The replies are in it as {@link WsEvent.Received} too, before their {@link Judged}.
     */
    record Connection(WsEvent event) implements ReplayEvent {
        @Override
        public Instant at() {
            return event.at();
        }
    }

    /** Client message {@code step} of {@code steps} went out. */
    record Sent(Instant at, int step, int steps, Payload message) implements ReplayEvent { }

    /** In step timing: message {@code step} of {@code steps} waits for {@link Replayer#step()}. */
    record AwaitingStep(Instant at, int step, int steps, Payload message) implements ReplayEvent { }

    /** A reply compared with the recording, or a recorded reply found missing. */
    record Judged(Instant at, Verdict verdict) implements ReplayEvent { }

    /**
     * Client message {@code step} was not sent: the connection ended first, or the replay was stopped
     * ({@link Replayer#stop()}, or the end of the steps in step timing).
     */
    record NotSent(Instant at, int step, Payload message) implements ReplayEvent { }

    /** The replay is over (the last event): its counts, and how the connection ended. */
    record Finished(Instant at, Summary summary) implements ReplayEvent { }

    /**
     * The counts of a replay.
     *
     * @param opened    whether the connection opened at all
     * @param sent      client messages sent
     * @param notSent   client messages left unsent
     * @param same      replies as recorded
     * @param different replies that differ
     * @param missing   recorded replies that did not come
     * @param extra     replies beyond the recording
     * @param close     how the connection ended; null if it had not ended when the replay gave up waiting
     * @param endedByServer the connection ended before the replay closed it (the server closed, or it dropped)
     */
    record Summary(boolean opened, int sent, int notSent, int same, int different, int missing, int extra,
            WsEvent.Closed close, boolean endedByServer) {
        /** Every message sent, and every reply exactly as recorded, no more and no fewer. */
        public boolean asRecorded() {
            return opened && notSent == 0 && different == 0 && missing == 0 && extra == 0;
        }

        /** Whether the connection ended before the replay closed it, other than with 1000 or 1001. */
        public boolean closedAbnormally() {
            return endedByServer && close.code() != 1000 && close.code() != 1001;
        }
    }
}
