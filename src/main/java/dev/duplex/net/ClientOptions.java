package dev.duplex.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the client connects.
 *
 * @param origin            the Origin header, or null to send none (a browser always sends one)
 * @param headers           extra handshake headers, in order
 * @param connectTimeoutMs  how long to wait for the TCP connection
 * @param subprotocols      the subprotocols to offer (Sec-WebSocket-Protocol), in order of preference
 * @param permessageDeflate offer the permessage-deflate extension (RFC 7692)
 */
public record ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs,
        List<String> subprotocols, boolean permessageDeflate) {
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

    public ClientOptions {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (connectTimeoutMs <= 0) connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        subprotocols = subprotocols == null ? List.of()
                : subprotocols.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Origin, headers and timeout; no subprotocol, no compression (what a plain browser page offers). */
    public ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs) {
        this(origin, headers, connectTimeoutMs, List.of(), false);
    }

    /** Browser-like defaults: the Origin a page served from the same host would send. */
    public static ClientOptions browserLike(java.net.URI url) {
        return new ClientOptions(WsUrl.defaultOrigin(url), Map.of(), DEFAULT_CONNECT_TIMEOUT_MS);
    }
}
