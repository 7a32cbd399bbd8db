package dev.duplex.replay;

/**
 * Receives what a replay does, as it does it. Called on the replay's own thread and on the client's socket
 * threads, one call at a time and in order: an implementation must not block, and must not touch a user
 * interface directly (a window posts the events to its dispatcher).
 */
@FunctionalInterface
public interface ReplayListener {
    void on(ReplayEvent event);
}
