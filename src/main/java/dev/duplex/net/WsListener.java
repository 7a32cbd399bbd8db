package dev.duplex.net;

/**
 * Receives the events of a server or a client. Called on the library's socket threads: an
 * implementation must not block and must not touch a user interface directly.
 */
@FunctionalInterface
public interface WsListener {
    void on(WsEvent event);
}
