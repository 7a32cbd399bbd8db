package dev.duplex.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the client connects.
 *
 * @param origin           the Origin header, or null to send none (a browser always sends one)
 * @param headers          extra handshake headers, in order
 * @param connectTimeoutMs how long to wait for the TCP connection and the handshake
 */
public record ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs) {
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

    public ClientOptions {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (connectTimeoutMs <= 0) connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
    }

    /** Browser-like defaults: the Origin a page served from the same host would send. */
    public static ClientOptions browserLike(java.net.URI url) {
        return new ClientOptions(WsUrl.defaultOrigin(url), Map.of(), DEFAULT_CONNECT_TIMEOUT_MS);
    }
}
