package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Group 0, the opening handshake: the client's request must be a valid upgrade (4.1), it must open on a
 * correct answer, even one written in other letter cases, and must not open on an answer that is wrong
 * (4.1, the client's checks 1 to 6 of the server's response).
 */
final class HandshakeClientCases {
    private HandshakeClientCases() { }

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        c.add(new ClientCase("0.1", "A correct 101: the client's request is a valid upgrade, and it opens", "4.1",
                (w, req) -> {
                    String wrong = requestProblem(req);
                    Outcome on = Reactions.mustGoOn(w, List.of(), List.of(), false);
                    return wrong == null ? on : Outcome.fail(on.observed(), wrong);
                }));
        c.add(new ClientCase("0.2", "A correct 101 with Upgrade and Connection in other letter cases: it opens", "4.1, 4.2.2",
                req -> Upgrade.response("101 Switching Protocols", List.of("UPGRADE: WebSocket", "connection: upgrade",
                        "sec-websocket-accept: " + req.accept())),
                (w, req) -> Reactions.mustGoOn(w, List.of(), List.of(), false)));
        c.add(refused("0.3", "A wrong Sec-WebSocket-Accept (another key's)", "4.1 (4)",
                req -> answer(req, "Sec-WebSocket-Accept: " + Upgrade.acceptOf("dGhlIHNhbXBsZSBub25jZQ=="))));
        c.add(refused("0.4", "Sec-WebSocket-Accept in the wrong letter case", "4.1 (4)",
                req -> answer(req, "Sec-WebSocket-Accept: " + flipCase(req.accept()))));
        c.add(refused("0.5", "No Sec-WebSocket-Accept", "4.1 (4)",
                req -> Upgrade.response("101 Switching Protocols", List.of("Upgrade: websocket", "Connection: Upgrade"))));
        c.add(refused("0.6", "Status 200 with a page, not 101", "4.1 (1)",
                req -> status("200 OK", "Content-Type: text/plain", "Content-Length: 5", "", "hello")));
        c.add(refused("0.7", "Status 302 to a page that is no WebSocket, not 101", "4.1 (1)",
                req -> status("302 Found", "Location: /check/moved", "Content-Length: 0")));
        c.add(refused("0.8", "Status 403, not 101", "4.1 (1)", req -> status("403 Forbidden", "Content-Length: 0")));
        c.add(refused("0.9", "Status 400, with the right Accept all the same", "4.1 (1)",
                req -> Upgrade.response("400 Bad Request", List.of("Upgrade: websocket", "Connection: Upgrade",
                        "Sec-WebSocket-Accept: " + req.accept(), "Content-Length: 0"))));
        c.add(refused("0.10", "A 101 with no Upgrade header", "4.1 (2)",
                req -> Upgrade.response("101 Switching Protocols", List.of("Connection: Upgrade", "Sec-WebSocket-Accept: " + req.accept()))));
        c.add(refused("0.11", "A 101 with Upgrade: h2c, not websocket", "4.1 (2)",
                req -> Upgrade.response("101 Switching Protocols", List.of("Upgrade: h2c", "Connection: Upgrade",
                        "Sec-WebSocket-Accept: " + req.accept()))));
        c.add(refused("0.12", "A 101 with no Connection header", "4.1 (3)",
                req -> Upgrade.response("101 Switching Protocols", List.of("Upgrade: websocket", "Sec-WebSocket-Accept: " + req.accept()))));
        c.add(refused("0.13", "A 101 choosing a subprotocol the client never offered", "4.1 (6)",
                req -> req.acceptedWith("Sec-WebSocket-Protocol: duplex-never-offered")));
        c.add(refused("0.14", "A 101 with an extension the client never offered", "4.1 (5), 9.1",
                req -> req.acceptedWith("Sec-WebSocket-Extensions: x-duplex-never-offered")));
        c.add(refused("0.15", "A 101 with permessage-deflate when the client did not offer it (else another one)", "4.1 (5), 9.1",
                req -> req.header("sec-websocket-extensions").toLowerCase(Locale.ROOT).contains("permessage-deflate")
                        ? req.acceptedWith("Sec-WebSocket-Extensions: x-webkit-deflate-frame")
                        : req.acceptedWith("Sec-WebSocket-Extensions: permessage-deflate")));
        return c;
    }

    private static ClientCase refused(String id, String title, String section, ClientCase.Answer answer) {
        return new ClientCase(id, title + ": the client must not open", section, answer, (w, req) -> Reactions.mustRefuse(w));
    }

    private static byte[] answer(Upgrade req, String acceptLine) {
        return Upgrade.response("101 Switching Protocols", List.of("Upgrade: websocket", "Connection: Upgrade", acceptLine));
    }

    private static byte[] status(String status, String... lines) {
        List<String> headers = new ArrayList<>();
        String body = "";
        boolean inBody = false;
        for (String l : lines) {
            if (inBody) body = l;
            else if (l.isEmpty()) inBody = true;
            else headers.add(l);
        }
        return Frames.concat(Upgrade.response(status, headers), Frames.utf8(body));
    }

    private static String flipCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) b.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
        return b.toString();
    }

    /** What is wrong with the client's upgrade request (4.1, 4.2.1), or null. */
    static String requestProblem(Upgrade req) {
        if (!req.method().equals("GET")) return "the request's method is " + req.method() + ", not GET";
        if (!req.version().equals("HTTP/1.1")) return "the request is " + req.version() + ", not HTTP/1.1";
        if (req.header("host").isEmpty()) return "the request has no Host";
        if (!req.header("connection").toLowerCase(Locale.ROOT).contains("upgrade")) return "Connection does not hold Upgrade";
        if (!req.header("sec-websocket-version").equals("13")) return "Sec-WebSocket-Version is '" + req.header("sec-websocket-version") + "', not 13";
        try {
            if (Base64.getDecoder().decode(req.header("sec-websocket-key")).length != 16) return "Sec-WebSocket-Key is not 16 bytes";
        } catch (IllegalArgumentException e) {
            return "Sec-WebSocket-Key is not base64";
        }
        return null;
    }
}
