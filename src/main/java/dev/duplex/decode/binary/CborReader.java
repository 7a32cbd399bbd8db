package dev.duplex.decode.binary;

import java.math.BigInteger;
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
 * CBOR (RFC 8949), read after the RFC: one whole data item that takes every byte. Maps (keys of any kind; a
 * key that is not text is named by its value), arrays, text and byte strings (indefinite ones too),
 * integers, big ones of tags 2 and 3, half, single and double floats, booleans, null and undefined. Tag 1
 * (epoch time) reads as its instant; other tags as the item they wrap. Ours rather than Jackson's CBOR
 * parser, a JPMS module that requires jackson-databind: the two put the app image at 79 MB of its 80.
 */
public final class CborReader {
    private static final int BREAK = 0xff;

    private final byte[] data;
    private final Budget budget;
    private int at;

    private CborReader(byte[] data, Budget budget) {
        this.data = data;
        this.budget = budget;
    }

    /** The one value that {@code data} holds, made of at most {@code maxValues} values. */
    public static BinaryValue read(byte[] data, int maxValues) throws Unreadable {
        if (data.length == 0) throw new Unreadable(Failure.NOT_A_TREE, 0);
        CborReader reader = new CborReader(data, new Budget(maxValues));
        BinaryValue value = reader.item(0, false);
        if (reader.at != data.length) throw new Unreadable(Failure.TRAILING_BYTES, reader.at);
        return value;
    }

    /** The next data item; null for a break (0xff), which only {@code inIndefinite} allows. */
    private BinaryValue item(int depth, boolean inIndefinite) throws Unreadable {
        Budget.depth(depth, at);
        int start = at;
        int initial = u8();
        if (initial == BREAK) {
            if (!inIndefinite) throw new Unreadable(Failure.MALFORMED, start);
            return null;
        }
        budget.take(start);
        int major = initial >> 5;
        int info = initial & 0x1f;
        if (major == 7) return simple(info, start);
        if (info == 31) {
            if (major == 0 || major == 1 || major == 6) throw new Unreadable(Failure.MALFORMED, start);
            return indefinite(major, depth, start);
        }
        long argument = argument(info, start);
        switch (major) {
            case 0 -> { return number(Long.toUnsignedString(argument)); }
            case 1 -> { return number(negative(argument)); }
            case 2 -> { int from = take(argument); return BinaryValue.bytes(data, from, at); }
            case 3 -> { int from = take(argument); return BinaryValue.leaf(Kind.STRING, utf8(data, from, at)); }
            case 4 -> {
                if (Long.compareUnsigned(argument, data.length - at) > 0) throw new Unreadable(Failure.TRUNCATED, data.length);
                List<Member> elements = new ArrayList<>((int) argument);
                for (long i = 0; i < argument; i++) elements.add(new Member(null, item(depth + 1, false)));
                return new BinaryValue(Kind.ARRAY, null, elements);
            }
            case 5 -> {
                if (Long.compareUnsigned(argument, (data.length - at) / 2) > 0) throw new Unreadable(Failure.TRUNCATED, data.length);
                List<Member> members = new ArrayList<>((int) argument);
                for (long i = 0; i < argument; i++) {
                    String key = MessagePackReader.keyText(item(depth + 1, false));
                    members.add(new Member(key, item(depth + 1, false)));
                }
                return new BinaryValue(Kind.MAP, null, members);
            }
            default -> { return tagged(argument, depth, start); }
        }
    }

    /** Strings, arrays and maps of indefinite length: items (for strings, definite chunks) up to a break. */
    private BinaryValue indefinite(int major, int depth, int start) throws Unreadable {
        if (major == 2 || major == 3) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            while (true) {
                int chunkStart = at;
                int initial = u8();
                if (initial == BREAK) break;
                if (initial >> 5 != major || (initial & 0x1f) == 31) throw new Unreadable(Failure.MALFORMED, chunkStart);
                int from = take(argument(initial & 0x1f, chunkStart));
                joined.write(data, from, at - from);
            }
            byte[] whole = joined.toByteArray();
            if (major == 2) return BinaryValue.bytes(whole, 0, whole.length);
            return BinaryValue.leaf(Kind.STRING, utf8(whole, 0, whole.length));
        }
        List<Member> members = new ArrayList<>();
        while (true) {
            BinaryValue first = item(depth + 1, true);
            if (first == null) break;
            if (major == 4) {
                members.add(new Member(null, first));
            } else {
                BinaryValue value = item(depth + 1, false);
                members.add(new Member(MessagePackReader.keyText(first), value));
            }
        }
        return new BinaryValue(major == 4 ? Kind.ARRAY : Kind.MAP, null, members);
    }

    private BinaryValue tagged(long tag, int depth, int start) throws Unreadable {
        BinaryValue inner = item(depth + 1, false);
        if ((tag == 2 || tag == 3) && inner.kind() == Kind.BYTES && !inner.text().endsWith("…'")) {
            String hex = inner.text().substring(2, inner.text().length() - 1);
            BigInteger n = hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
            return number((tag == 2 ? n : n.negate().subtract(BigInteger.ONE)).toString());
        }
        if (tag == 1 && inner.kind() == Kind.NUMBER) {
            try {
                double seconds = Double.parseDouble(inner.text());
                long whole = (long) Math.floor(seconds);
                return BinaryValue.leaf(Kind.STRING, Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9)).toString());
            } catch (RuntimeException outOfRange) {
                return inner;
            }
        }
        return inner;
    }

    private BinaryValue simple(int info, int start) throws Unreadable {
        return switch (info) {
            case 20 -> BinaryValue.leaf(Kind.BOOLEAN, "false");
            case 21 -> BinaryValue.leaf(Kind.BOOLEAN, "true");
            case 22 -> BinaryValue.leaf(Kind.NULL, "null");
            case 23 -> BinaryValue.leaf(Kind.NULL, "undefined");
            case 24 -> {
                int value = u8();
                if (value < 32) throw new Unreadable(Failure.MALFORMED, start);
                yield number("simple(" + value + ")");
            }
            case 25 -> number(Floats.text(halfFloat((int) fixed(2))));
            case 26 -> number(Floats.text(Float.intBitsToFloat((int) fixed(4))));
            case 27 -> number(Floats.text(Double.longBitsToDouble(fixed(8))));
            case 28, 29, 30, 31 -> throw new Unreadable(Failure.MALFORMED, start);
            default -> number("simple(" + info + ")");
        };
    }

    /** IEEE 754 half precision (RFC 8949 appendix D). */
    private static float halfFloat(int half) {
        int exponent = (half >> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        float value;
        if (exponent == 0) value = mantissa * 0x1p-24f;
        else if (exponent == 31) value = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        else value = (mantissa + 1024) * (float) Math.pow(2, exponent - 25);
        return (half & 0x8000) != 0 ? -value : value;
    }

    private static String negative(long argument) {
        if (argument >= 0) return Long.toString(-1 - argument);
        return new BigInteger(Long.toUnsignedString(argument)).negate().subtract(BigInteger.ONE).toString();
    }

    private long argument(int info, int start) throws Unreadable {
        if (info < 24) return info;
        return switch (info) {
            case 24 -> fixed(1);
            case 25 -> fixed(2);
            case 26 -> fixed(4);
            case 27 -> fixed(8);
            default -> throw new Unreadable(Failure.MALFORMED, start);
        };
    }

    private static String utf8(byte[] data, int from, int to) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable(Failure.MALFORMED, from);
        }
    }

    /** Takes {@code length} bytes (an unsigned 64-bit count), giving where they start. */
    private int take(long length) throws Unreadable {
        if (Long.compareUnsigned(length, data.length - at) > 0) throw new Unreadable(Failure.TRUNCATED, data.length);
        int from = at;
        at += (int) length;
        return from;
    }

    private int u8() throws Unreadable {
        return (int) fixed(1);
    }

    /** The next {@code size} bytes as a big-endian number (for 8 bytes, the long's bits). */
    private long fixed(int size) throws Unreadable {
        if (data.length - at < size) throw new Unreadable(Failure.TRUNCATED, data.length);
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | (data[at++] & 0xff);
        return value;
    }

    private static BinaryValue number(String text) {
        return BinaryValue.leaf(Kind.NUMBER, text);
    }
}
