package dev.duplex.tls.client;

import java.nio.file.Path;

/**
 * The files a client's TLS is made of, as the user chose them: each may be null.
 *
 * @param certificate a PKCS#12 file (key and chain), or a PEM certificate (chain)
 * @param key         the PEM key of a PEM certificate; null with a PKCS#12 file
 * @param password    of the PKCS#12 file or of an encrypted PEM key; null or empty for none
 * @param authorities a PEM bundle of CAs trusted on top of the JDK's
 */
public record ClientTlsFiles(Path certificate, Path key, String password, Path authorities) {
    public static final ClientTlsFiles NONE = new ClientTlsFiles(null, null, null, null);

    public boolean isEmpty() {
        return certificate == null && key == null && authorities == null;
    }
}
