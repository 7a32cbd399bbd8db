package dev.duplex.i18n;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.WsEvent;
import dev.duplex.protocol.AcceptCheck;

/**
 * The handshake explainer in lines, for the window and for {@code connect --show-handshake}: the
 * request and the answer header by header, each with its explanation from RFC 6455, the body of a
 * refusal, what was negotiated, and the Sec-WebSocket-Accept check step by step; on wss:// first what TLS
 * said ({@link TlsText}).
 */
public final class HandshakeText {
    /** What a line is, for its style: a heading, a plain line, a check that passed, a problem. */
    public enum Kind { TITLE, LINE, OK, BAD }

    /** One line, with its explanation (or null). */
    public record Line(Kind kind, String text, String tip) { }

    private final Texts texts;
    private final Help help;

    public HandshakeText(Texts texts) {
        this.texts = texts;
        this.help = Help.of(texts.locale());
    }

    public List<Line> lines(WsEvent.Handshake h) {
        HandshakeRecord r = h.record();
        List<Line> rows = new ArrayList<>();
        // Through a proxy the tunnel came first, then on wss:// TLS inside it, so they come first here.
        if (r.tunnel() != null) {
            new RouteText(texts).addTo(rows, r.tunnel());
            if (r.request().isEmpty()) return rows; // the tunnel failed: no upgrade was sent
        }
        if (r.tls() != null) new TlsText(texts).addTo(rows, r.tls());
        rows.add(new Line(Kind.TITLE, texts.get("handshake.request", EventText.time(h.at()), h.peer()), null));
        rows.add(new Line(Kind.LINE, r.requestLine(), null));
        for (HandshakeRecord.Header header : r.requestHeaders()) {
            rows.add(new Line(Kind.LINE, header.name() + ": " + header.value(), help.header(header.name())));
        }
        rows.add(new Line(Kind.TITLE, texts.get("handshake.response"), null));
        if (r.statusLine().isEmpty()) {
            rows.add(new Line(Kind.BAD, new EventText(texts).answer(r), null));
        } else {
            boolean accepted = r.status() == 101;
            rows.add(new Line(accepted ? Kind.LINE : Kind.BAD, r.statusLine(),
                    accepted ? help.status(101) : texts.get("handshake.refused", r.status())));
            for (HandshakeRecord.Header header : r.responseHeaders()) {
                rows.add(new Line(Kind.LINE, header.name() + ": " + header.value(), help.header(header.name())));
            }
        }
        if (r.status() != 101 && !r.body().isEmpty()) {
            rows.add(new Line(Kind.TITLE, texts.get("handshake.body"), null));
            for (String line : r.body().split("\r?\n")) rows.add(new Line(Kind.LINE, line, null));
        }
        if (r.status() == 101) {
            rows.add(new Line(Kind.TITLE, texts.get("handshake.negotiated"), null));
            String protocol = r.responseHeader("Sec-WebSocket-Protocol");
            String extensions = r.responseHeader("Sec-WebSocket-Extensions");
            rows.add(new Line(Kind.LINE, texts.get("handshake.subprotocol",
                    protocol.isEmpty() ? texts.get("handshake.nothing") : protocol), help.header("Sec-WebSocket-Protocol")));
            rows.add(new Line(Kind.LINE, texts.get("handshake.extensions",
                    extensions.isEmpty() ? texts.get("handshake.nothing") : extensions),
                    help.header("Sec-WebSocket-Extensions")));
        }
        String key = r.requestHeader("Sec-WebSocket-Key");
        if (!key.isEmpty() && !r.statusLine().isEmpty()) {
            rows.add(new Line(Kind.TITLE, texts.get("handshake.acceptCheck"), help.header("Sec-WebSocket-Accept")));
            String sent = r.responseHeader("Sec-WebSocket-Accept");
            Kind kind = AcceptCheck.of(key).verdict(sent) == AcceptCheck.Verdict.MATCH ? Kind.OK : Kind.BAD;
            for (String line : acceptSteps(key, sent).split("\n")) rows.add(new Line(kind, line, null));
        }
        return rows;
    }

    /** The Accept computation in steps; given the server's answer (not null), a final ✓ or ✗ line. */
    public String acceptSteps(String key, String sentByServer) {
        if (key == null || key.isBlank()) return "";
        AcceptCheck c = AcceptCheck.of(key.strip());
        StringBuilder sb = new StringBuilder();
        sb.append(texts.get("accept.step1", c.key(), AcceptCheck.GUID)).append('\n');
        sb.append("   ").append(c.concatenated()).append('\n');
        sb.append(texts.get("accept.step2")).append('\n');
        sb.append("   ").append(c.sha1HexPairs()).append('\n');
        sb.append(texts.get("accept.step3")).append('\n');
        sb.append("   ").append(c.expectedAccept());
        if (!c.keyWellFormed()) sb.append('\n').append(texts.get("accept.badKey"));
        if (sentByServer != null) {
            sb.append('\n').append(switch (c.verdict(sentByServer)) {
                case MATCH -> texts.get("accept.match", sentByServer);
                case MISMATCH -> texts.get("accept.mismatch", sentByServer);
                case MISSING -> texts.get("accept.missing");
            });
        }
        return sb.toString();
    }

    /** All lines as plain text, the explanations indented under their lines (for the command line). */
    public String text(WsEvent.Handshake h) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines(h)) {
            sb.append(line.kind() == Kind.TITLE ? "== " : "   ").append(line.text()).append('\n');
            if (line.tip() != null && !line.tip().isEmpty()) sb.append("        ").append(line.tip()).append('\n');
        }
        return sb.toString();
    }
}
