package dev.duplex.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The data of one WebSocket message: text, or binary bytes. Immutable; binary bytes are copied in so that
 * a caller reusing its buffer cannot change what the logs show later.
 */
public final class Payload {
    private final String text;
    private final byte[] bytes;

    private Payload(String text, byte[] bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    public static Payload text(String text) {
        return new Payload(text == null ? "" : text, null);
    }

    public static Payload binary(byte[] bytes) {
        return new Payload(null, bytes.clone());
    }

    public boolean isBinary() {
        return bytes != null;
    }

    /** The text of a text message; for a binary message, its hex preview. */
    public String text() {
        return text != null ? text : hexPreview(64);
    }

    /** The bytes as sent on the wire: UTF-8 for text. */
    public byte[] bytes() {
        return bytes != null ? bytes.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /** How many bytes the message is on the wire (UTF-8 for text), counted without encoding it. */
    public int size() {
        return bytes != null ? bytes.length : dev.duplex.protocol.Utf8.length(text);
    }

    /** Up to {@code max} bytes as space-separated hex pairs, with an ellipsis when there are more. */
    public String hexPreview(int max) {
        byte[] data = bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(max, data.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append(' ');
            sb.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
        }
        if (data.length > shown) sb.append(" …");
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && java.util.Objects.equals(text, p.text) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(text) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return isBinary() ? "binary[" + bytes.length + "]" : text;
    }
}
