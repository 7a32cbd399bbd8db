package dev.duplex.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding, written the way browsers and {@code keytool} show
 * it: 32 upper-case hex pairs separated by colons. It identifies one exact certificate, so it is what a user
 * compares (read out, pasted from a browser's certificate viewer) before trusting a server that no CA vouches
 * for.
 *
 * <p>The constructor takes a fingerprint as typed and normalises it: colons and white space anywhere are
 * ignored and case does not matter, so {@code "ab cd ..."}, {@code "ABCD..."} and {@code "Ab:Cd:..."} are all the
 * same fingerprint. Anything else, or a number of digits other than 64, is refused with a message that says
 * which.
 *
 * @param value the canonical form, {@code "AB:CD:...:EF"}
 */
public record Fingerprint(String value) {
    private static final int HEX_DIGITS = 64;
    private static final HexFormat PAIRS = HexFormat.ofDelimiter(":").withUpperCase();

    public Fingerprint {
        value = normalise(value);
    }

    /** The fingerprint of {@code certificate}. */
    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(PAIRS.formatHex(sha256));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // Every JDK has SHA-256, and a certificate that was parsed has its encoding.
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint as a user typed or pasted it; the same as the constructor, by a name that says so. */
    public static Fingerprint parse(String typed) {
        return new Fingerprint(typed);
    }

    /** True when {@code certificate} is the very certificate this is the fingerprint of. */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("no fingerprint given");
        }
        StringBuilder digits = new StringBuilder(HEX_DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == ':' || Character.isWhitespace(c)) {
                continue;
            }
            if (!HexFormat.isHexDigit(c)) {
                throw new IllegalArgumentException("'" + c + "' is not a hex digit; a SHA-256 fingerprint is 64 hex"
                        + " digits, with or without colons");
            }
            digits.append(c);
        }
        if (digits.length() != HEX_DIGITS) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits (32 pairs); this has "
                    + digits.length());
        }
        return PAIRS.formatHex(HexFormat.of().parseHex(digits));
    }
}
