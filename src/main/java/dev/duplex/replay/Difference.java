package dev.duplex.replay;

import java.util.Arrays;

import dev.duplex.net.Payload;

/**
 * Where a replayed message differs from the recorded one: the span of each that is not in the other, once
 * their common start and common end are taken off. For text the spans count code points (so a view never
 * cuts a character in two); for binary, and when one is text and the other binary, they count bytes.
 * A span may be empty: {@code recorded} [3, 3) and {@code replayed} [3, 7) means four code points were
 * inserted after the third.
 *
 * @param inBytes        whether the spans count bytes (else code points of the texts)
 * @param kindsDiffer    one is text and the other binary
 * @param recordedStart  the first differing unit of the recorded message
 * @param recordedEnd    one past the last differing unit of the recorded message
 * @param replayedStart  the first differing unit of the replayed message (always equal to recordedStart)
 * @param replayedEnd    one past the last differing unit of the replayed message
 */
public record Difference(boolean inBytes, boolean kindsDiffer, int recordedStart, int recordedEnd,
        int replayedStart, int replayedEnd) {

    /** The difference between two messages, or null when they are the same (same kind, same content). */
    public static Difference between(Payload recorded, Payload replayed) {
        if (recorded.equals(replayed)) return null;
        boolean kindsDiffer = recorded.isBinary() != replayed.isBinary();
        if (!kindsDiffer && !recorded.isBinary()) {
            return spans(false, false, recorded.text().codePoints().toArray(), replayed.text().codePoints().toArray());
        }
        return spans(true, kindsDiffer, widen(recorded.bytes()), widen(replayed.bytes()));
    }

    private static Difference spans(boolean inBytes, boolean kindsDiffer, int[] a, int[] b) {
        int shorter = Math.min(a.length, b.length);
        int prefix = Arrays.mismatch(a, b);
        if (prefix < 0) prefix = shorter; // the same units: only the kinds differ
        int suffix = 0;
        while (suffix < shorter - prefix && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) suffix++;
        return new Difference(inBytes, kindsDiffer, prefix, a.length - suffix, prefix, b.length - suffix);
    }

    private static int[] widen(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] & 0xff;
        return out;
    }
}
