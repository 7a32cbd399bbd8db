package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.options.Checked;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.options.Field;
import dev.duplex.tls.client.ClientTls;

/**
 * Client certificates and keys as OpenSSL writes them (Debian's openssl 3), read by the options layer with
 * the JDK alone: PKCS#8, encrypted PKCS#8, PKCS#1 "RSA PRIVATE KEY", PKCS#12, a key in the certificate's own
 * file; and the ones it cannot or must not take, each said on the field it was typed into.
 */
class OpenSslKeyFilesTest {
    @TempDir Path dir;
    private Path cert;
    private Path key;

    @BeforeEach
    void makeAKeyAndCertificate() throws Exception {
        OpenSsl.require();
        cert = dir.resolve("me.crt");
        key = dir.resolve("me.key");
        OpenSsl.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-subj", "/CN=openssl client", "-days", "2");
    }


    private static Checked<ClientTls> load(Path certificate, Path keyFile, String password) {
        return new ClientTlsInput(certificate == null ? null : certificate.toString(),
                keyFile == null ? null : keyFile.toString(), password, null).load();
    }

    private static void assertLoaded(Checked<ClientTls> loaded) {
        assertTrue(loaded.isOk(), () -> String.valueOf(loaded.problem()));
        assertNotNull(loaded.value().certificate());
        assertEquals("CN=openssl client", loaded.value().certificate().chain().get(0).getSubjectX500Principal().getName());
    }

    @Test
    void aPkcs8KeyAndItsCertificateAreReadAsOpenSslWritesThem() throws Exception {
        assertTrue(Files.readString(key).contains("BEGIN PRIVATE KEY"));
        assertLoaded(load(cert, key, null));
    }

    @Test
    void anRsaPrivateKeyIsReadToo() throws Exception {
        Path pkcs1 = dir.resolve("rsa.key");
        OpenSsl.run("rsa", "-in", key.toString(), "-traditional", "-out", pkcs1.toString());
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
        assertLoaded(load(cert, pkcs1, null));
    }

    @Test
    void anEncryptedPkcs8KeyIsReadWithItsPasswordAndAWrongOneIsSaidOnThePasswordField() throws Exception {
        Path encrypted = dir.resolve("encrypted.key");
        OpenSsl.run("pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:s3cret");
        assertTrue(Files.readString(encrypted).contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertLoaded(load(cert, encrypted, "s3cret"));
        Checked<ClientTls> wrong = load(cert, encrypted, "nope");
        assertFalse(wrong.isOk());
        assertEquals(Field.CLIENT_CERT_PASSWORD, wrong.problem().field());
        assertEquals("form.clientTls.WRONG_PASSWORD", wrong.problem().key());
        Checked<ClientTls> none = load(cert, encrypted, null);
        assertEquals("form.clientTls.WRONG_PASSWORD", none.problem().key(), none.problem().toString());
    }

    @Test
    void aPkcs12FileFromOpenSslOpensWithItsPassword() throws Exception {
        Path p12 = dir.resolve("me.p12");
        OpenSsl.run("pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:s3cret");
        assertLoaded(load(p12, null, "s3cret"));
        Checked<ClientTls> wrong = load(p12, null, "nope");
        assertEquals("form.clientTls.WRONG_PASSWORD", wrong.problem().key(), wrong.problem().toString());
    }

    @Test
    void aKeyInTheCertificatesOwnFileIsFound() throws Exception {
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(cert) + Files.readString(key));
        assertLoaded(load(both, null, null));
    }

    @Test
    void aPemCertificateWithoutItsKeyAsksForTheKey() {
        Checked<ClientTls> loaded = load(cert, null, null);
        assertEquals("form.clientTls.NO_KEY", loaded.problem().key(), loaded.problem().toString());
        assertEquals(Field.CLIENT_CERT, loaded.problem().field());
    }

    @Test
    void anotherCertificatesKeyIsSaidNotToMatch() throws Exception {
        Path otherKey = dir.resolve("other.key");
        OpenSsl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", otherKey.toString());
        Checked<ClientTls> loaded = load(cert, otherKey, null);
        assertEquals("form.clientTls.KEY_MISMATCH", loaded.problem().key(), loaded.problem().toString());
        assertEquals(Field.CLIENT_KEY, loaded.problem().field());
    }

    @Test
    void anEcPrivateKeyIsRefusedWithTheConversionToMakeIt() throws Exception {
        Path ec = dir.resolve("ec.key");
        OpenSsl.run("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", ec.toString());
        assertTrue(Files.readString(ec).contains("BEGIN EC PRIVATE KEY"));
        Checked<ClientTls> loaded = load(cert, ec, null);
        assertEquals("form.clientTls.KEY_FORMAT", loaded.problem().key(), loaded.problem().toString());
        assertTrue(loaded.problem().args().get(1).toString().contains("openssl pkcs8 -topk8"), loaded.problem().toString());
    }

    @Test
    void opensslsOldPemEncryptionIsRefusedWithTheConversionToMakeIt() throws Exception {
        Path old = dir.resolve("old.key");
        OpenSsl.run("rsa", "-in", key.toString(), "-traditional", "-aes256", "-passout", "pass:s3cret", "-out", old.toString());
        assertTrue(Files.readString(old).contains("Proc-Type: 4,ENCRYPTED"));
        Checked<ClientTls> loaded = load(cert, old, "s3cret");
        assertEquals("form.clientTls.KEY_FORMAT", loaded.problem().key(), loaded.problem().toString());
        assertTrue(loaded.problem().args().get(1).toString().contains("openssl pkcs8 -topk8"), loaded.problem().toString());
    }

    @Test
    void aMissingFileAndAFileThatIsNoCertificateAreSaidByName() throws Exception {
        Checked<ClientTls> missing = load(dir.resolve("nowhere.p12"), null, null);
        assertEquals("form.clientTls.UNREADABLE", missing.problem().key());
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a certificate");
        assertEquals("form.clientTls.NOT_A_CERTIFICATE", load(junk, null, null).problem().key());
        Checked<ClientTls> badCa = new ClientTlsInput(null, null, null, junk.toString()).load();
        assertEquals(Field.CA_FILE, badCa.problem().field());
        assertEquals("form.clientTls.NOT_A_CA_FILE", badCa.problem().key());
    }
}
