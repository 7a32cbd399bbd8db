package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    /** Made by keytool, whose {@code -list -v} printed the fingerprint below: a second opinion on ours. */
    private static final String KEYTOOL_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBUjCB+aADAgECAghPS3Sin1a6/jAKBggqhkjOPQQDAjAdMRswGQYDVQQDExJm
            aW5nZXJwcmludCBzYW1wbGUwIBcNMjYxMTI0MTU1MzA2WhgPMjEyNjEwMzExNTUz
            MDZaMB0xGzAZBgNVBAMTEmZpbmdlcnByaW50IHNhbXBsZTBZMBMGByqGSM49AgEG
            CCqGSM49AwEHA0IABA4Wq7xxb3E0/QjYjkPW2uRC/kVpz7aAt1Yd12RiDYfGKan8
            OersnpgfDWclHhRu3OxdvlaIor6hRbi94SGDZNejITAfMB0GA1UdDgQWBBRppBDm
            Y5IEoGxZRng1x8Qc06brHjAKBggqhkjOPQQDAgNIADBFAiEA0Gbhyl9PsBAPz2gN
            qIA8eiDkeE6N57tnFHlJxmAIOJYCIFaDQlYQseG60QKZ1pHRirfipb0Anqa/m1pE
            pvHYR2pP
            -----END CERTIFICATE-----
            """;
    private static final String KEYTOOL_SHA256 =
            "0E:D5:AD:15:9B:D5:32:64:43:C1:5C:2A:7C:02:87:80:FD:B7:B2:2C:E4:1D:56:2E:3E:A8:46:3D:AC:8C:E4:74";

    private static X509Certificate keytoolCertificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(KEYTOOL_PEM.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void isTheSha256OfTheEncodingInUpperCasePairsJoinedByColons() throws Exception {
        Fingerprint f = Fingerprint.of(keytoolCertificate());
        assertEquals(KEYTOOL_SHA256, f.value());
        assertEquals(KEYTOOL_SHA256, f.toString());
        assertTrue(f.matches(keytoolCertificate()));
    }

    @Test
    void typedFingerprintsAreTheSameWithOrWithoutColonsInAnyCaseWithSpaces() {
        Fingerprint expected = Fingerprint.parse(KEYTOOL_SHA256);
        String bare = KEYTOOL_SHA256.replace(":", "");
        assertEquals(expected, Fingerprint.parse(bare));
        assertEquals(expected, Fingerprint.parse(bare.toLowerCase()));
        assertEquals(expected, Fingerprint.parse(KEYTOOL_SHA256.replace(":", " ").toLowerCase()));
        assertEquals(expected, Fingerprint.parse("  " + KEYTOOL_SHA256.replace(":", ": ") + "\n"));
        assertEquals(expected, new Fingerprint(bare)); // the constructor normalises too: no second, odd form
        assertEquals(expected.hashCode(), Fingerprint.parse(bare).hashCode());
    }

    @Test
    void refusesWhatIsNotSixtyFourHexDigitsSayingWhy() {
        String bare = KEYTOOL_SHA256.replace(":", "");
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> Fingerprint.parse(bare.substring(2)));
        assertTrue(shortOne.getMessage().contains("this has 62"), shortOne.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(bare + "00"));
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> Fingerprint.parse("G" + bare.substring(1)));
        assertTrue(notHex.getMessage().startsWith("'G' is not a hex digit"), notHex.getMessage());
        // Digits of other scripts are digits to Character.digit, not to a fingerprint.
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("\uFF11" + bare.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(null));
    }

    @Test
    void aDifferentCertificateDoesNotMatch() throws Exception {
        Fingerprint other = Fingerprint.parse("00".repeat(32));
        assertNotEquals(other, Fingerprint.of(keytoolCertificate()));
        assertFalse(other.matches(keytoolCertificate()));
    }
}
