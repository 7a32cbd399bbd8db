package dev.duplex.ui.replay;

import java.nio.charset.StandardCharsets;

import dev.duplex.net.Payload;

/**
 * A message as one line of a comparison cell, split where a {@link dev.duplex.replay.Difference} says it
 * differs: the text before the differing span, the span, and the text after it. Line breaks are shown as
 * {@code \n}; long parts are cut around the span (with "…"), so that the part that differs is always on
 * screen. Spans in bytes (binary, or text beside binary) are shown as hex, two digits a byte.
 */
record MarkedParts(String before, String marked, String after) {
    /** The most code points kept before the span, and after it. */
    static final int CONTEXT = 24;
    /** The most code points of the span itself, and of a message with no span. */
    static final int LONGEST = 160;

    /** The whole message, nothing marked. */
    static MarkedParts plain(String shown) {
        int[] cps = shown.codePoints().toArray();
        return new MarkedParts(cut(cps, 0, cps.length, LONGEST, false), "", "");
    }

    /** The message with units [start, end) marked: code points of its text, or bytes when {@code inBytes}. */
    static MarkedParts of(Payload message, boolean inBytes, int start, int end) {
        if (inBytes) {
            byte[] b = message.isBinary() ? message.bytes() : message.text().getBytes(StandardCharsets.UTF_8);
            int s = clamp(start, b.length);
            int e = Math.max(s, clamp(end, b.length));
            String before = trim(hex(b, 0, s), 3 * CONTEXT, true);
            String marked = trim(hex(b, s, e), 3 * LONGEST, false);
            String after = trim(hex(b, e, b.length), 3 * CONTEXT, false);
            return new MarkedParts(before.isEmpty() ? "" : before + " ", marked,
                    after.isEmpty() ? "" : (marked.isEmpty() ? "" : " ") + after);
        }
        int[] cps = message.text().codePoints().toArray();
        int s = clamp(start, cps.length);
        int e = Math.max(s, clamp(end, cps.length));
        return new MarkedParts(cut(cps, 0, s, CONTEXT, true), cut(cps, s, e, LONGEST, false),
                cut(cps, e, cps.length, CONTEXT, false));
    }

    private static int clamp(int i, int length) {
        return Math.max(0, Math.min(i, length));
    }

    /** Code points [from, to) with line breaks escaped; past {@code most}, the end nearest the span is kept. */
    private static String cut(int[] cps, int from, int to, int most, boolean keepEnd) {
        boolean cutting = to - from > most;
        int a = cutting && keepEnd ? to - most : from;
        int b = cutting && !keepEnd ? from + most : to;
        String text = escape(new String(cps, a, b - a));
        if (!cutting) return text;
        return keepEnd ? "…" + text : text + "…";
    }

    private static String trim(String hex, int most, boolean keepEnd) {
        int[] cps = hex.codePoints().toArray();
        return cut(cps, 0, cps.length, most, keepEnd);
    }

    static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (out.length() > 0) out.append(' ');
            out.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return out.toString();
    }
}
