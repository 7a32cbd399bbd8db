package dev.duplex.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Group 0: the opening handshake (RFC 6455 4.2). */
final class HandshakeCases {
    /** "short" in base64: a Sec-WebSocket-Key of 5 bytes, not 16. */
    private static final String SHORT_KEY = "c2hvcnQ=";
    private HandshakeCases() { }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("0.1", "A correct upgrade request gets 101 with Upgrade, Connection and the right Sec-WebSocket-Accept",
                "4.2.2", false, HandshakeCases::correct));
        all.add(new Case("0.2", "A request without Sec-WebSocket-Key is refused (400)", "4.2.1",
                false, s -> refused(s, "GET", null, "13", true)));
        all.add(new Case("0.3", "A request for version 99 (none that exists) is refused, naming version 13 in Sec-WebSocket-Version (426)",
                "4.2.2, 4.4", false, HandshakeCases::wrongVersion));
        all.add(new Case("0.4", "A POST upgrade request is refused", "4.2.1", false, s -> refused(s, "POST", Wire.newKey(), "13", true)));
        all.add(new Case("0.5", "A request without Upgrade and Connection is refused", "4.2.1", false,
                s -> refused(s, "GET", Wire.newKey(), "13", false)));
        all.add(new Case("0.6", "A Sec-WebSocket-Key that is not 16 bytes in base64 is refused", "4.2.1", false,
                s -> refused(s, "GET", SHORT_KEY, "13", true)));
        all.add(new Case("0.7", "An upgrade request with header names in lower case and 'upgrade' in any case gets 101",
                "4.2.1", false, HandshakeCases::lowerCase));
        return all;
    }

    private static Judged correct(Session s) throws IOException {
        String key = Wire.newKey();
        try (Wire w = s.tcp()) {
            w.writeRaw(Wire.request(s.target(), "GET", key, "13", true).getBytes(StandardCharsets.ISO_8859_1), "handshake request");
            Wire.HttpAnswer a = w.readHttpAnswer();
            if (a == null) return Judged.fail("TCP close without an answer", "the server did not answer the handshake");
            String seen = a.statusLine();
            if (a.status() != 101) return Judged.fail(seen, "a correct request was refused (is the URL's path right? is an Origin or a header needed?)");
            if (!"websocket".equalsIgnoreCase(a.headers().getOrDefault("upgrade", ""))) return Judged.fail(seen, "no Upgrade: websocket");
            if (!a.headers().getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("upgrade")) {
                return Judged.fail(seen, "no Connection: Upgrade");
            }
            String accept = a.headers().get("sec-websocket-accept");
            if (!Wire.acceptFor(key).equals(accept)) return Judged.fail(seen + ", Sec-WebSocket-Accept " + accept, "wrong Sec-WebSocket-Accept");
            return Judged.pass(seen + ", Sec-WebSocket-Accept right");
        }
    }

    private static Judged lowerCase(Session s) throws IOException {
        String key = Wire.newKey();
        String request = Wire.request(s.target(), "GET", key, "13", false)
                .replace("Sec-WebSocket-Key:", "sec-websocket-key:").replace("Sec-WebSocket-Version:", "sec-websocket-version:")
                .replace("Host:", "host:");
        request = request.substring(0, request.length() - 2) + "upgrade: WebSocket\r\nconnection: keep-alive, upgrade\r\n\r\n";
        try (Wire w = s.tcp()) {
            w.writeRaw(request.getBytes(StandardCharsets.ISO_8859_1), "handshake request (lower-case names)");
            Wire.HttpAnswer a = w.readHttpAnswer();
            if (a == null) return Judged.fail("TCP close without an answer", "the server did not answer the handshake");
            if (a.status() != 101) return Judged.fail(a.statusLine(), "header names are case-insensitive (RFC 7230 3.2)");
            return Wire.acceptFor(key).equals(a.headers().get("sec-websocket-accept")) ? Judged.pass(a.statusLine())
                    : Judged.fail(a.statusLine(), "wrong Sec-WebSocket-Accept");
        }
    }

    private static Judged wrongVersion(Session s) throws IOException {
        Judged j = refused(s, "GET", Wire.newKey(), "99", true);
        return j;
    }

    private static Judged refused(Session s, String method, String key, String version, boolean upgrade) throws IOException {
        try (Wire w = s.tcp()) {
            w.writeRaw(Wire.request(s.target(), method, key, version, upgrade).getBytes(StandardCharsets.ISO_8859_1), "handshake request");
            Wire.HttpAnswer a;
            try {
                a = w.readHttpAnswer();
            } catch (Wire.Silent silent) {
                return Judged.nonStrict("no answer within the case's timeout", "the request should get an HTTP error status");
            } catch (Wire.Ended ended) {
                return Judged.nonStrict(ended.getMessage() + " inside the answer", "the request should get an HTTP error status");
            }
            if (a == null) return Judged.nonStrict("TCP close without an answer", "the request should get an HTTP error status");
            if (a.status() == 101 && SHORT_KEY.equals(key)) {
                // The key is opaque to the Accept's computation: upgrading anyway breaks no client.
                return Judged.nonStrict(a.statusLine(), "4.2.1 asks to refuse a key that is not 16 bytes, the server upgraded");
            }
            if (a.status() == 101) return Judged.fail(a.statusLine(), "the server upgraded a request it must refuse");
            if (a.status() < 400) return Judged.nonStrict(a.statusLine(), "a refusal should be a 4xx status");
            if ("99".equals(version)) {
                String offered = a.headers().getOrDefault("sec-websocket-version", "");
                if (!offered.contains("13")) {
                    return Judged.nonStrict(a.statusLine(), "the refusal should name the versions it takes in Sec-WebSocket-Version (4.4)");
                }
                return Judged.pass(a.statusLine() + ", Sec-WebSocket-Version: " + offered);
            }
            return Judged.pass(a.statusLine());
        }
    }
}
