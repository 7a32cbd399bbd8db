package dev.duplex.decode.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.duplex.decode.binary.BinaryValue.Kind;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * MessagePack, read after its specification (msgpack/msgpack spec.md): one whole value that takes every
 * byte. Ours, because no MessagePack library on Maven Central is a JPMS module that jlink takes. Strings must
 * be UTF-8, as the specification says: a reading that finds otherwise is likely of another format. The
 * timestamp extension (type -1) reads as its instant; other extensions as their type and bytes.
 */
public final class MessagePackReader {
    private final byte[] data;
    private final Budget budget;
    private int at;

    private MessagePackReader(byte[] data, Budget budget) {
        this.data = data;
        this.budget = budget;
    }

    /** The one value that {@code data} holds, made of at most {@code maxValues} values. */
    public static BinaryValue read(byte[] data, int maxValues) throws Unreadable {
        if (data.length == 0) throw new Unreadable(Failure.NOT_A_TREE, 0);
        MessagePackReader reader = new MessagePackReader(data, new Budget(maxValues));
        BinaryValue value = reader.value(0);
        if (reader.at != data.length) throw new Unreadable(Failure.TRAILING_BYTES, reader.at);
        return value;
    }

    private BinaryValue value(int depth) throws Unreadable {
        Budget.depth(depth, at);
        budget.take(at);
        int start = at;
        int b = u8();
        if (b <= 0x7f) return number(Integer.toString(b));
        if (b >= 0xe0) return number(Integer.toString((byte) b));
        if (b <= 0x8f) return map(b & 0x0f, depth);
        if (b <= 0x9f) return array(b & 0x0f, depth);
        if (b <= 0xbf) return string(b & 0x1f);
        return switch (b) {
            case 0xc0 -> BinaryValue.leaf(Kind.NULL, "null");
            case 0xc2 -> BinaryValue.leaf(Kind.BOOLEAN, "false");
            case 0xc3 -> BinaryValue.leaf(Kind.BOOLEAN, "true");
            case 0xc4 -> bytes(u8());
            case 0xc5 -> bytes(u16());
            case 0xc6 -> bytes(length32());
            case 0xc7 -> ext(u8());
            case 0xc8 -> ext(u16());
            case 0xc9 -> ext(length32());
            case 0xca -> number(Floats.text(Float.intBitsToFloat((int) fixed(4))));
            case 0xcb -> number(Floats.text(Double.longBitsToDouble(fixed(8))));
            case 0xcc -> number(Long.toString(fixed(1)));
            case 0xcd -> number(Long.toString(fixed(2)));
            case 0xce -> number(Long.toString(fixed(4)));
            case 0xcf -> number(Long.toUnsignedString(fixed(8)));
            case 0xd0 -> number(Long.toString((byte) fixed(1)));
            case 0xd1 -> number(Long.toString((short) fixed(2)));
            case 0xd2 -> number(Long.toString((int) fixed(4)));
            case 0xd3 -> number(Long.toString(fixed(8)));
            case 0xd4 -> ext(1);
            case 0xd5 -> ext(2);
            case 0xd6 -> ext(4);
            case 0xd7 -> ext(8);
            case 0xd8 -> ext(16);
            case 0xd9 -> string(u8());
            case 0xda -> string(u16());
            case 0xdb -> string(length32());
            case 0xdc -> array(u16(), depth);
            case 0xdd -> array(length32(), depth);
            case 0xde -> map(u16(), depth);
            case 0xdf -> map(length32(), depth);
            // 0xc1 is "never used".
            default -> throw new Unreadable(Failure.MALFORMED, start);
        };
    }

    private BinaryValue map(int entries, int depth) throws Unreadable {
        // Each entry takes two bytes at least: a count beyond that is a truncated (or not a MessagePack) payload.
        if (entries > (data.length - at) / 2) throw new Unreadable(Failure.TRUNCATED, data.length);
        List<Member> members = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            BinaryValue key = value(depth + 1);
            members.add(new Member(keyText(key), value(depth + 1)));
        }
        return new BinaryValue(Kind.MAP, null, members);
    }

    /** A key as the tree names it: a string as it is, a number or other leaf as its text. */
    static String keyText(BinaryValue key) {
        if (key.kind() == Kind.MAP) return "{…}";
        if (key.kind() == Kind.ARRAY) return "[…]";
        return key.text();
    }

    private BinaryValue array(int elements, int depth) throws Unreadable {
        if (elements > data.length - at) throw new Unreadable(Failure.TRUNCATED, data.length);
        List<Member> members = new ArrayList<>(elements);
        for (int i = 0; i < elements; i++) members.add(new Member(null, value(depth + 1)));
        return new BinaryValue(Kind.ARRAY, null, members);
    }

    private BinaryValue string(int length) throws Unreadable {
        int start = need(length);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, length)).toString();
            return BinaryValue.leaf(Kind.STRING, text);
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable(Failure.MALFORMED, start);
        }
    }

    private BinaryValue bytes(int length) throws Unreadable {
        int start = need(length);
        return BinaryValue.bytes(data, start, start + length);
    }

    private BinaryValue ext(int length) throws Unreadable {
        int type = (byte) u8();
        int start = need(length);
        if (type == -1 && (length == 4 || length == 8 || length == 12)) return timestamp(start, length);
        BinaryValue bytes = BinaryValue.bytes(data, start, start + length);
        return BinaryValue.leaf(Kind.BYTES, "ext(" + type + ") " + bytes.text());
    }

    /** The timestamp extension's three forms: 32-bit seconds; 30-bit nanoseconds and 34-bit seconds; 32 and 64. */
    private BinaryValue timestamp(int start, int length) {
        at = start;
        long seconds;
        long nanos = 0;
        if (length == 4) {
            seconds = fixedAt(4);
        } else if (length == 8) {
            long both = fixedAt(8);
            nanos = both >>> 34;
            seconds = both & 0x3_ffff_ffffL;
        } else {
            nanos = fixedAt(4);
            seconds = fixedAt(8);
        }
        return BinaryValue.leaf(Kind.STRING, Instant.ofEpochSecond(seconds, nanos).toString());
    }

    private int length32() throws Unreadable {
        long length = fixed(4);
        if (length > data.length) throw new Unreadable(Failure.TRUNCATED, data.length);
        return (int) length;
    }

    private int u8() throws Unreadable {
        return (int) fixed(1);
    }

    private int u16() throws Unreadable {
        return (int) fixed(2);
    }

    /** The next {@code size} bytes as a big-endian unsigned number (for 8 bytes, the long's bits). */
    private long fixed(int size) throws Unreadable {
        need(size);
        at -= size;
        return fixedAt(size);
    }

    private long fixedAt(int size) {
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | (data[at++] & 0xff);
        return value;
    }

    /** Takes {@code length} bytes, giving where they start; fails when the payload ends first. */
    private int need(int length) throws Unreadable {
        if (length < 0 || length > data.length - at) throw new Unreadable(Failure.TRUNCATED, data.length);
        int start = at;
        at += length;
        return start;
    }

    private static BinaryValue number(String text) {
        return BinaryValue.leaf(Kind.NUMBER, text);
    }
}
