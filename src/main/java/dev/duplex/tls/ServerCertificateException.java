package dev.duplex.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A server's certificate was refused by a {@link TlsContexts#client client context}; carries the chain the
 * server showed, so that {@link TlsProblem} can name the certificate and its fingerprint after the handshake
 * has failed (when the session, and with it the chain, is gone).
 *
 * <p>It is thrown from the trust manager in place of the JDK's own exception, with that exception's message
 * and cause: the JDK chooses the TLS alert it sends the server from the cause, so the server sees the same
 * alert as without this class. The JDK's exception itself is kept as a suppressed exception, for logs.
 */
public final class ServerCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient List<X509Certificate> chain;
    private final boolean pinned;
    private final boolean chainTrusted;
    private final Instant checkedAt;

    ServerCertificateException(CertificateException refused, X509Certificate[] chain, boolean pinned,
            boolean chainTrusted, Instant checkedAt) {
        super(refused.getMessage(), refused.getCause());
        addSuppressed(refused);
        this.chain = List.of(chain);
        this.pinned = pinned;
        this.chainTrusted = chainTrusted;
        this.checkedAt = checkedAt;
    }

    /** The chain the server showed, its own certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The server's certificate was one of the pinned ones: only the host name check can have refused it. */
    public boolean pinned() {
        return pinned;
    }

    /**
     * The chain alone was trusted (by the default trust or a pin): what failed was a check of this connection,
     * the host name (or, rarely, a signature algorithm this connection's parameters exclude).
     */
    public boolean chainTrusted() {
        return chainTrusted;
    }

    /** When the trust manager judged the chain; the validity dates are compared with this instant. */
    public Instant checkedAt() {
        return checkedAt;
    }
}
