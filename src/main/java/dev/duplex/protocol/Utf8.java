package dev.duplex.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, as RFC 6455 requires of text: no overlong forms, no encoded surrogates, nothing cut off.
 * The one place that decides what is UTF-8, for the server's checks, the views and the file formats.
 */
public final class Utf8 {
    private Utf8() { }

    /** The UTF-8 bytes of what a user typed (a lone surrogate becomes '?', as the JDK writes it). */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * How many bytes {@link #bytes} gives for {@code text}, without making them: counted per message of a
     * flood (the clients table's byte counts), where encoding each text only to take its length was a
     * copy of every payload for the collector.
     */
    public static int length(String text) {
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // a lone surrogate: written as '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Whether {@code length} bytes of {@code data} from {@code offset} on are strict UTF-8. */
    public static boolean isValid(byte[] data, int offset, int length) {
        try {
            strictDecoder().decode(ByteBuffer.wrap(data, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static java.nio.charset.CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code bytes}, or null when they are not valid UTF-8. */
    public static String decodeOrNull(byte[] bytes) {
        try {
            return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The UTF-8 bytes of {@code text}, or null when it holds a lone surrogate: {@link String#getBytes} would
     * silently write '?' for it, and a file's text would not read back as the bytes it stood for.
     */
    public static byte[] encodeOrNull(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
