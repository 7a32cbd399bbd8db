package dev.duplex.decode.binary;

/** How many more values a reading may make, so that no payload builds more than the view's limit. */
final class Budget {
    /** How deep the readers follow maps, arrays and messages: deeper is unlikely, and the stack is finite. */
    static final int MAX_DEPTH = 200;

    private int left;

    Budget(int values) {
        this.left = values;
    }

    /** Counts one value more; fails the reading when none is left. */
    void take(long offset) throws Unreadable {
        if (--left < 0) throw new Unreadable(Unreadable.Failure.TOO_MANY_NODES, offset);
    }

    int left() {
        return left;
    }

    /** Gives back what a reading that was only tried (a protobuf field read as a message) took. */
    void reset(int to) {
        left = to;
    }

    static void depth(int depth, long offset) throws Unreadable {
        if (depth > MAX_DEPTH) throw new Unreadable(Unreadable.Failure.TOO_DEEP, offset);
    }
}
