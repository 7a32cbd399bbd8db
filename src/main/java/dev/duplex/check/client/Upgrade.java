package dev.duplex.check.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client's HTTP request as the checking server read it: the request line and the headers (names in lower
 * case, repeated ones joined with ", "), and the answers the server can give it.
 */
record Upgrade(String method, String target, String version, Map<String, String> headers) {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** Reads a request head; null when it is not even a request line. */
    static Upgrade parse(String head) {
        String[] lines = head.split("\r\n");
        String[] first = lines[0].split(" ");
        if (first.length != 3) return null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new Upgrade(first[0], first[1], first[2], headers);
    }

    String header(String name) {
        return headers.getOrDefault(name, "");
    }

    /** Whether this asks for a WebSocket (else it is a plain HTTP request: a report or the browser page). */
    boolean wantsWebSocket() {
        return header("upgrade").toLowerCase(Locale.ROOT).contains("websocket");
    }

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /** The Sec-WebSocket-Accept for this request's key (RFC 6455 4.2.2). */
    String accept() {
        return acceptOf(header("sec-websocket-key"));
    }

    static String acceptOf(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The correct answer: 101, Upgrade, Connection and the right Accept; no subprotocol, no extension. */
    byte[] accepted() {
        return response("101 Switching Protocols", List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: " + accept()));
    }

    /** The correct answer with one more header. */
    byte[] acceptedWith(String header) {
        return response("101 Switching Protocols", List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: " + accept(), header));
    }

    static byte[] response(String status, List<String> headers) {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (String h : headers) b.append(h).append("\r\n");
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
