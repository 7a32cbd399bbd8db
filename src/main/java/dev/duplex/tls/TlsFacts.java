package dev.duplex.tls;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * What the TLS under a wss:// connection said, for the handshake view and {@code --show-handshake}: the
 * protocol version, the cipher suite, the application protocol (ALPN) the server chose, the server's
 * certificate chain as it sent it, and what made the client trust it.
 *
 * @param alpn  the protocol the server chose from the client's offer, or "" when it chose none
 * @param chain the server's certificates, its own first
 */
public record TlsFacts(String protocol, String cipherSuite, String alpn, List<CertificateFacts> chain, Trust trust,
        ClientAuth clientAuth) {
    /** Why the client went on, or did not. */
    public enum Trust {
        /** The JDK's own checks passed: a chain to one of its trusted authorities, in date, for this host. */
        JDK,
        /** The server's own certificate is one the user pinned by its fingerprint. */
        PINNED,
        /** The chain leads to a CA of the CA file the user gave (--ca), which the JDK alone does not trust. */
        CA_FILE,
        /** The client refused the chain; the connection never got past TLS. */
        REFUSED
    }

    /** One certificate, as a user checks it. */
    public record CertificateFacts(String subject, String issuer, Instant notBefore, Instant notAfter,
            List<String> alternativeNames, Fingerprint fingerprint) {

        static CertificateFacts of(X509Certificate c) {
            return new CertificateFacts(c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    c.getIssuerX500Principal().getName(X500Principal.RFC2253), c.getNotBefore().toInstant(),
                    c.getNotAfter().toInstant(), alternativeNames(c), Fingerprint.of(c));
        }

        /** The subject alternative names a host name check reads, as "DNS:…" and "IP:…"; others by type number. */
        private static List<String> alternativeNames(X509Certificate c) {
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> all = c.getSubjectAlternativeNames();
                if (all == null) return List.of();
                for (List<?> name : all) {
                    int type = (Integer) name.get(0);
                    String prefix = switch (type) {
                        case 2 -> "DNS:";
                        case 7 -> "IP:";
                        case 1 -> "email:";
                        case 6 -> "URI:";
                        default -> "type " + type + ":";
                    };
                    names.add(prefix + (name.get(1) instanceof String s ? s : "(binary)"));
                }
            } catch (CertificateParsingException e) {
                names.add("(unreadable: " + e.getMessage() + ")");
            }
            return List.copyOf(names);
        }
    }

    /**
     * Whether the server asked for a client certificate (a CertificateRequest) and what the client sent.
     *
     * @param asked   the server asked for one
     * @param issuers the CAs the server named as acceptable, RFC 2253; empty when it named none
     * @param sent    the subject of the certificate sent, or "" when none was
     * @param had     the user gave a certificate to present
     */
    public record ClientAuth(boolean asked, List<String> issuers, String sent, boolean had) {
        public static final ClientAuth NOT_ASKED = new ClientAuth(false, List.of(), "", false);

        public ClientAuth {
            issuers = List.copyOf(issuers);
            sent = sent == null ? "" : sent;
        }
    }

    public TlsFacts {
        chain = List.copyOf(chain);
        if (clientAuth == null) clientAuth = ClientAuth.NOT_ASKED;
    }

    public TlsFacts(String protocol, String cipherSuite, String alpn, List<CertificateFacts> chain, Trust trust) {
        this(protocol, cipherSuite, alpn, chain, trust, ClientAuth.NOT_ASKED);
    }

    /** These facts, trusted for {@code why} and with what the client did about a certificate request. */
    public TlsFacts with(Trust why, ClientAuth auth) {
        return new TlsFacts(protocol, cipherSuite, alpn, chain, why, auth);
    }

    /**
     * The facts of an established session. A leaf certificate among {@code pins} was trusted by its pin: the
     * client's trust manager judges a pinned leaf by the pin alone.
     */
    public static TlsFacts of(SSLSession session, String alpn, Collection<Fingerprint> pins) {
        List<CertificateFacts> chain = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) chain.add(CertificateFacts.of(x));
            }
        } catch (SSLPeerUnverifiedException e) {
            // an anonymous suite: no chain to show (the JDK enables none by default)
        }
        boolean pinned = !chain.isEmpty() && pins.contains(chain.get(0).fingerprint());
        return new TlsFacts(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn, chain,
                pinned ? Trust.PINNED : Trust.JDK);
    }

    /** The facts of a chain the client refused: no session came of it. */
    public static TlsFacts refused(List<X509Certificate> chain) {
        return new TlsFacts("", "", "", chain.stream().map(CertificateFacts::of).toList(), Trust.REFUSED);
    }
}
