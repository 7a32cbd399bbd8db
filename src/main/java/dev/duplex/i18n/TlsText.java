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
