package dev.duplex.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Just enough of DER (X.690) to write an X.509 certificate: the JDK reads certificates but has no public API
 * to build one. Every method returns one complete element (tag, length, content), so a structure is written
 * the way it is specified, as nested calls.
 */
final class Der {
    private Der() { }

    static byte[] sequence(byte[]... elements) {
        return element(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return element(0x31, concat(elements));
    }

    static byte[] bool(boolean value) {
        return element(0x01, new byte[] {value ? (byte) 0xFF : 0});
    }

    /** Two's complement, shortest form: BigInteger already adds the leading zero a positive value may need. */
    static byte[] integer(BigInteger value) {
        return element(0x02, value.toByteArray());
    }

    /** @param unusedBits how many low bits of the last byte are padding (0 for keys and signatures) */
    static byte[] bitString(int unusedBits, byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(bits, 0, content, 1, bits.length);
        return element(0x03, content);
    }

    static byte[] octetString(byte[] content) {
        return element(0x04, content);
    }

    static byte[] utf8String(String s) {
        return element(0x0C, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Arcs in base 128, high bit set on all bytes of an arc but its last; the first two arcs share a byte. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, Long.parseLong(arcs[i]));
        }
        return element(0x06, out.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        while (groups < 10 && arc >>> (7 * groups) != 0) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) (arc >>> (7 * g)) & 0x7F;
            out.write(g > 0 ? b | 0x80 : b);
        }
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant YEAR_2050 = Instant.parse("2050-01-01T00:00:00Z");

    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, always in UTC. */
    static byte[] time(Instant at) {
        Instant seconds = at.truncatedTo(ChronoUnit.SECONDS);
        return seconds.isBefore(YEAR_2050)
                ? element(0x17, UTC_TIME.format(seconds).getBytes(StandardCharsets.US_ASCII))
                : element(0x18, GENERALIZED_TIME.format(seconds).getBytes(StandardCharsets.US_ASCII));
    }

    /** [tag] EXPLICIT: a constructed context tag wrapping a whole element (the version, the extensions). */
    static byte[] explicit(int tag, byte[] element) {
        return element(0xA0 | tag, element);
    }

    /** [tag] IMPLICIT on a primitive type: the context tag replaces the type's own (GeneralName's choices). */
    static byte[] implicit(int tag, byte[] content) {
        return element(0x80 | tag, content);
    }

    /** Tag, definite length (short form below 128, else long form), content. */
    static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
