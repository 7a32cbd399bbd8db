package dev.duplex.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.duplex.files.AtomicFiles;
import dev.duplex.tls.KeyStoreFileException.Reason;

/**
 * A server's key and certificate chain in a PKCS#12 file: Duplex's own (its self-signed certificate, kept so
 * clients that pinned it keep trusting it across restarts) or one a user brings, made by keytool or OpenSSL.
 */
public final class KeyStores {
    /** The alias Duplex saves its own key under. */
    public static final String ALIAS = "duplex";

    private KeyStores() { }

    /**
     * Writes {@code identity} under {@link #ALIAS}, encrypted and integrity-protected with {@code password}.
     * The file is written beside {@code file} and then moved over it, so a crash or a full disk leaves the
     * old file or the new one, never half of one; on POSIX systems only its owner can read it.
     */
    public static void save(Path file, ServerIdentity identity, char[] password) throws IOException {
        byte[] bytes;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, identity.privateKey(), password, identity.chain().toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            bytes = out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK could not write a PKCS#12 key store", e);
        }
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The first key entry of a PKCS#12 file, in the file's order. */
    public static ServerIdentity load(Path file, char[] password) throws IOException {
        return load(file, password, null);
    }

    /**
     * The key entry {@code alias} of a PKCS#12 file, or its first key entry when {@code alias} is null. The
     * key's own password is taken to be the file's, as keytool and OpenSSL make them.
     *
     * @throws KeyStoreFileException the password is wrong, the file is not PKCS#12, or it has no such key
     */
    public static ServerIdentity load(Path file, char[] password, String alias) throws IOException {
        KeyStore store = open(file, password);
        try {
            String entry = alias != null ? alias : firstKeyEntry(store);
            if (entry == null || !store.isKeyEntry(entry)) {
                throw new KeyStoreFileException(file, Reason.NO_KEY_ENTRY, alias != null
                        ? "no private key under the alias \"" + alias + "\"; its entries: " + aliases(store)
                        : "no private key entry; its entries: " + aliases(store), null);
            }
            Key key = store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
                throw new KeyStoreFileException(file, Reason.NO_KEY_ENTRY,
                        "the entry \"" + entry + "\" is not a private key with its certificate", null);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                if (!(c instanceof X509Certificate x509)) {
                    throw new KeyStoreFileException(file, Reason.NOT_PKCS12,
                            "the entry \"" + entry + "\" has a " + c.getType() + " certificate, not X.509", null);
                }
                certificates.add(x509);
            }
            return new ServerIdentity((PrivateKey) key, certificates);
        } catch (UnrecoverableKeyException e) {
            throw new KeyStoreFileException(file, Reason.WRONG_PASSWORD,
                    "the password opens the file but not its key", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFileException(file, Reason.NOT_PKCS12, "the key could not be read: " + e.getMessage(), e);
        }
    }

    private static KeyStore open(Path file, char[] password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            // KeyStore reports a failed integrity check (the only sign of a wrong password) as an IOException
            // caused by UnrecoverableKeyException; any other IOException here is a parse failure of the bytes.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyStoreFileException(file, Reason.WRONG_PASSWORD, "wrong password", e);
            }
            throw new KeyStoreFileException(file, Reason.NOT_PKCS12, "not a PKCS#12 key store", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFileException(file, Reason.NOT_PKCS12,
                    "not a PKCS#12 key store this JDK can read: " + e.getMessage(), e);
        }
    }

    private static String firstKeyEntry(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }

    private static String aliases(KeyStore store) throws GeneralSecurityException {
        List<String> all = Collections.list(store.aliases());
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
