package dev.duplex.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client's trust: the JDK's default checks, except for a server whose own certificate is pinned by its
 * SHA-256 fingerprint, which is judged by a JDK trust manager whose only trust anchor is that certificate.
 * An anchor is trusted as it is (RFC 5280 validates the path below it, not the anchor), so a pinned
 * certificate needs no issuer and may be out of its dates; the host name check stays the JDK's own, done
 * exactly when the connection's {@code SSLParameters} ask for one, unless {@link TlsContexts.PinnedHost}
 * says a pin stands for the host too.
 *
 * <p>Whatever it refuses, it refuses with a {@link ServerCertificateException} carrying the chain. It never
 * accepts a certificate without either the JDK's checks or a pin.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    /** One check of a chain by a JDK trust manager: with the connection (host name) or without it. */
    @FunctionalInterface
    private interface Check {
        void by(X509ExtendedTrustManager judge) throws CertificateException;
    }

    private final X509ExtendedTrustManager defaults;
    private final Set<Fingerprint> pins;
    private final boolean pinnedHostChecked;

    PinningTrustManager(X509ExtendedTrustManager defaults, Set<Fingerprint> pins, TlsContexts.PinnedHost pinnedHost) {
        this.defaults = defaults;
        this.pins = Set.copyOf(pins);
        this.pinnedHostChecked = pinnedHost == TlsContexts.PinnedHost.CHECKED;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        Check chainOnly = judge -> judge.checkServerTrusted(chain, authType);
        check(chain, chainOnly, chainOnly);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, judge -> judge.checkServerTrusted(chain, authType, socket),
                judge -> judge.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, judge -> judge.checkServerTrusted(chain, authType, engine),
                judge -> judge.checkServerTrusted(chain, authType));
    }

    private void check(X509Certificate[] chain, Check withConnection, Check chainOnly) throws CertificateException {
        if (chain == null || chain.length == 0) {
            withConnection.by(defaults); // the JDK's own refusal: there is no certificate to speak of
            return;
        }
        Instant now = Instant.now();
        boolean pinned = pins.contains(Fingerprint.of(chain[0]));
        X509ExtendedTrustManager judge = pinned ? anchoredOn(chain[0]) : defaults;
        Check check = pinned && !pinnedHostChecked ? chainOnly : withConnection;
        try {
            check.by(judge);
        } catch (CertificateException refused) {
            boolean chainTrusted = check != chainOnly && passes(chainOnly, judge);
            throw new ServerCertificateException(refused, chain, pinned, chainTrusted, now);
        }
    }

    private static boolean passes(Check check, X509ExtendedTrustManager judge) {
        try {
            check.by(judge);
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    /** A trust manager for which {@code pinned} is the one trusted certificate. */
    private static X509ExtendedTrustManager anchoredOn(X509Certificate pinned) throws CertificateException {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("pinned", pinned);
            return TlsContexts.trustManager(anchors);
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateException("could not make a trust manager for the pinned certificate", e);
        }
    }

    // A client context is never asked to judge a client; should it be, the JDK's checks apply, unpinned.

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        defaults.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        defaults.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        defaults.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return defaults.getAcceptedIssuers();
    }
}
