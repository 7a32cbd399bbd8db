package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Byte-exact encodings, checked against the examples of X.690 and RFC 5280 and against OpenSSL's output. */
class DerTest {
    private static String hex(byte[] der) {
        return HexFormat.of().withUpperCase().formatHex(der);
    }

    @Test
    void objectIdentifiersShareTheFirstByteAndSpreadLargeArcsOverSevenBitGroups() {
        assertEquals("06082A8648CE3D040302", hex(Der.oid("1.2.840.10045.4.3.2"))); // ecdsa-with-SHA256
        assertEquals("0603551D11", hex(Der.oid("2.5.29.17"))); // subjectAltName
        assertEquals("06082B06010505070301", hex(Der.oid("1.3.6.1.5.5.7.3.1"))); // serverAuth
        assertEquals("06022A00", hex(Der.oid("1.2.0")));
    }

    @Test
    void integersAreTwosComplementWithALeadingZeroOnlyWhenTheHighBitIsSet() {
        assertEquals("020100", hex(Der.integer(BigInteger.ZERO)));
        assertEquals("02017F", hex(Der.integer(BigInteger.valueOf(127))));
        assertEquals("02020080", hex(Der.integer(BigInteger.valueOf(128))));
        assertEquals("020102", hex(Der.integer(BigInteger.TWO)));
    }

    @Test
    void lengthsOf128AndMoreUseTheLongForm() {
        assertEquals("047F", hex(Der.octetString(new byte[127])).substring(0, 4));
        assertEquals("048180", hex(Der.octetString(new byte[128])).substring(0, 6));
        assertEquals("0482012C", hex(Der.octetString(new byte[300])).substring(0, 8));
        assertEquals("048301000000", hex(Der.octetString(new byte[65536])).substring(0, 12));
    }

    @Test
    void timesAreUtcTimeBefore2050AndGeneralizedTimeFrom2050InWholeSeconds() {
        assertEquals("170D" + hex("250102030405Z".getBytes()),
                hex(Der.time(Instant.parse("2025-01-02T03:04:05.999Z"))));
        assertEquals("170D" + hex("491231235959Z".getBytes()), hex(Der.time(Instant.parse("2049-12-31T23:59:59Z"))));
        assertEquals("180F" + hex("20500101000000Z".getBytes()), hex(Der.time(Instant.parse("2050-01-01T00:00:00Z"))));
    }

    @Test
    void theRestAreTagLengthContent() {
        assertEquals("3000", hex(Der.sequence()));
        assertEquals("3006020101020102", hex(Der.sequence(Der.integer(BigInteger.ONE), Der.integer(BigInteger.TWO))));
        assertEquals("3103020101", hex(Der.set(Der.integer(BigInteger.ONE))));
        assertEquals("0101FF", hex(Der.bool(true)));
        assertEquals("03020780", hex(Der.bitString(7, new byte[] {(byte) 0x80}))); // keyUsage digitalSignature
        assertEquals("0C03" + hex("Dü".getBytes(java.nio.charset.StandardCharsets.UTF_8)), hex(Der.utf8String("Dü")));
        assertEquals("A003020102", hex(Der.explicit(0, Der.integer(BigInteger.TWO)))); // version v3
        assertEquals("8203616263", hex(Der.implicit(2, "abc".getBytes()))); // dNSName
    }
}
