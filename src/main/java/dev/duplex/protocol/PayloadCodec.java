package dev.duplex.protocol;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Turns what a user types as a binary message into bytes (hex, base64), and bytes back into text to read
 * (spaced hex pairs, a classic hex dump). Errors carry a resource-bundle key and its arguments, never a
 * sentence, so that the view says them in the user's language.
 */
public final class PayloadCodec {
    /** Hex: a character that is neither a hex digit nor a separator. Args: line, column, the character, U+XXXX. */
    public static final String HEX_BAD_CHAR = "payload.hex.badChar";
    /** Hex: a group of digits with an odd count. Args: line, column (of the group's first digit), the group. */
    public static final String HEX_ODD = "payload.hex.odd";
    /** Hex: "0x" with no digits after it. Args: line, column (of the 0). */
    public static final String HEX_EMPTY_PREFIX = "payload.hex.emptyPrefix";
    /** Base64: a character outside both alphabets. Args: line, column, the character, U+XXXX. */
    public static final String B64_BAD_CHAR = "payload.base64.badChar";
    /** Base64: both the standard (+ /) and the URL-safe (- _) characters. Args: line, column of the first
     *  character of the second kind, that character. */
    public static final String B64_MIXED = "payload.base64.mixed";
    /** Base64: a data character after padding. Args: line, column, the character. */
    public static final String B64_AFTER_PADDING = "payload.base64.afterPadding";
    /** Base64: padding that does not fit (more than two, or not ending a 4-character group). Args: line, column
     *  of the first '='. */
    public static final String B64_BAD_PADDING = "payload.base64.badPadding";
    /** Base64: one character left over in the last group, which can hold no whole byte. Args: the number
     *  of base64 characters. */
    public static final String B64_LENGTH = "payload.base64.length";

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private PayloadCodec() { }

    /** Text the user typed could not be read; {@link #key()} and {@link #args()} say why, in any language. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient List<Object> args;

        FormatException(String key, Object... args) {
            super(key + " " + Arrays.toString(args));
            this.key = key;
            this.args = List.of(args);
        }

        /** The resource-bundle key (one of PayloadCodec's constants). */
        public String key() {
            return key;
        }

        /** The arguments of the key's message, in order (positions are 1-based numbers). */
        public List<Object> args() {
            return args;
        }

        /** The arguments as an array, for {@code Texts.get(key, args)}. */
        public Object[] argArray() {
            return args.toArray();
        }
    }

    // ---- hex ----

    /**
     * Reads hex bytes: digits in either case, separated (or not) by whitespace (full-width spaces too),
     * colons, commas or hyphens; each group may start with {@code 0x}. Every group must hold an even number
     * of digits, so {@code "0x1 0x2"} is an error rather than the byte 0x12. Empty input is zero bytes.
     */
    public static byte[] parseHex(String text) throws FormatException {
        if (text == null) return new byte[0];
        byte[] out = new byte[text.length() / 2];
        int n = 0;
        Cursor c = new Cursor(text);
        while (c.more()) {
            int cp = c.peek();
            if (isHexSeparator(cp)) {
                c.advance();
                continue;
            }
            // A group: optional 0x, then hex digits up to a separator or the end.
            int groupLine = c.line;
            int groupColumn = c.column;
            boolean prefixed = false;
            if (cp == '0' && (c.peekAt(1) == 'x' || c.peekAt(1) == 'X')) {
                c.advance();
                c.advance();
                prefixed = true;
            }
            int digitsLine = c.line;
            int digitsColumn = c.column;
            int start = c.index;
            while (c.more() && !isHexSeparator(c.peek())) {
                int d = c.peek();
                if (Character.digit(d, 16) < 0 || d > 'f') {
                    throw new FormatException(HEX_BAD_CHAR, c.line, c.column, new String(Character.toChars(d)), codePoint(d));
                }
                c.advance();
            }
            String digits = text.substring(start, c.index);
            if (digits.isEmpty()) {
                if (prefixed) throw new FormatException(HEX_EMPTY_PREFIX, groupLine, groupColumn);
                continue;
            }
            if (digits.length() % 2 != 0) throw new FormatException(HEX_ODD, digitsLine, digitsColumn, digits);
            for (int i = 0; i < digits.length(); i += 2) {
                out[n++] = (byte) (Character.digit(digits.charAt(i), 16) << 4 | Character.digit(digits.charAt(i + 1), 16));
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isHexSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == ':' || cp == ',' || cp == '-'
                || cp == '\uFF1A' || cp == '\uFF0C'; // full-width colon and comma, as a Chinese IME types them
    }

    // ---- base64 ----

    /**
     * Reads base64, standard ({@code + /}) or URL-safe ({@code - _}) but not both at once, padded or not.
     * Whitespace anywhere (line breaks of MIME base64 included) is ignored. Empty input is zero bytes.
     */
    public static byte[] parseBase64(String text) throws FormatException {
        if (text == null) return new byte[0];
        StringBuilder data = new StringBuilder(text.length());
        Cursor c = new Cursor(text);
        int firstStd = -1;
        int firstUrl = -1;
        int padLine = 0;
        int padColumn = 0;
        int pads = 0;
        while (c.more()) {
            int cp = c.peek();
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                c.advance();
                continue;
            }
            if (cp == '=') {
                if (pads == 0) {
                    padLine = c.line;
                    padColumn = c.column;
                }
                pads++;
                c.advance();
                continue;
            }
            boolean plain = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
            boolean std = cp == '+' || cp == '/';
            boolean url = cp == '-' || cp == '_';
            String shown = new String(Character.toChars(cp));
            if (!plain && !std && !url) throw new FormatException(B64_BAD_CHAR, c.line, c.column, shown, codePoint(cp));
            if (pads > 0) throw new FormatException(B64_AFTER_PADDING, c.line, c.column, shown);
            if (std) {
                if (firstUrl >= 0) throw new FormatException(B64_MIXED, c.line, c.column, shown);
                if (firstStd < 0) firstStd = c.index;
            }
            if (url) {
                if (firstStd >= 0) throw new FormatException(B64_MIXED, c.line, c.column, shown);
                if (firstUrl < 0) firstUrl = c.index;
            }
            data.append((char) cp);
            c.advance();
        }
        int len = data.length();
        if (len % 4 == 1) throw new FormatException(B64_LENGTH, len);
        if (pads > 0 && (pads > 2 || (len + pads) % 4 != 0)) throw new FormatException(B64_BAD_PADDING, padLine, padColumn);
        String standard = firstUrl >= 0 ? data.toString().replace('-', '+').replace('_', '/') : data.toString();
        // The JDK decoder takes an unpadded last group as if it were padded.
        return Base64.getDecoder().decode(standard);
    }

    // ---- bytes to text ----

    /** The bytes as lowercase hex pairs separated by one space: {@code "48 69 0a"}; empty for none. */
    public static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder(Math.max(0, data.length * 3 - 1));
        for (int i = 0; i < data.length; i++) {
            if (i > 0) sb.append(' ');
            appendByte(sb, data[i]);
        }
        return sb.toString();
    }

    /**
     * A classic hex dump ({@code hexdump -C}) of the first {@code maxBytes} bytes: rows of 16, each an 8-digit
     * hex offset, two spaces, the bytes as hex pairs with an extra space after the 8th, and the bytes as ASCII
     * between bars ({@code .} for anything not printable). Rows end with {@code \n}, the last one too. When
     * {@code data} is longer than {@code maxBytes}, a last line {@code …} says so (the caller can say by how
     * much, in the user's language). Empty data gives an empty string.
     */
    public static String hexDump(byte[] data, int maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
        int shown = Math.min(maxBytes, data.length);
        StringBuilder sb = new StringBuilder((shown / 16 + 2) * 80);
        for (int row = 0; row < shown; row += 16) {
            String offset = Integer.toHexString(row);
            sb.append("0".repeat(Math.max(0, 8 - offset.length()))).append(offset).append("  ");
            int end = Math.min(row + 16, shown);
            for (int i = row; i < row + 16; i++) {
                if (i < end) appendByte(sb, data[i]).append(' ');
                else sb.append("   ");
                if (i == row + 7) sb.append(' ');
            }
            sb.append(" |");
            for (int i = row; i < end; i++) {
                int b = data[i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            sb.append("|\n");
        }
        if (data.length > shown) sb.append("…\n");
        return sb.toString();
    }

    private static StringBuilder appendByte(StringBuilder sb, byte b) {
        return sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    /** Walks code points, keeping the 1-based line and column (in code points) of the current one. */
    private static final class Cursor {
        final String text;
        int index;
        int line = 1;
        int column = 1;

        Cursor(String text) {
            this.text = text;
        }

        boolean more() {
            return index < text.length();
        }

        int peek() {
            return text.codePointAt(index);
        }

        int peekAt(int ahead) {
            int i = index;
            for (int k = 0; k < ahead && i < text.length(); k++) i += Character.charCount(text.codePointAt(i));
            return i < text.length() ? text.codePointAt(i) : -1;
        }

        void advance() {
            int cp = text.codePointAt(index);
            index += Character.charCount(cp);
            // \r\n is one line break; a lone \r counts as one too.
            if (cp == '\n' && index >= 2 && text.charAt(index - 2) == '\r') return;
            if (cp == '\n' || cp == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }
}
