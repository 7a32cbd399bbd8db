package dev.duplex.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.duplex.files.AtomicFiles;
import dev.duplex.tls.KeyStores;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;

/**
 * The embedded server's own certificate for wss://: made once (self-signed, for localhost, 127.0.0.1 and
 * ::1) and kept in the data directory as {@code server-tls.p12}, so its fingerprint stays the same across
 * restarts and a client trusts it once. The file is readable by its owner only; its password is fixed
 * because it guards a local test certificate, not a secret a user chose.
 */
public final class ServerCertificates {
    public static final String FILE_NAME = "server-tls.p12";
    private static final char[] PASSWORD = "duplex-local".toCharArray();

    private ServerCertificates() { }

    /** The kept certificate, made and saved first if there is none (or the file cannot be read). */
    public static ServerIdentity ownIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                return KeyStores.load(file, PASSWORD);
            } catch (NoSuchFileException gone) {
                // removed meanwhile: make a new one below
            } catch (IOException unreadable) {
                // A broken file is set aside, never overwritten, and a new certificate made.
                AtomicFiles.moveAside(file);
            }
        }
        ServerIdentity made = SelfSignedCertificate.generate();
        Files.createDirectories(dataDir);
        KeyStores.save(file, made, PASSWORD);
        return made;
    }

    /** A user's own PKCS#12 file (its first key entry). */
    public static ServerIdentity fromFile(Path file, String password) throws IOException {
        return KeyStores.load(file, password == null ? new char[0] : password.toCharArray());
    }
}
