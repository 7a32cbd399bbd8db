package dev.duplex.tls.client;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A client certificate, its key or a CA file could not be used, for a reason a user can act on. The message
 * is English detail for a log; {@link #reason()} and {@link #file()} are what a view puts into words.
 */
public final class ClientTlsFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the file could not be used. */
    public enum Reason {
        /** The file does not exist or cannot be read. */
        UNREADABLE,
        /** The password does not open the PKCS#12 file or the encrypted key (or a password is needed). */
        WRONG_PASSWORD,
        /** Neither PKCS#12 nor PEM certificates. */
        NOT_A_CERTIFICATE,
        /** A PEM certificate came without a key (give --client-key), or the key file holds none. */
        NO_KEY,
        /** A key in a format this JDK cannot read without extra libraries (an "EC PRIVATE KEY", say). */
        KEY_FORMAT,
        /** The key is not the certificate's (its public half differs). */
        KEY_MISMATCH,
        /** The CA file holds no PEM certificate. */
        NOT_A_CA_FILE
    }

    private final transient Path file;
    private final Reason reason;

    public ClientTlsFileException(Path file, Reason reason, String message, Throwable cause) {
        super(file.getFileName() + ": " + message, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
