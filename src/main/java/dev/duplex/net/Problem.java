package dev.duplex.net;

/**
 * What went wrong, as a kind the views can put into words (in either language) plus the detail that
 * only the network knows (a host name, a status line, the library's own message); for a proxy's failure, also
 * which proxy ({@code host:port}), empty otherwise.
 */
public record Problem(Kind kind, String detail, String proxy) {

    public enum Kind {
        /** Nothing listens on that port: the TCP connection was refused. */
        CONNECTION_REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No answer within the connect timeout. */
        TIMED_OUT,
        /** The server answered the upgrade with another HTTP status than 101; detail is the status line. */
        HANDSHAKE_REFUSED,
        /** The server answered something that is not a valid WebSocket upgrade. */
        BAD_HANDSHAKE,
        /** A client's upgrade request our server refused as not a WebSocket upgrade (RFC 6455 4.2.1). */
        BAD_UPGRADE_REQUEST,
        /** The port is taken by another program. */
        PORT_IN_USE,
        /** The bind address is not an address of this machine. */
        BAD_BIND_ADDRESS,
        /** A client asked for a path the server does not serve (it got 404). */
        WRONG_PATH,
        /** The server refused a client whose Origin is not on its allow-list; detail is that Origin. */
        ORIGIN_REFUSED,
        /** The server refused a client because it already has as many as it allows; detail is the cap. */
        TOO_MANY_CLIENTS,
        /** The server masked a frame, which RFC 6455 forbids; detail is the frame's opcode. */
        MASKED_BY_SERVER,
        /** The peer broke the protocol and we closed the connection (1002, 1007, 1009); detail says how. */
        PEER_BROKE_PROTOCOL,
        /** The server's Sec-WebSocket-Accept does not match our key; detail is what it sent and what was due. */
        WRONG_ACCEPT,
        /** The server answered a subprotocol the client did not offer; detail is what it answered (and what was offered). */
        UNOFFERED_SUBPROTOCOL,
        /** The server answered an extension the client did not offer; detail is what it answered. */
        UNOFFERED_EXTENSION,
        /** wss://: the server's certificate is expired or not yet valid; detail is its SHA-256 fingerprint. */
        TLS_EXPIRED,
        /** wss://: no trusted issuer (self-signed, private CA); detail is the certificate's fingerprint. */
        TLS_UNKNOWN_ISSUER,
        /** wss://: the certificate does not name the host connected to; detail is its fingerprint. */
        TLS_WRONG_HOST,
        /** wss://: TLS failed otherwise (no common protocol, not a TLS server...); detail is the cause. */
        TLS_FAILED,
        /**
         * wss://: the server asked for a client certificate and got none (none was given, or none fitted);
         * detail is how it said so (an alert, or an HTTP status such as nginx's 400).
         */
        TLS_CLIENT_CERT_REQUIRED,
        /**
         * wss://: the server refused the client certificate sent (another CA, expired, ...); detail is the
         * certificate's subject and how the server said so.
         */
        TLS_CLIENT_CERT_REFUSED,
        /** The proxy could not be reached; detail is why (connection refused, unknown host, timed out). */
        PROXY_UNREACHABLE,
        /** The proxy refused the tunnel; detail is what it answered (407 Proxy Authentication Required, a SOCKS reply). */
        PROXY_REFUSED,
        /** The proxy answered something that is not a proxy's answer; detail is what came. */
        PROXY_BROKEN,
        /** A proxy variable of the environment does not read as a proxy; detail is the variable and its value. */
        PROXY_BAD_VARIABLE,
        /** Anything else: detail carries the cause as the JDK or the library put it. */
        OTHER
    }

    public Problem {
        detail = detail == null ? "" : detail;
        proxy = proxy == null ? "" : proxy;
    }

    public Problem(Kind kind, String detail) {
        this(kind, detail, "");
    }
}
