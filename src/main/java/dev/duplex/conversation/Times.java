package dev.duplex.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** The ways the conversation files write a time, each chosen so that what is written reads back exactly. */
final class Times {
    /** Always nine digits of fraction: every line of a file the same width, and no nanosecond lost. */
    private static final DateTimeFormatter NANOS = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    /** As JavaScript's Date.toJSON() writes, which is what Chrome puts in a HAR's startedDateTime. */
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);

    private Times() { }

    /** ISO-8601 in UTC with nanoseconds: {@code 2024-05-01T12:00:00.123456789Z}. */
    static String isoNanos(Instant t) {
        return NANOS.format(t);
    }

    /** ISO-8601 in UTC with milliseconds (truncated): {@code 2024-05-01T12:00:00.123Z}. */
    static String isoMillis(Instant t) {
        return MILLIS.format(t);
    }

    /** Any ISO-8601 instant, with Z or an offset, with any number of fraction digits up to nine. */
    static Instant parseIso(String text) throws DateTimeException {
        return Instant.parse(text);
    }

    /**
     * Seconds since the epoch with microseconds, the unit and precision of Chrome's WebSocket message times
     * ({@code 1714564800.123456}); nanoseconds beyond are truncated. Written without trailing zeros and
     * never with an exponent, as JavaScript prints such a number.
     */
    static String epochSeconds(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        return plain(BigDecimal.valueOf(micros, 6));
    }

    /**
     * The instant of a number of seconds since the epoch, rounded to the microsecond. Chrome's times are
     * doubles: {@code 1666255721.0220823} is 1666255721.022082 with a double's noise after it.
     */
    static Instant fromEpochSeconds(BigDecimal seconds) throws DateTimeException, ArithmeticException {
        long micros = seconds.multiply(MICROS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /** A duration in milliseconds with microseconds, as HAR's timings are: {@code 1234.567}. */
    static String millis(Duration d) {
        long micros = d.toNanos() / 1000;
        return plain(BigDecimal.valueOf(micros, 3));
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }
}
