package dev.duplex.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Sec-WebSocket-Accept computation of RFC 6455 section 4.2.2, step by step, for the handshake
 * explainer: the key as the client sent it, plus the GUID, SHA-1 of that string, and base64 of the
 * 20-byte digest. Works on any key typed (the key is never refused); whether the key is a valid one
 * (base64 of exactly 16 bytes) is reported in {@link #keyWellFormed()}.
 *
 * @param key           the Sec-WebSocket-Key exactly as given (not trimmed: what is hashed is what was typed)
 * @param guid          {@link #GUID}
 * @param concatenated  key + GUID, the string that is hashed (as its UTF-8 bytes)
 * @param sha1Hex       the SHA-1 digest as 40 lowercase hex digits
 * @param expectedAccept base64 of the 20 digest bytes: the value the server must send
 * @param keyWellFormed whether the key is base64 of exactly 16 bytes (24 characters ending in "==")
 */
public record AcceptCheck(String key, String guid, String concatenated, String sha1Hex, String expectedAccept,
                          boolean keyWellFormed) {

    /** The GUID every WebSocket server appends to the key (RFC 6455 section 1.3). */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What the server's Sec-WebSocket-Accept says about the handshake. */
    public enum Verdict {
        /** The server sent exactly the expected value: a client accepts the handshake. */
        MATCH,
        /** The server sent another value: a client must fail the connection. */
        MISMATCH,
        /** The server sent no Sec-WebSocket-Accept (or an empty one): a client must fail the connection. */
        MISSING
    }

    public AcceptCheck {
        if (key == null) key = "";
    }

    /** Computes every step for {@code key} (null counts as empty). */
    public static AcceptCheck of(String key) {
        String k = key == null ? "" : key;
        String concatenated = k + GUID;
        byte[] digest = sha1(concatenated.getBytes(StandardCharsets.UTF_8));
        return new AcceptCheck(k, GUID, concatenated, HexFormat.of().formatHex(digest),
                Base64.getEncoder().encodeToString(digest), wellFormed(k));
    }

    /** The digest as spaced lowercase pairs, for display: {@code "f3 ee 42 ..."}. */
    public String sha1HexPairs() {
        return HexFormat.ofDelimiter(" ").formatHex(HexFormat.of().parseHex(sha1Hex));
    }

    /** The 20 bytes of the digest. */
    public byte[] sha1Bytes() {
        return HexFormat.of().parseHex(sha1Hex);
    }

    /**
     * Compares what the server sent with the expected value. Header values are compared exactly, after
     * trimming the optional whitespace HTTP allows around a field value; null or blank is MISSING.
     */
    public Verdict verdict(String acceptSentByServer) {
        if (acceptSentByServer == null || acceptSentByServer.isBlank()) return Verdict.MISSING;
        return acceptSentByServer.strip().equals(expectedAccept) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    /** A valid key is base64 (standard alphabet, padded) of exactly 16 bytes: 22 characters and "==". */
    static boolean wellFormed(String key) {
        if (key.length() != 24 || !key.endsWith("==")) return false;
        for (int i = 0; i < 22; i++) {
            char c = key.charAt(i);
            boolean b64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!b64) return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
