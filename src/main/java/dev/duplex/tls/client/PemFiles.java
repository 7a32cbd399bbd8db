package dev.duplex.tls.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PEM as OpenSSL writes it, read with the JDK alone: certificates (one or a chain, a CA bundle), PKCS#8 keys
 * ("PRIVATE KEY"), encrypted PKCS#8 keys ("ENCRYPTED PRIVATE KEY", PBES2 as OpenSSL 1.1+ makes them) and
 * PKCS#1 RSA keys ("RSA PRIVATE KEY", wrapped into PKCS#8 here). Not read: SEC1 "EC PRIVATE KEY" and
 * OpenSSL's old encrypted PEM (a "Proc-Type: 4,ENCRYPTED" header); both are refused with words that say how
 * to convert them ({@code openssl pkcs8 -topk8}).
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    /** The algorithms a PKCS#8 key may be for; the first whose factory reads it wins. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");
    /** rsaEncryption's AlgorithmIdentifier, with its NULL parameters, in DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    /** One PEM block: its label ("CERTIFICATE", "PRIVATE KEY") and its bytes, or its headers when it has any. */
    record Block(String label, byte[] der, boolean hasHeaders) { }

    private PemFiles() { }

    static boolean isPem(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    static List<Block> blocks(byte[] bytes) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(new String(bytes, StandardCharsets.US_ASCII));
        while (m.find()) {
            String body = m.group(2);
            boolean headers = body.contains(":");
            try {
                out.add(new Block(m.group(1), headers ? new byte[0] : Base64.getMimeDecoder().decode(body), headers));
            } catch (IllegalArgumentException e) {
                out.add(new Block(m.group(1), new byte[0], true));
            }
        }
        return out;
    }

    /** The certificates of the file's CERTIFICATE blocks, in order. */
    static List<X509Certificate> certificates(List<Block> blocks) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!b.label().equals("CERTIFICATE") && !b.label().equals("TRUSTED CERTIFICATE")) continue;
            for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(b.der()))) {
                if (c instanceof X509Certificate x) out.add(x);
            }
        }
        return out;
    }

    /** Why a key block cannot be read. */
    static final class KeyProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final ClientTlsFileException.Reason reason;

        KeyProblem(ClientTlsFileException.Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }

    /** The first private key among {@code blocks}, or null when there is none. */
    static PrivateKey privateKey(List<Block> blocks, char[] password) throws KeyProblem {
        for (Block b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der());
                }
                case "ENCRYPTED PRIVATE KEY" -> {
                    return pkcs8(decrypt(b.der(), password));
                }
                case "RSA PRIVATE KEY" -> {
                    if (b.hasHeaders()) throw oldEncryption();
                    return pkcs8(wrapRsa(b.der()));
                }
                case "EC PRIVATE KEY", "DSA PRIVATE KEY" -> {
                    if (b.hasHeaders()) throw oldEncryption();
                    throw new KeyProblem(ClientTlsFileException.Reason.KEY_FORMAT, "a \"" + b.label()
                            + "\" the JDK cannot read; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem",
                            null);
                }
                default -> { }
            }
        }
        return null;
    }

    private static KeyProblem oldEncryption() {
        return new KeyProblem(ClientTlsFileException.Reason.KEY_FORMAT, "OpenSSL's old PEM encryption, which the JDK "
                + "cannot read; convert it to PKCS#8: openssl pkcs8 -topk8 -in KEY -out key.pem", null);
    }

    private static PrivateKey pkcs8(byte[] der) throws KeyProblem {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm: try the next
            }
        }
        throw new KeyProblem(ClientTlsFileException.Reason.KEY_FORMAT, "a PKCS#8 key of an algorithm this JDK cannot read", null);
    }

    private static byte[] decrypt(byte[] der, char[] password) throws KeyProblem {
        if (password == null || password.length == 0) {
            throw new KeyProblem(ClientTlsFileException.Reason.WRONG_PASSWORD, "the key is encrypted: give its password", null);
        }
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (java.io.IOException e) {
            throw new KeyProblem(ClientTlsFileException.Reason.KEY_FORMAT, "not an encrypted PKCS#8 key", e);
        }
        try {
            // For PBES2 the parameters name the whole scheme ("PBEWithHmacSHA256AndAES_256"); older PBE
            // schemes are named by the algorithm itself.
            String scheme = info.getAlgParameters() != null && info.getAlgName().contains("PBES2")
                    ? info.getAlgParameters().toString() : info.getAlgName();
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(password)),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new KeyProblem(ClientTlsFileException.Reason.KEY_FORMAT,
                    "the key is encrypted with " + info.getAlgName() + ", which this JDK cannot decrypt", e);
        } catch (GeneralSecurityException e) {
            throw new KeyProblem(ClientTlsFileException.Reason.WRONG_PASSWORD, "the password does not decrypt the key", e);
        }
    }

    /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as an OCTET STRING. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(element(0x04, pkcs1));
        return element(0x30, body.toByteArray());
    }

    private static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
