package dev.duplex.net.proxy;

/** Which way a message goes through the proxy: up to the server, or down to the client. */
public enum Direction {
    /** client → Duplex → server */
    UP,
    /** server → Duplex → client */
    DOWN
}
