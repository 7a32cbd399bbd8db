package dev.duplex.protocol;

/**
 * An HTTP token (RFC 9110 5.6.2): what a header name and a WebSocket subprotocol name must be. The one
 * check, for the server's switches, the options layer and the refusal's header lines.
 */
public final class HttpToken {
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={}";

    private HttpToken() { }

    public static boolean is(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || SEPARATORS.indexOf(c) >= 0) return false;
        }
        return true;
    }
}
