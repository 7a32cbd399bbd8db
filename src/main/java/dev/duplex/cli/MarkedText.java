package dev.duplex.cli;

import java.util.HexFormat;

/**
 * A message put on one terminal line with a span of it marked by a caret line beneath, as {@code duplex
 * replay} shows where a reply differs from the recording:
 * <pre>
 * recorded: Received:hello
 *           ^^^^^^^^
 * replayed: Answer:hello
 *           ^^^^^^
 * </pre>
 * Text keeps to one line (a line break shows as {@code \n}, other control characters as {@code \u0007}),
 * and the carets line up under wide characters (Chinese, emoji take two columns) and combining marks
 * (none). Binary shows as hex, two digits a byte. A long message is cut to a window around the span, with
 * {@code …} where it was cut. An empty span (something inserted in the other message) is one caret at its
 * place.
 */
final class MarkedText {
    /** Code points (or bytes) of context shown before the span. */
    private static final int BEFORE = 24;
    /** The most code points shown of a text, and bytes of binary. */
    private static final int TEXT_WINDOW = 72;
    private static final int HEX_WINDOW = 24;
    private static final String CUT = "…";

    /** The line, and the caret line to print under it (same columns). */
    record Marked(String line, String carets) { }

    private MarkedText() { }

    /** {@code text} with the code points [start, end) marked. */
    static Marked text(String text, int start, int end) {
        int[] cps = text.codePoints().toArray();
        int from = Math.max(0, Math.min(start, cps.length) - BEFORE);
        int to = Math.min(cps.length, from + TEXT_WINDOW);
        StringBuilder line = new StringBuilder(from > 0 ? CUT : "");
        int column = from > 0 ? 1 : 0;
        int markFrom = -1;
        int markTo = -1;
        for (int i = from; i < to; i++) {
            if (i == start) markFrom = column;
            String shown = shown(cps[i]);
            line.append(shown);
            column += shown.codePointCount(0, shown.length()) == 1 ? width(cps[i]) : shown.length();
            if (i == end - 1) markTo = column;
        }
        if (markFrom < 0) markFrom = column; // the span starts at the end (of the window)
        if (markTo < 0) markTo = end > to ? column : markFrom;
        if (to < cps.length) line.append(CUT);
        return new Marked(line.toString(), carets(markFrom, markTo));
    }

    /** {@code bytes} in hex with the bytes [start, end) marked. */
    static Marked hex(byte[] bytes, int start, int end) {
        int from = Math.max(0, Math.min(start, bytes.length) - BEFORE / 3);
        int to = Math.min(bytes.length, from + HEX_WINDOW);
        HexFormat hex = HexFormat.of();
        StringBuilder line = new StringBuilder(from > 0 ? CUT + " " : "");
        int markFrom = -1;
        int markTo = -1;
        for (int i = from; i < to; i++) {
            if (i > from) line.append(' ');
            if (i == start) markFrom = line.length();
            line.append(hex.toHexDigits(bytes[i]));
            if (i == end - 1) markTo = line.length();
        }
        if (markFrom < 0) markFrom = line.length() + (bytes.length > 0 && start > from ? 1 : 0);
        if (markTo < 0) markTo = end > to ? line.length() : markFrom;
        if (to < bytes.length) line.append(" ").append(CUT);
        return new Marked(line.toString(), carets(markFrom, markTo));
    }

    /** How many columns {@code text} takes on a terminal. */
    static int width(String text) {
        int w = 0;
        for (int cp : text.codePoints().toArray()) w += width(cp);
        return w;
    }

    private static String carets(int from, int to) {
        return " ".repeat(from) + "^".repeat(Math.max(1, to - from));
    }

    /** A code point as it goes on the line: itself, or an escape for a control character. */
    private static String shown(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(cp) ? String.format("\\u%04x", cp) : Character.toString(cp);
        };
    }

    /**
     * Columns a printable code point takes: 0 for a combining mark, 2 for the East Asian wide and fullwidth
     * blocks and the emoji (the ranges of Unicode's EastAsianWidth W and F, in broad blocks), else 1.
     */
    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) return 0;
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
