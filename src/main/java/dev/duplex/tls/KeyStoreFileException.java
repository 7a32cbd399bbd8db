package dev.duplex.tls;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PKCS#12 file could not give a server its key and certificate, for a reason a user can act on: type the
 * password again, choose another file, or choose another entry of it. Other I/O failures (no such file, no
 * permission) stay the plain {@link IOException}s they are.
 */
public final class KeyStoreFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the file could not be used. */
    public enum Reason {
        /** The password does not open the file, or does not unlock its key. */
        WRONG_PASSWORD,
        /** The file is not a PKCS#12 key store (or is damaged). */
        NOT_PKCS12,
        /** The file opened but holds no private key: only certificates, or not under the alias asked for. */
        NO_KEY_ENTRY
    }

    private final transient Path file;
    private final Reason reason;

    public KeyStoreFileException(Path file, Reason reason, String message, Throwable cause) {
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
