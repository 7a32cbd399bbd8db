package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
    private static final int DNS = 2;
    private static final int IP = 7;

    @Test
    void isAnX509v3CertificateTheJdkParsesBackAndWhoseSignatureItsOwnKeyVerifies() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        X509Certificate c = identity.certificate();

        X509Certificate reparsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.getEncoded()));
        assertEquals(c, reparsed);
        assertEquals(3, c.getVersion());
        assertEquals("SHA256withECDSA", c.getSigAlgName());
        assertEquals("1.2.840.10045.4.3.2", c.getSigAlgOID());
        assertEquals("CN=Duplex local server", c.getSubjectX500Principal().getName());
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
        c.verify(c.getPublicKey());
        assertEquals(List.of(c), identity.chain());
    }

    @Test
    void keysAreEcP256() {
        ServerIdentity identity = SelfSignedCertificate.generate();
        ECPublicKey pub = (ECPublicKey) identity.certificate().getPublicKey();
        assertEquals(256, pub.getParams().getCurve().getField().getFieldSize());
        assertTrue(pub.getParams().toString().contains("secp256r1"), pub.getParams().toString());
        assertTrue(identity.privateKey() instanceof ECPrivateKey);
    }

    @Test
    void namesLocalhostAndBothLoopbackAddressesInTheSubjectAlternativeName() throws Exception {
        X509Certificate c = SelfSignedCertificate.generate().certificate();
        assertEquals(List.of(List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"), List.of(IP, "0:0:0:0:0:0:0:1")),
                List.copyOf(c.getSubjectAlternativeNames()));
    }

    @Test
    void servesATlsServerOnlyAndCanSignNoOtherCertificate() throws Exception {
        X509Certificate c = SelfSignedCertificate.generate().certificate();
        assertEquals(-1, c.getBasicConstraints()); // CA:false
        boolean[] keyUsage = c.getKeyUsage();
        assertTrue(keyUsage[0], "digitalSignature");
        for (int i = 1; i < keyUsage.length; i++) {
            assertTrue(!keyUsage[i], "only digitalSignature, not bit " + i);
        }
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.getExtendedKeyUsage()); // serverAuth
        assertEquals(Set.of("2.5.29.19", "2.5.29.15"), c.getCriticalExtensionOIDs());
        assertEquals(Set.of("2.5.29.37", "2.5.29.17"), c.getNonCriticalExtensionOIDs());
    }

    @Test
    void isValidFromADayAgoFor825DaysByDefault() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate c = SelfSignedCertificate.generate().certificate();
        Instant after = Instant.now();

        Instant notBefore = c.getNotBefore().toInstant();
        Instant dayBefore = before.minus(Duration.ofDays(1));
        assertTrue(!notBefore.isBefore(dayBefore) && !notBefore.isAfter(after.minus(Duration.ofDays(1))),
                notBefore.toString());
        assertEquals(notBefore.plus(Duration.ofDays(825)), c.getNotAfter().toInstant());
        c.checkValidity();
    }

    @Test
    void validityIsConfigurableAndCanEndAfter2049() throws Exception {
        X509Certificate week = SelfSignedCertificate.generate(7).certificate();
        assertEquals(Duration.ofDays(7),
                Duration.between(week.getNotBefore().toInstant(), week.getNotAfter().toInstant()));

        Instant from = Instant.parse("2040-06-01T12:00:00Z");
        Instant to = Instant.parse("2060-06-01T12:00:00Z"); // written as GeneralizedTime
        X509Certificate far = SelfSignedCertificate.generate(List.of("localhost"), from, to).certificate();
        assertEquals(from, far.getNotBefore().toInstant());
        assertEquals(to, far.getNotAfter().toInstant());

        assertThrows(IllegalArgumentException.class, () -> SelfSignedCertificate.generate(0));
        assertThrows(IllegalArgumentException.class,
                () -> SelfSignedCertificate.generate(List.of("localhost"), to, from));
    }

    @Test
    void canBeMadeAlreadyExpiredOrForAnotherHost() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = SelfSignedCertificate.generate(SelfSignedCertificate.LOCAL_NAMES,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).certificate();
        assertThrows(CertificateExpiredException.class, expired::checkValidity);

        X509Certificate elsewhere = SelfSignedCertificate.generate(
                List.of("duplex.example", "192.0.2.7", "[2001:db8::1]"),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).certificate();
        assertEquals(
                List.of(List.of(DNS, "duplex.example"), List.of(IP, "192.0.2.7"), List.of(IP, "2001:db8:0:0:0:0:0:1")),
                List.copyOf(elsewhere.getSubjectAlternativeNames()));
    }

    @Test
    void refusesNamesThatAreNeitherAHostNorAnAddress() {
        Instant now = Instant.now();
        for (String bad : List.of("", "two words", "bücher.example", "999.1.1.1", "1::2::3", "a/b")) {
            assertThrows(IllegalArgumentException.class,
                    () -> SelfSignedCertificate.generate(List.of(bad), now, now.plusSeconds(60)), bad);
        }
        assertThrows(IllegalArgumentException.class,
                () -> SelfSignedCertificate.generate(List.of(), now, now.plusSeconds(60)));
    }

    @Test
    void everyCertificateHasItsOwnKeyAndAPositiveSerialNumber() {
        ServerIdentity a = SelfSignedCertificate.generate();
        ServerIdentity b = SelfSignedCertificate.generate();
        assertNotEquals(a.certificate().getSerialNumber(), b.certificate().getSerialNumber());
        assertTrue(a.certificate().getSerialNumber().signum() > 0);
        assertTrue(a.certificate().getSerialNumber().bitLength() <= 159); // 20 bytes with the sign bit clear
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.certificate().getPublicKey(), b.certificate().getPublicKey());
    }
}
