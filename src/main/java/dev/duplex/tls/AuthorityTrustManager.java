package dev.duplex.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust, and then a user's CA file (company CAs): a chain the JDK refuses is judged again by a JDK
 * trust manager whose anchors are the file's certificates, with the same checks (dates, key usage, and the
 * host name when the connection asks for it). When both refuse, the CA file's refusal is the one thrown (it
 * says more of a chain meant for it: expired, wrong host), with the JDK's attached as suppressed.
 */
final class AuthorityTrustManager extends X509ExtendedTrustManager {
    @FunctionalInterface
    private interface Check {
        void by(X509ExtendedTrustManager judge) throws CertificateException;
    }

    private final X509ExtendedTrustManager jdk;
    private final X509ExtendedTrustManager file;
    private final Runnable trustedByFile;

    AuthorityTrustManager(X509ExtendedTrustManager jdk, List<X509Certificate> authorities, Runnable trustedByFile)
            throws GeneralSecurityException {
        this.jdk = jdk;
        this.trustedByFile = trustedByFile == null ? () -> { } : trustedByFile;
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate c : authorities) anchors.setCertificateEntry("ca" + i++, c);
            this.file = TlsContexts.trustManager(anchors);
        } catch (IOException e) {
            throw new GeneralSecurityException("could not hold the CA file's certificates", e);
        }
    }

    private void check(Check check) throws CertificateException {
        try {
            check.by(jdk);
        } catch (CertificateException byJdk) {
            try {
                check.by(file);
            } catch (CertificateException byFile) {
                byFile.addSuppressed(byJdk);
                throw byFile;
            }
            trustedByFile.run();
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(judge -> judge.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(judge -> judge.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(judge -> judge.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>(Arrays.asList(jdk.getAcceptedIssuers()));
        all.addAll(Arrays.asList(file.getAcceptedIssuers()));
        return all.toArray(X509Certificate[]::new);
    }
}
