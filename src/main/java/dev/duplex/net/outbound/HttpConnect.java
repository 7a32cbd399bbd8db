package dev.duplex.net.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Asks an HTTP proxy for a tunnel: {@code CONNECT host:port}, with Basic authentication when the proxy has a
 * user, and reads its answer up to the blank line (byte by byte: nothing after it may be taken from the
 * stream, it belongs to TLS or to the WebSocket handshake). A 2xx opens the tunnel; anything else is a refusal.
 */
final class HttpConnect {
    /** An answer's head longer than this is not a proxy's answer. */
    private static final int MAX_HEAD = 16 * 1024;

    private HttpConnect() { }

    static void open(ProxyAddress proxy, String host, int port, InputStream in, OutputStream out,
            TunnelRecord.Steps steps) throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder request = new StringBuilder();
        line(request, steps, "CONNECT " + authority + " HTTP/1.1", null);
        line(request, steps, "Host: " + authority, null);
        if (proxy.hasUser()) {
            String token = Base64.getEncoder().encodeToString(
                    (proxy.user() + ":" + (proxy.password() == null ? "" : proxy.password())).getBytes(StandardCharsets.UTF_8));
            line(request, steps, "Proxy-Authorization: Basic " + token, "Proxy-Authorization: Basic ****");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();

        String head = readHead(in, proxy);
        String[] lines = head.split("\r\n");
        for (String l : lines) if (!l.isEmpty()) steps.add(TunnelRecord.Step.line(false, l));
        String status = lines.length == 0 ? "" : lines[0];
        String[] parts = status.split(" ", 3);
        int code;
        try {
            code = parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            code = -1;
        }
        if (code < 0) throw new ProxyFailure(ProxyFailure.Kind.BROKEN, proxy.address(), status);
        if (code / 100 != 2) {
            throw new ProxyFailure(ProxyFailure.Kind.REFUSED, proxy.address(), code + (parts.length > 2 ? " " + parts[2] : ""));
        }
    }

    private static void line(StringBuilder request, TunnelRecord.Steps steps, String line, String shown) {
        request.append(line).append("\r\n");
        steps.add(TunnelRecord.Step.line(true, shown == null ? line : shown));
    }

    private static String readHead(InputStream in, ProxyAddress proxy) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                String so = head.toString(StandardCharsets.ISO_8859_1).strip();
                throw new ProxyFailure(ProxyFailure.Kind.BROKEN, proxy.address(),
                        so.isEmpty() ? "closed the connection without an answer" : so);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) throw new ProxyFailure(ProxyFailure.Kind.BROKEN, proxy.address(), "an answer over 16 KiB");
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
