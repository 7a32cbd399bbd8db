package dev.duplex.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a TLS server presents: its private key and its certificate chain, the server's own certificate (the
 * leaf) first, then any intermediates up to (not necessarily including) the root.
 */
public record ServerIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public ServerIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server identity needs at least its own certificate");
        }
    }

    /** The server's own certificate, the one clients check the host name against and pin by fingerprint. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of {@link #certificate()}, as a client would pin it. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate());
    }
}
