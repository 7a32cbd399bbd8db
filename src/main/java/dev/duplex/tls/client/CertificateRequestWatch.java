package dev.duplex.tls.client;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

import dev.duplex.tls.TlsFacts;

/**
 * The client's key manager for one connection: it presents the user's certificate, if any, when the server
 * asks for one, and keeps what happened for the handshake view. The JDK asks a client's key manager for an
 * alias only when the server sent a CertificateRequest, so being asked is the sign of one.
 *
 * <p>Unlike the JDK's own key manager it does not hold back a certificate whose issuer is not among those the
 * server named: as curl does, it sends the one the user chose, so that a refusal comes from the server and
 * says so, instead of a silent "no certificate".
 */
public final class CertificateRequestWatch extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final ClientTls.ClientCertificate certificate;
    private volatile boolean asked;
    private volatile List<String> issuers = List.of();
    private volatile String sent = "";

    /** @param certificate the one to present, or null to present none (and still see whether one was asked for) */
    public CertificateRequestWatch(ClientTls.ClientCertificate certificate) {
        this.certificate = certificate;
    }

    /** What happened so far: whether the server asked, for which issuers, and what was sent. */
    public TlsFacts.ClientAuth facts() {
        return new TlsFacts.ClientAuth(asked, issuers, sent, certificate != null);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes, issuers);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, issuers);
    }

    private synchronized String choose(String[] keyTypes, Principal[] named) {
        asked = true;
        if (named != null) {
            issuers = Arrays.stream(named).map(p -> p instanceof X500Principal x ? x.getName(X500Principal.RFC2253)
                    : p.getName()).toList();
        }
        if (certificate == null || keyTypes == null) return null;
        for (String type : keyTypes) {
            if (fits(certificate.key().getAlgorithm(), type)) {
                sent = certificate.chain().get(0).getSubjectX500Principal().getName(X500Principal.RFC2253);
                return ALIAS;
            }
        }
        return null;
    }

    private static boolean fits(String keyAlgorithm, String keyType) {
        String type = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType; // "EC_EC" (TLS 1.2)
        return switch (keyAlgorithm) {
            case "RSA" -> type.equals("RSA") || type.equals("RSASSA-PSS");
            case "Ed25519", "Ed448", "EdDSA" -> type.equals("EdDSA") || type.equals(keyAlgorithm);
            default -> type.equals(keyAlgorithm);
        };
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return certificate != null && ALIAS.equals(alias) ? certificate.chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return certificate != null && ALIAS.equals(alias) ? certificate.key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return certificate == null ? null : new String[] {ALIAS};
    }

    // A client's key manager is never asked to serve.

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
