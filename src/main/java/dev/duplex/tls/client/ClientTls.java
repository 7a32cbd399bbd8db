package dev.duplex.tls.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.duplex.tls.client.ClientTlsFileException.Reason;

/**
 * What a client's TLS brings of its own, read from {@link ClientTlsFiles}: a certificate to present when the
 * server asks for one (mTLS), and CAs to trust on top of the JDK's. Reading blocks on the disk: never on the
 * FX thread.
 *
 * @param certificate the key and chain to present, or null for none
 * @param authorities the CA file's certificates, empty for none
 * @param caFile      the CA file's name, for "trusted by …"; null without one
 */
public record ClientTls(ClientCertificate certificate, List<X509Certificate> authorities, String caFile) {
    public static final ClientTls NONE = new ClientTls(null, List.of(), null);

    /** A private key and the certificate chain it proves, its own certificate first. */
    public record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {
        public ClientCertificate {
            chain = List.copyOf(chain);
        }
    }

    public ClientTls {
        authorities = List.copyOf(authorities);
    }

    /** Reads the files; none given is {@link #NONE}. */
    public static ClientTls load(ClientTlsFiles files) throws IOException {
        if (files == null || files.isEmpty()) return NONE;
        char[] password = files.password() == null ? new char[0] : files.password().toCharArray();
        ClientCertificate certificate = null;
        if (files.certificate() != null) {
            certificate = certificate(files.certificate(), files.key(), password);
        } else if (files.key() != null) {
            throw new ClientTlsFileException(files.key(), Reason.NO_KEY, "a key without its certificate", null);
        }
        List<X509Certificate> authorities = List.of();
        if (files.authorities() != null) authorities = authorities(files.authorities());
        return new ClientTls(certificate, authorities,
                files.authorities() == null ? null : files.authorities().getFileName().toString());
    }

    private static byte[] read(Path file) throws ClientTlsFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new ClientTlsFileException(file, Reason.UNREADABLE, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static ClientCertificate certificate(Path file, Path keyFile, char[] password) throws ClientTlsFileException {
        byte[] bytes = read(file);
        if (!PemFiles.isPem(bytes)) return pkcs12(file, bytes, password);
        List<PemFiles.Block> blocks = PemFiles.blocks(bytes);
        List<X509Certificate> chain;
        try {
            chain = PemFiles.certificates(blocks);
        } catch (GeneralSecurityException e) {
            throw new ClientTlsFileException(file, Reason.NOT_A_CERTIFICATE, "a damaged PEM certificate", e);
        }
        if (chain.isEmpty()) throw new ClientTlsFileException(file, Reason.NOT_A_CERTIFICATE, "no PEM certificate in it", null);
        Path keyFrom = keyFile != null ? keyFile : file;
        PrivateKey key;
        try {
            key = PemFiles.privateKey(keyFile != null ? PemFiles.blocks(read(keyFile)) : blocks, password);
        } catch (PemFiles.KeyProblem p) {
            throw new ClientTlsFileException(keyFrom, p.reason, p.getMessage(), p.getCause());
        }
        if (key == null) {
            throw new ClientTlsFileException(keyFrom, Reason.NO_KEY, keyFile != null ? "no PEM private key in it"
                    : "a PEM certificate without its key: give the key file too", null);
        }
        if (!matches(key, chain.get(0))) {
            throw new ClientTlsFileException(keyFrom, Reason.KEY_MISMATCH, "the key is not the certificate's", null);
        }
        return new ClientCertificate(key, chain);
    }

    private static ClientCertificate pkcs12(Path file, byte[] bytes, char[] password) throws ClientTlsFileException {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ClientTlsFileException(file, Reason.WRONG_PASSWORD, "wrong password", e);
            }
            throw new ClientTlsFileException(file, Reason.NOT_A_CERTIFICATE, "neither PKCS#12 nor PEM", e);
        } catch (GeneralSecurityException e) {
            throw new ClientTlsFileException(file, Reason.NOT_A_CERTIFICATE, "not a PKCS#12 file this JDK reads", e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) continue;
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(store.getKey(alias, password) instanceof PrivateKey key) || chain == null || chain.length == 0) continue;
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate c : chain) {
                    if (c instanceof X509Certificate x) certificates.add(x);
                }
                return new ClientCertificate(key, certificates);
            }
        } catch (UnrecoverableKeyException e) {
            throw new ClientTlsFileException(file, Reason.WRONG_PASSWORD, "the password opens the file but not its key", e);
        } catch (GeneralSecurityException e) {
            throw new ClientTlsFileException(file, Reason.NOT_A_CERTIFICATE, "its key could not be read", e);
        }
        throw new ClientTlsFileException(file, Reason.NO_KEY, "no private key with its certificate in it", null);
    }

    /** Whether {@code key} signs what {@code certificate}'s public key verifies. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "RSASSA-PSS" -> null;
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA sign as themselves
        };
        if (algorithm == null) return true; // its parameters would be needed; the handshake checks it anyway
        try {
            byte[] data = new byte[32];
            new SecureRandom().nextBytes(data);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> authorities(Path file) throws ClientTlsFileException {
        byte[] bytes = read(file);
        try {
            List<X509Certificate> all = PemFiles.certificates(PemFiles.blocks(bytes));
            if (all.isEmpty()) throw new ClientTlsFileException(file, Reason.NOT_A_CA_FILE, "no PEM certificate in it", null);
            return all;
        } catch (GeneralSecurityException e) {
            throw new ClientTlsFileException(file, Reason.NOT_A_CA_FILE, "a damaged PEM certificate", e);
        }
    }
}
