package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.tls.KeyStoreFileException.Reason;

class KeyStoresTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path dir;

    private static void assertSameIdentity(ServerIdentity expected, ServerIdentity actual) {
        assertEquals(expected.chain(), actual.chain());
        assertArrayEquals(expected.privateKey().getEncoded(), actual.privateKey().getEncoded());
    }

    /** A PKCS#12 file as a user might bring one: entries of both kinds, under names of their own. */
    private Path userFile(char[] password, Object... aliasesAndEntries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < aliasesAndEntries.length; i += 2) {
            String alias = (String) aliasesAndEntries[i];
            Object entry = aliasesAndEntries[i + 1];
            if (entry instanceof ServerIdentity id) {
                store.setKeyEntry(alias, id.privateKey(), password, id.chain().toArray(new Certificate[0]));
            } else {
                store.setCertificateEntry(alias, (Certificate) entry);
            }
        }
        Path file = dir.resolve("user.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    @Test
    void savedIdentityLoadsBackWithItsKeyAndCertificate() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        Path file = dir.resolve("server.p12");

        KeyStores.save(file, identity, PASSWORD);

        assertSameIdentity(identity, KeyStores.load(file, PASSWORD));
        assertSameIdentity(identity, KeyStores.load(file, PASSWORD, KeyStores.ALIAS));
        KeyStore asTheJdkSeesIt = KeyStore.getInstance(file.toFile(), PASSWORD);
        assertEquals(List.of(KeyStores.ALIAS), java.util.Collections.list(asTheJdkSeesIt.aliases()));
    }

    @Test
    void savingReplacesTheOldFileLeavesNoTemporaryFileAndOnlyItsOwnerMayReadIt() throws Exception {
        Path file = dir.resolve("server.p12");
        KeyStores.save(file, SelfSignedCertificate.generate(), PASSWORD);
        ServerIdentity second = SelfSignedCertificate.generate();

        KeyStores.save(file, second, PASSWORD);

        assertSameIdentity(second, KeyStores.load(file, PASSWORD));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void savingCreatesMissingFolders() throws Exception {
        Path file = dir.resolve("a/b/server.p12");
        ServerIdentity identity = SelfSignedCertificate.generate();
        KeyStores.save(file, identity, PASSWORD);
        assertSameIdentity(identity, KeyStores.load(file, PASSWORD));
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        Path file = dir.resolve("server.p12");
        KeyStores.save(file, SelfSignedCertificate.generate(), PASSWORD);

        KeyStoreFileException e = assertThrows(KeyStoreFileException.class,
                () -> KeyStores.load(file, "wrong".toCharArray()));

        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertEquals("server.p12: wrong password", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aFileThatIsNotPkcs12SaysSo() throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
        Path empty = Files.write(dir.resolve("empty.p12"), new byte[0]);
        Path der = Files.write(dir.resolve("server.der"), SelfSignedCertificate.generate().certificate().getEncoded());

        for (Path file : List.of(pem, empty, der)) {
            KeyStoreFileException e = assertThrows(KeyStoreFileException.class, () -> KeyStores.load(file, PASSWORD),
                    file.toString());
            assertEquals(Reason.NOT_PKCS12, e.reason(), file.toString());
        }
    }

    @Test
    void aFileWithOnlyCertificatesOrWithoutTheAliasAskedForSaysSo() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        Path certificatesOnly = userFile(PASSWORD, "ca", identity.certificate());

        KeyStoreFileException none = assertThrows(KeyStoreFileException.class,
                () -> KeyStores.load(certificatesOnly, PASSWORD));
        assertEquals(Reason.NO_KEY_ENTRY, none.reason());
        assertEquals("user.p12: no private key entry; its entries: ca", none.getMessage());

        Path withKey = userFile(PASSWORD, "ca", identity.certificate(), "web", identity);
        KeyStoreFileException wrongAlias = assertThrows(KeyStoreFileException.class,
                () -> KeyStores.load(withKey, PASSWORD, "api"));
        assertEquals(Reason.NO_KEY_ENTRY, wrongAlias.reason());
        assertTrue(wrongAlias.getMessage().contains("\"api\""), wrongAlias.getMessage());
        KeyStoreFileException certificateAlias = assertThrows(KeyStoreFileException.class,
                () -> KeyStores.load(withKey, PASSWORD, "ca"));
        assertEquals(Reason.NO_KEY_ENTRY, certificateAlias.reason());
    }

    @Test
    void aUsersFileGivesItsFirstKeyEntryOrTheOneNamed() throws Exception {
        ServerIdentity first = SelfSignedCertificate.generate();
        ServerIdentity second = SelfSignedCertificate.generate();
        Path file = userFile(PASSWORD, "trusted", first.certificate(), "one", first, "two", second);

        assertSameIdentity(first, KeyStores.load(file, PASSWORD));
        assertSameIdentity(second, KeyStores.load(file, PASSWORD, "two"));
    }

    @Test
    void aMissingFileIsAnOrdinaryIoError() {
        assertThrows(NoSuchFileException.class, () -> KeyStores.load(dir.resolve("nowhere.p12"), PASSWORD));
    }
}
