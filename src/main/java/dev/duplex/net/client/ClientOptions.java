package dev.duplex.net.client;

import dev.duplex.net.WsUrl;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.server.ServerConfig;

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
 * @param deflate           what to offer of permessage-deflate (RFC 7692), or null to offer none
 * @param maxMessage        the largest frame or message accepted from the server; a larger one closes the
 *                          connection with 1009 rather than being held in memory
 */
public record ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs,
        List<String> subprotocols, DeflateParams deflate, int maxMessage) {
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

    public static final int DEFAULT_MAX_MESSAGE = ServerConfig.Limits.DEFAULT_MAX_MESSAGE;

    public ClientOptions {
        if (maxMessage <= 0) maxMessage = DEFAULT_MAX_MESSAGE;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (connectTimeoutMs <= 0) connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        subprotocols = subprotocols == null ? List.of()
                : subprotocols.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Origin, headers and timeout; no subprotocol, no compression (what a plain browser page offers). */
    public ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs) {
        this(origin, headers, connectTimeoutMs, List.of(), null, DEFAULT_MAX_MESSAGE);
    }

    /** With subprotocols and compression (as a browser offers it, when on), and the default message size limit. */
    public ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs, List<String> subprotocols,
            boolean permessageDeflate) {
        this(origin, headers, connectTimeoutMs, subprotocols, permessageDeflate ? DeflateParams.DEFAULT : null,
                DEFAULT_MAX_MESSAGE);
    }

    /** With subprotocols and permessage-deflate's parameters (null offers none), and the default message size limit. */
    public ClientOptions(String origin, Map<String, String> headers, int connectTimeoutMs, List<String> subprotocols,
            DeflateParams deflate) {
        this(origin, headers, connectTimeoutMs, subprotocols, deflate, DEFAULT_MAX_MESSAGE);
    }

    /** Whether permessage-deflate is offered. */
    public boolean permessageDeflate() {
        return deflate != null;
    }

    /** Browser-like defaults: the Origin a page served from the same host would send. */
    public static ClientOptions browserLike(java.net.URI url) {
        return new ClientOptions(WsUrl.defaultOrigin(url), Map.of(), DEFAULT_CONNECT_TIMEOUT_MS);
    }
}
