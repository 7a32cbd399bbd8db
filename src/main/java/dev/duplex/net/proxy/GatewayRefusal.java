package dev.duplex.net.proxy;

import dev.duplex.net.Problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP answer that refuses a client whose upstream did not take the connection: 502 Bad Gateway, or
 * 504 Gateway Timeout when the upstream did not answer in time, with a short plain-text body that says
 * why. A browser's page only sees its socket fail (onerror, then onclose 1006), but its console and
 * network panel show the status, and any other client can read the body.
 */
record GatewayRefusal(int status, byte[] bytes) {

    static GatewayRefusal of(Problem problem, URI upstream) {
        boolean timedOut = problem.kind() == Problem.Kind.TIMED_OUT;
        int status = timedOut ? 504 : 502;
        String reason = timedOut ? "Gateway Timeout" : "Bad Gateway";
        byte[] body = ("Duplex proxy: the upstream " + upstream + " did not take the connection: "
                + words(problem) + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Duplex-Upstream-Problem: " + problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return new GatewayRefusal(status, all);
    }

    /** The problem in a few plain English words (an HTTP body has no language of the user's to go by). */
    private static String words(Problem p) {
        String what = switch (p.kind()) {
            case CONNECTION_REFUSED -> "connection refused, nothing is listening there";
            case UNKNOWN_HOST -> "unknown host";
            case TIMED_OUT -> "no answer in time";
            case HANDSHAKE_REFUSED -> "it refused the upgrade";
            case BAD_HANDSHAKE, WRONG_ACCEPT -> "its answer is not a valid WebSocket upgrade";
            case UNOFFERED_SUBPROTOCOL -> "it answered a subprotocol the client did not offer";
            case UNOFFERED_EXTENSION -> "it answered an extension the client did not offer";
            case TLS_EXPIRED -> "its TLS certificate has expired or is not valid yet";
            case TLS_UNKNOWN_ISSUER -> "its TLS certificate is not from a trusted issuer (trust it with --trust)";
            case TLS_WRONG_HOST -> "its TLS certificate is for another host";
            case TLS_FAILED -> "TLS failed";
            default -> "failed";
        };
        return p.detail().isEmpty() ? what : what + " (" + p.detail().replaceAll("[\\r\\n]+", " ") + ")";
    }
}
