package dev.duplex.net.proxy;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.client.ClientOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The upgrade Duplex sends upstream for one client's: the client's path and query added to the upstream
 * URL's, its subprotocols offered in its order, and its other request headers passed on as they came.
 * Host is the upstream's (the library writes it from the URL); the WebSocket headers of the upgrade
 * itself (key, version, extensions, accept) and the hop-by-hop headers of RFC 7230 6.1 belong to each
 * leg and are not passed. Extensions in particular are negotiated on each leg on its own, and Duplex
 * offers none upstream, so every frame on both legs can be read as it is.
 *
 * @param url     where to connect
 * @param options the Origin (null when the client sent none), the other headers, the subprotocols
 */
record UpstreamRequest(URI url, ClientOptions options) {
    /** Not passed on: the upgrade's own headers, hop-by-hop ones, and Host (rewritten). Lower case. */
    static final Set<String> LEG_OWN = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept", "sec-websocket-protocol",
            "keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate", "te", "trailer",
            "trailers", "transfer-encoding", "content-length", "origin");

    /** Whether a request is a WebSocket upgrade Duplex can pass on; others are left to the library to refuse. */
    static boolean isUpgrade(HandshakeRecord request) {
        return request.requestLine().startsWith("GET ")
                && request.requestHeader("Upgrade").toLowerCase(Locale.ROOT).contains("websocket")
                && !request.requestHeader("Sec-WebSocket-Key").isEmpty()
                && request.requestHeader("Sec-WebSocket-Version").equals("13");
    }

    static UpstreamRequest of(URI upstream, HandshakeRecord request, int connectTimeoutMs) {
        return of(upstream, request, connectTimeoutMs, HeaderEdits.NONE);
    }

    /** As {@link #of(URI, HandshakeRecord, int)}, with the user's header edits made after the client's headers. */
    static UpstreamRequest of(URI upstream, HandshakeRecord request, int connectTimeoutMs, HeaderEdits edits) {
        List<HandshakeRecord.Header> headers = request.requestHeaders();
        Set<String> named = connectionTokens(headers);
        Map<String, String> passed = new LinkedHashMap<>();
        List<String> offered = new ArrayList<>();
        String origin = null;
        for (HandshakeRecord.Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("sec-websocket-protocol")) {
                for (String p : h.value().split(",")) if (!p.isBlank()) offered.add(p.strip());
            } else if (name.equals("origin")) {
                origin = h.value();
            } else if (!LEG_OWN.contains(name) && !named.contains(name)) {
                // A header sent twice goes up once, its values joined as HTTP allows (RFC 6265 joins cookies with ;).
                passed.merge(h.name(), h.value(), (a, b) -> a + (name.equals("cookie") ? "; " : ", ") + b);
            }
        }
        if (origin != null) passed.put("Origin", origin);
        Map<String, String> edited = edits.applied(passed);
        // The client's options carry Origin on its own.
        origin = null;
        for (var it = edited.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase("origin")) {
                origin = e.getValue();
                it.remove();
            }
        }
        ClientOptions options = new ClientOptions(origin, edited, connectTimeoutMs, offered, false);
        return new UpstreamRequest(target(upstream, requestTarget(request.requestLine())), options);
    }

    /** "GET /path?query HTTP/1.1" gives "/path?query". */
    static String requestTarget(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length >= 2 ? parts[1] : "/";
    }

    /**
     * The upstream URL with the client's request target added: {@code ws://h/base} and {@code /chat?x=1} give
     * {@code ws://h/base/chat?x=1}; an upstream query comes first, the client's after it. A client asking
     * for {@code /} alone gets the upstream's path as it is ({@code ws://h/base}, not {@code ws://h/base/}).
     */
    static URI target(URI upstream, String requestTarget) {
        String path = requestTarget;
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        if (!path.startsWith("/")) path = "/" + path;
        String base = upstream.getRawPath() == null || upstream.getRawPath().isEmpty() ? "/" : upstream.getRawPath();
        String joinedPath = path.equals("/") ? base : (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        String upstreamQuery = upstream.getRawQuery();
        String joinedQuery = upstreamQuery == null ? query
                : query == null || query.isEmpty() ? upstreamQuery : upstreamQuery + "&" + query;
        return URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + joinedPath
                + (joinedQuery == null ? "" : "?" + joinedQuery));
    }

    /** The headers a Connection header names are hop-by-hop too (RFC 7230 6.1). */
    private static Set<String> connectionTokens(List<HandshakeRecord.Header> headers) {
        Set<String> named = new java.util.HashSet<>();
        for (HandshakeRecord.Header h : headers) {
            if (!h.name().equalsIgnoreCase("Connection")) continue;
            for (String t : h.value().split(",")) named.add(t.strip().toLowerCase(Locale.ROOT));
        }
        return named;
    }
}
