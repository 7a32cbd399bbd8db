package dev.duplex.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The {@link SSLContext}s of wss://: one for the embedded server, presenting a {@link ServerIdentity}, and one
 * for the client, trusting what the JDK trusts plus certificates the user pinned by fingerprint.
 *
 * <h2>Protocols</h2>
 * An SSLContext cannot itself limit the protocol versions; its engines and sockets can. Give them
 * {@link #limitProtocols(SSLParameters)}: TLS 1.3 and 1.2 only, whatever a user's {@code java.security}
 * re-enables. With Java-WebSocket that means {@code SSLParametersWebSocketServerFactory} on the server (the
 * default factory applies none) and, in the client, an override of {@code onSetSSLParameters} that calls
 * {@code super} first (it turns on the host name check) and then this.
 *
 * <h2>Pinning, and what it skips</h2>
 * A pin is the SHA-256 {@link Fingerprint} of one exact server certificate. When the server's own (leaf)
 * certificate has a pinned fingerprint, the JDK's chain checks are skipped for it: who issued it (self-signed
 * is fine), its validity dates (expired is fine), its key usages, revocation where enabled. What a pin does
 * not skip: the TLS handshake's proof that the server holds the certificate's private key (a pin cannot be
 * satisfied by replaying someone's certificate), and, with {@link PinnedHost#CHECKED}, the host name check.
 * That check is never implied by the context: as with the JDK's own trust, it runs exactly when the
 * connection asks for it with {@code SSLParameters.setEndpointIdentificationAlgorithm("HTTPS")}
 * (Java-WebSocket's client does by default), for pinned and unpinned certificates alike. Certificates that
 * are not pinned get the JDK's default checks unchanged; nothing is ever trusted without them or a pin.
 *
 * <h2>Serving: a handshake must not hold up the next client</h2>
 * A TLS handshake waits on the client. One that connects and never sends its ClientHello (a port scanner, a
 * stalled or hostile client) must not keep a second client from being served. With blocking sockets: the
 * accept loop only accepts; each accepted socket's handshake runs on a thread of its own, under a read timeout
 * that bounds it, cleared once the handshake is done:
 *
 * <pre>{@code
 * while (open) {
 *     SSLSocket s = (SSLSocket) server.accept();       // returns before any TLS byte is read
 *     handshakes.execute(() -> {
 *         try (s) {
 *             s.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS); // a silent client is dropped after this
 *             s.startHandshake();
 *             s.setSoTimeout(0);
 *             serve(s);
 *         } catch (IOException e) { ... }             // TlsProblem.of(e) says what went wrong
 *     });
 * }
 * }</pre>
 *
 * Calling {@code startHandshake()} (or the first read or write, which starts it) in the accept loop itself
 * would stop every later client behind the silent one until its timeout, or for good without one.
 * {@code SilentClientTest} shows both, over loopback.
 *
 * <p>Java-WebSocket 1.6.0's server is a single NIO selector thread; its {@code SSLSocketChannel2} drives each
 * {@code SSLEngine} handshake without blocking, so a silent client does not stop the next one. It costs,
 * though: while a handshake is unfinished the channel keeps asking to write ({@code isNeedWrite()}, marked
 * FIXME there), and the selector spins, using most of a core, for as long as the silent client stays connected;
 * and nothing ever closes it, as the connection-lost timer only sees connections whose WebSocket opened. So
 * the same deadline belongs there: a factory extending {@code SSLParametersWebSocketServerFactory} whose
 * {@code wrapChannel} schedules a check that closes the {@code SocketChannel} if its engine
 * ({@code ISSLChannel.getSSLEngine()}) is still handshaking when the deadline comes.
 */
public final class TlsContexts {
    /** TLS 1.3 and 1.2: what browsers speak; 1.1 and 1.0 are broken and disabled in current JDKs anyway. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether a pinned certificate must still name the host the client connected to. */
    public enum PinnedHost {
        /**
         * A pin replaces the chain checks only: when the connection asks for the host name check, a pinned
         * certificate must pass it like any other. The safer choice, and the default.
         */
        CHECKED,
        /**
         * A pin stands for the server on its own, as a known host does in SSH: the host name check is skipped
         * too, for pinned certificates only. For a user who trusted this exact certificate at this address
         * knowing it names another host (a local server reached by its LAN address, say).
         */
        NOT_CHECKED
    }

    /** Only ever used in memory, to hand the key to a KeyManagerFactory. */
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() { }

    /** A server context presenting {@code identity}'s certificate chain and proving it with its key. */
    public static SSLContext server(ServerIdentity identity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", identity.privateKey(), IN_MEMORY, identity.chain().toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot serve TLS with this key and certificate: " + e.getMessage(), e);
        }
    }

    /** A client context with the JDK's default trust and no pins. */
    public static SSLContext client() {
        return client(Set.of(), PinnedHost.CHECKED);
    }

    /** A client context with the JDK's default trust plus {@code pins}, whose host names stay checked. */
    public static SSLContext client(Collection<Fingerprint> pins) {
        return client(pins, PinnedHost.CHECKED);
    }

    /**
     * A client context with the JDK's default trust (its {@code cacerts}) plus {@code pins}; see the class
     * comment for what a pin skips. Its refusals are {@link ServerCertificateException}s, which
     * {@link TlsProblem#of} reads.
     */
    public static SSLContext client(Collection<Fingerprint> pins, PinnedHost pinnedHost) {
        try {
            TrustManager trust = new PinningTrustManager(trustManager(null), Set.copyOf(pins), pinnedHost);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS client", e);
        }
    }

    /**
     * As {@link #client(Collection)}, telling {@code refused} of each certificate refusal as it happens, on
     * the thread doing the handshake. A caller whose library reports a failed handshake on one thread and the
     * closed connection on another learns the reason before the close this way.
     */
    public static SSLContext client(Collection<Fingerprint> pins,
            java.util.function.Consumer<? super java.security.cert.CertificateException> refused) {
        try {
            X509ExtendedTrustManager inner = new PinningTrustManager(trustManager(null), Set.copyOf(pins), PinnedHost.CHECKED);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ReportingTrustManager(inner, refused)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS client", e);
        }
    }

    /**
     * As {@link #client(Collection, java.util.function.Consumer)}, presenting a client certificate through
     * {@code keys} when the server asks for one, and trusting {@code authorities} (a user's CA file) on top of
     * the JDK's: a chain the JDK refuses and one of them accepts is trusted, and {@code trustedByAuthorities}
     * is told so.
     *
     * @param keys                the client's key manager, or null for the JDK's (which presents none)
     * @param authorities         CAs to trust besides the JDK's, empty for none
     * @param trustedByAuthorities told, on the handshake's thread, when only {@code authorities} trusted the chain
     */
    public static SSLContext client(Collection<Fingerprint> pins,
            java.util.function.Consumer<? super java.security.cert.CertificateException> refused,
            javax.net.ssl.KeyManager keys, List<java.security.cert.X509Certificate> authorities,
            Runnable trustedByAuthorities) {
        try {
            X509ExtendedTrustManager base = trustManager(null);
            if (!authorities.isEmpty()) base = new AuthorityTrustManager(base, authorities, trustedByAuthorities);
            X509ExtendedTrustManager inner = new PinningTrustManager(base, Set.copyOf(pins), PinnedHost.CHECKED);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : new javax.net.ssl.KeyManager[] {keys},
                    new TrustManager[] {new ReportingTrustManager(inner, refused)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS client", e);
        }
    }

    /** Passes every check to {@code inner}, and tells {@code refused} of each refusal before rethrowing it. */
    private static final class ReportingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager inner;
        private final java.util.function.Consumer<? super java.security.cert.CertificateException> refused;

        ReportingTrustManager(X509ExtendedTrustManager inner,
                java.util.function.Consumer<? super java.security.cert.CertificateException> refused) {
            this.inner = inner;
            this.refused = refused;
        }

        private interface Check {
            void run() throws java.security.cert.CertificateException;
        }

        private void reporting(Check check) throws java.security.cert.CertificateException {
            try {
                check.run();
            } catch (java.security.cert.CertificateException e) {
                refused.accept(e);
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket socket)
                throws java.security.cert.CertificateException {
            reporting(() -> inner.checkServerTrusted(chain, auth, socket));
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            reporting(() -> inner.checkServerTrusted(chain, auth, engine));
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth)
                throws java.security.cert.CertificateException {
            reporting(() -> inner.checkServerTrusted(chain, auth));
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket socket)
                throws java.security.cert.CertificateException {
            inner.checkClientTrusted(chain, auth, socket);
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            inner.checkClientTrusted(chain, auth, engine);
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth)
                throws java.security.cert.CertificateException {
            inner.checkClientTrusted(chain, auth);
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return inner.getAcceptedIssuers();
        }
    }

    /** {@code parameters} limited to {@link #PROTOCOLS}; returns them for chaining. */
    public static SSLParameters limitProtocols(SSLParameters parameters) {
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        return parameters;
    }

    /** The JDK's PKIX trust manager over {@code anchors}, or over its default {@code cacerts} when null. */
    static X509ExtendedTrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK's PKIX TrustManagerFactory made no X509ExtendedTrustManager");
    }
}
