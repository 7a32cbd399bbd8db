package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class AcceptCheckTest {

    @Test
    void theSeedsWorkedExample() {
        AcceptCheck c = AcceptCheck.of("PCD+pA79juC6tlBK9zD3Vw==");
        assertEquals("PCD+pA79juC6tlBK9zD3Vw==", c.key());
        assertEquals("258EAFA5-E914-47DA-95CA-C5AB0DC85B11", c.guid());
        assertEquals("PCD+pA79juC6tlBK9zD3Vw==258EAFA5-E914-47DA-95CA-C5AB0DC85B11", c.concatenated());
        assertEquals("8+5CLWTBYLARKoxBxS5uk6s6zZo=", c.expectedAccept());
        assertTrue(c.keyWellFormed());
        // The hex digest is the base64 value's own bytes, lowercase, 40 digits.
        assertEquals(40, c.sha1Hex().length());
        assertTrue(c.sha1Hex().matches("[0-9a-f]{40}"), c.sha1Hex());
        assertArrayEquals(Base64.getDecoder().decode("8+5CLWTBYLARKoxBxS5uk6s6zZo="), c.sha1Bytes());
        assertEquals("f3ee422d64c160b0112a8c41c52e6e93ab3acd9a", c.sha1Hex());
        assertEquals("f3 ee 42 2d 64 c1 60 b0 11 2a 8c 41 c5 2e 6e 93 ab 3a cd 9a", c.sha1HexPairs());
    }

    @Test
    void rfc6455sExample() {
        AcceptCheck c = AcceptCheck.of("dGhlIHNhbXBsZSBub25jZQ==");
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", c.expectedAccept());
        // RFC 6455 section 1.3 spells out the digest bytes too.
        assertEquals("b3 7a 4f 2c c0 62 4f 16 90 f6 46 06 cf 38 59 45 b2 be c4 ea", c.sha1HexPairs());
        assertTrue(c.keyWellFormed());
    }

    @Test
    void verdicts() {
        AcceptCheck c = AcceptCheck.of("dGhlIHNhbXBsZSBub25jZQ==");
        assertEquals(AcceptCheck.Verdict.MATCH, c.verdict("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        assertEquals(AcceptCheck.Verdict.MATCH, c.verdict(" s3pPLMBiTxaQ9kYGzzhZRbK+xOo= "), "HTTP's optional whitespace");
        assertEquals(AcceptCheck.Verdict.MISMATCH, c.verdict("S3pPLMBiTxaQ9kYGzzhZRbK+xOo="), "base64 is case-sensitive");
        assertEquals(AcceptCheck.Verdict.MISMATCH, c.verdict("8+5CLWTBYLARKoxBxS5uk6s6zZo="));
        assertEquals(AcceptCheck.Verdict.MISSING, c.verdict(null));
        assertEquals(AcceptCheck.Verdict.MISSING, c.verdict(""));
        assertEquals(AcceptCheck.Verdict.MISSING, c.verdict("  "));
    }

    @Test
    void anyKeyIsComputedButOnlyBase64Of16BytesIsWellFormed() {
        for (String bad : new String[] {"", "hello", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=",
                "dGhlIHNhbXBsZSBub25jZQ== ", "dGhlIHNhbXBsZSBub25jZSE=", "dGhlIHNhbXBsZSBub25jZQ-_", "AAAAAAAAAAAAAAAAAAAAA===",
                "dGhlIHNhbXBs ZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZSEhIQ=="}) {
            AcceptCheck c = AcceptCheck.of(bad);
            assertFalse(c.keyWellFormed(), bad);
            assertEquals(28, c.expectedAccept().length(), bad);
            assertEquals(bad + AcceptCheck.GUID, c.concatenated());
        }
        assertTrue(AcceptCheck.of("AAAAAAAAAAAAAAAAAAAAAA==").keyWellFormed());
        // The empty key is still hashed: SHA-1 of the GUID alone.
        assertEquals(AcceptCheck.of(null).expectedAccept(), AcceptCheck.of("").expectedAccept());
        // Whitespace is part of what was typed: it changes the answer.
        assertFalse(AcceptCheck.of(" dGhlIHNhbXBsZSBub25jZQ==").expectedAccept().equals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }
}
