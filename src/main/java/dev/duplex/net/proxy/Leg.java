package dev.duplex.net.proxy;

/**
 * One of the two connections of a pair: the client's to Duplex, and Duplex's own to the upstream server.
 * Each has its own handshake, its own frames (each masked or not as its side requires) and its own close.
 */
public enum Leg {
    /** client ⇄ Duplex: Duplex is the server here. */
    CLIENT,
    /** Duplex ⇄ server: Duplex is the client here. */
    UPSTREAM;

    /**
     * The direction of a frame this leg's tap saw: read from the client or written to the server is on its
     * way up; the rest is on its way down.
     */
    public Direction direction(boolean inbound) {
        return (this == CLIENT) == inbound ? Direction.UP : Direction.DOWN;
    }
}
