package dev.duplex.i18n;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.duplex.i18n.HandshakeText.Kind;
import dev.duplex.i18n.HandshakeText.Line;
import dev.duplex.tls.TlsFacts;

/**
 * The TLS part of the handshake explainer: what a wss:// connection's TLS said, before its HTTP upgrade,
 * for the window's handshake view and {@code connect --show-handshake} alike.
 */
final class TlsText {
    /** Validity in UTC, to the second: certificates state their dates in UTC. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Texts texts;

    TlsText(Texts texts) {
        this.texts = texts;
    }

    /** Whether the server asked for a client certificate, which CAs it named, and what was sent. */
    private void addClientAuth(List<Line> rows, TlsFacts.ClientAuth auth) {
        if (!auth.asked()) {
            rows.add(new Line(Kind.LINE, texts.get(auth.had() ? "handshake.tls.client.notAskedHad"
                    : "handshake.tls.client.notAsked"), null));
            return;
        }
        rows.add(new Line(Kind.LINE, texts.get("handshake.tls.client.asked"), null));
        if (!auth.issuers().isEmpty()) {
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.client.issuers", String.join("; ", auth.issuers())), null));
        }
        if (!auth.sent().isEmpty()) {
            rows.add(new Line(Kind.OK, texts.get("handshake.tls.client.sent", auth.sent()), null));
        } else {
            rows.add(new Line(Kind.BAD, texts.get(auth.had() ? "handshake.tls.client.noneFitted"
                    : "handshake.tls.client.noneGiven"), null));
        }
    }

    void addTo(List<Line> rows, TlsFacts tls) {
        boolean refused = tls.trust() == TlsFacts.Trust.REFUSED;
        rows.add(new Line(Kind.TITLE, texts.get("handshake.tls", refused ? "✗" : tls.protocol()), null));
        if (!refused) {
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.protocol", tls.protocol()), null));
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.cipher", tls.cipherSuite()), null));
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.alpn",
                    tls.alpn().isEmpty() ? texts.get("handshake.tls.alpnNone") : tls.alpn()), null));
        }
        rows.add(new Line(refused ? Kind.BAD : Kind.OK, texts.get("handshake.tls.trust." + tls.trust().name()), null));
        // A refused chain ends the handshake before a client's certificate is chosen: nothing to say of it then.
        if (!refused || tls.clientAuth().asked()) addClientAuth(rows, tls.clientAuth());
        int n = tls.chain().size();
        for (int i = 0; i < n; i++) {
            TlsFacts.CertificateFacts c = tls.chain().get(i);
            rows.add(new Line(Kind.TITLE, texts.get(i == 0 ? "handshake.tls.certificate.own" : "handshake.tls.certificate",
                    i + 1, n), null));
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.subject", c.subject()), null));
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.issuer", c.issuer()), null));
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.validity", WHEN.format(c.notBefore()),
                    WHEN.format(c.notAfter())), null));
            if (!c.alternativeNames().isEmpty()) {
                rows.add(new Line(Kind.LINE, texts.get("handshake.tls.names", String.join(", ", c.alternativeNames())), null));
            }
            rows.add(new Line(Kind.LINE, texts.get("handshake.tls.fingerprint", c.fingerprint().toString()), null));
        }
    }
}
