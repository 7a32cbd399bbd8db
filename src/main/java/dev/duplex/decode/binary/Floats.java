package dev.duplex.decode.binary;

import java.math.BigDecimal;

/** A floating-point number as the tree shows it. */
final class Floats {
    private Floats() { }

    /**
     * As JavaScript writes it where that differs from Java's: a whole number without ".0" or an exponent
     * (cbor-x sends 4294967296 as a float, and "4.294967296E9" is not what was meant); others as Java has them.
     */
    static String text(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e21) {
            return value == 0 && 1 / value < 0 ? "-0" : new BigDecimal(value).toPlainString();
        }
        return Double.toString(value);
    }

    /** A 32-bit float with its own shortest digits (1.1, not the 1.100000023841858 of its double). */
    static String text(float value) {
        if (Double.isFinite(value) && value == Math.rint(value)) return text((double) value);
        return Float.toString(value);
    }
}
