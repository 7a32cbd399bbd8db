package dev.duplex.decode.binary;

/**
 * Why a payload does not read in a format, and where the reading stopped: what the message view says in place
 * of a tree. Thrown by the readers; never reaches the window as an exception.
 */
public final class Unreadable extends Exception {
    /** What went wrong; the view says each in words of its own (message.binary.failure.*). */
    public enum Failure {
        /** The bytes end inside a value. */
        TRUNCATED,
        /** One whole value was read, and bytes are left after it. */
        TRAILING_BYTES,
        /** A byte that the format does not allow where it stands. */
        MALFORMED,
        /** Nested deeper than the readers follow. */
        TOO_DEEP,
        /** More values than {@code JsonTree.MAX_NODES}. */
        TOO_MANY_NODES,
        /** An empty payload, or (for Auto) one lone number or string, which any format reads from a byte or two. */
        NOT_A_TREE,
        /** protobuf with a schema was chosen, and no descriptor set or message type is. */
        NO_SCHEMA
    }

    private final Failure failure;
    private final long offset;

    Unreadable(Failure failure, long offset) {
        super(failure + " at byte " + offset, null, false, false);
        this.failure = failure;
        this.offset = offset;
    }

    public Failure failure() {
        return failure;
    }

    /** The byte at which the reading stopped (0 when it never started). */
    public long offset() {
        return offset;
    }
}
