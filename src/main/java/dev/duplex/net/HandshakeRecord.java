package dev.duplex.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.duplex.net.outbound.TunnelRecord;
import dev.duplex.tls.TlsFacts;

/**
 * Both sides of one opening handshake as they crossed the wire: the HTTP upgrade request and the
 * server's answer (status line, headers, and the body of a refusal), header by header.
 *
 * @param request  the request as sent, up to its blank line
 * @param response the answer as received, with any body that came with it
 * @param tls      what the TLS under a wss:// connection said, or null (ws://, or not known: a file, a server)
 * @param tunnel   the proxy the connection went through, why, and the exchange with it; null for a direct one
 */
public record HandshakeRecord(String request, String response, TlsFacts tls, TunnelRecord tunnel) {

    public HandshakeRecord(String request, String response) {
        this(request, response, null, null);
    }

    public HandshakeRecord(String request, String response, TlsFacts tls) {
        this(request, response, tls, null);
    }

    /** This handshake, with what the TLS under it said. */
    public HandshakeRecord withTls(TlsFacts facts) {
        return new HandshakeRecord(request, response, facts, tunnel);
    }

    /** This handshake, with the proxy's tunnel under it. */
    public HandshakeRecord withTunnel(TunnelRecord through) {
        return new HandshakeRecord(request, response, tls, through);
    }

    /** A header line, in the order and spelling it was sent. */
    public record Header(String name, String value) { }

    public String requestLine() {
        return firstLine(request);
    }

    public List<Header> requestHeaders() {
        return headers(request);
    }

    public String statusLine() {
        return firstLine(response);
    }

    /** The status code of the answer (101 when accepted), or -1 when no answer came. */
    public int status() {
        String[] parts = statusLine().split(" ", 3);
        try {
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<Header> responseHeaders() {
        return headers(response);
    }

    /** What came after the answer's blank line: the body of a refused upgrade (or frames, cut off here). */
    public String body() {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    /** The first value of a request header, case-insensitively, or "". */
    public String requestHeader(String name) {
        return find(requestHeaders(), name);
    }

    /** The first value of a response header, case-insensitively, or "". */
    public String responseHeader(String name) {
        return find(responseHeaders(), name);
    }

    private static String find(List<Header> headers, String name) {
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) return h.value();
        return "";
    }

    private static String firstLine(String text) {
        int end = text.indexOf("\r\n");
        return end < 0 ? text.strip() : text.substring(0, end);
    }

    private static List<Header> headers(String text) {
        List<Header> out = new ArrayList<>();
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) out.add(new Header(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
        }
        return out;
    }

    /** Header names in lower case, for look-ups in the help texts. */
    public static String key(String headerName) {
        return headerName.toLowerCase(Locale.ROOT);
    }
}
