package dev.duplex.net.proxy;

/**
 * Receives what the proxy does, for the command line's lines now and a window's Proxy pane later. Called
 * on the library's socket threads (both legs'): an implementation must not block and must not touch a
 * user interface directly.
 */
@FunctionalInterface
public interface ProxyListener {
    void on(ProxyEvent event);
}
