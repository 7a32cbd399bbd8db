package dev.duplex.options;

/**
 * The fields a user types into, in the window's forms and as the command line's options. A
 * {@link FieldProblem} names one, so a form can point at it and the command line can name its option.
 */
public enum Field {
    // ---- the echo server ----
    PORT, BIND_ADDRESS, PATH, REPLY, PING_INTERVAL, MAX_MESSAGE, ALLOWED_ORIGINS, DEFLATE, MAX_CONNECTIONS, HANDSHAKE_TIMEOUT,
    // ---- the server's behaviours ----
    REFUSE_STATUS, REFUSE_HEADERS, REFUSE_BODY, SUBPROTOCOL_ANSWER, REPLY_DELAY, DROP_EVERY, CLOSE_AFTER,
    CLOSE_AFTER_CODE, CLOSE_AFTER_REASON,
    // ---- the client ----
    URL, ORIGIN, HEADERS, SUBPROTOCOLS, CONNECT_TIMEOUT, TRUST, WAIT, OUTBOUND_PROXY,
    AUTH_USER, AUTH_PASSWORD, AUTH_BEARER, AUTH_COOKIES, AUTH_QUERY,
    // ---- the client's TLS: a client certificate, its key and password, a CA file ----
    CLIENT_CERT, CLIENT_KEY, CLIENT_CERT_PASSWORD, CA_FILE,
    // ---- the proxy ----
    LISTEN, UPSTREAM, REWRITE, DROP, DELAY, PAUSE_ON, SET_HEADER, REMOVE_HEADER,
    // ---- the labs: close, ping, fragments, burst ----
    CLOSE_CODE, CLOSE_REASON, FRAME, PING_PAYLOAD, PING_EVERY, FRAGMENT_SIZE, BURST_COUNT, BURST_EVERY,
    // ---- the checker ----
    CHECK_GROUPS, CHECK_CASE_TIMEOUT
}
