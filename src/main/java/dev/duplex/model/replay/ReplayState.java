package dev.duplex.model.replay;

/** Where a Replay tab is: what its buttons may do. */
public enum ReplayState {
    /** No recording read yet. */
    NO_FILE,
    /** A file is being read. */
    READING,
    /** A recording is read and may be replayed (again). */
    READY,
    /** A replay runs. */
    RUNNING,
    /** Stop was asked: the replay waits for its last replies and closes. */
    STOPPING
}
