package dev.duplex.decode.graphql;

/** The message types that differ between the two GraphQL-over-WebSocket protocols. */
record GraphqlDialect(String subprotocol, String start, String result, String stop, boolean hasPing) {
    static final String TRANSPORT_WS = "graphql-transport-ws";
    static final String LEGACY = "graphql-ws";

    /** The dialect of the subprotocol the server answered; the current one when it answered none. */
    static GraphqlDialect of(String subprotocol) {
        return LEGACY.equals(subprotocol)
                ? new GraphqlDialect(LEGACY, "start", "data", "stop", false)
                : new GraphqlDialect(TRANSPORT_WS, "subscribe", "next", "complete", true);
    }
}
