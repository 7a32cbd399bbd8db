package dev.duplex.decode.binary;

import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * The protobuf wire format, one field at a time, between two offsets of a byte array: a tag (field number and
 * wire type), then a varint, 8 or 4 little-endian bytes, or a length and that many bytes. Groups (wire types 3
 * and 4, deprecated since proto2) are not read: a payload with one reads as something else, or as nothing.
 */
final class ProtoWire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;
    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

    /**
     * One field as read: for wire types 0, 1 and 5 its value's bits; for 2 where its bytes are.
     *
     * @param offset where its tag starts, for a failure's place
     */
    record Field(int number, int wireType, long bits, int from, int to, int offset) { }

    private final byte[] data;
    private final int end;
    private int at;

    ProtoWire(byte[] data, int from, int to) {
        this.data = data;
        this.at = from;
        this.end = to;
    }

    boolean done() {
        return at >= end;
    }

    int at() {
        return at;
    }

    Field next() throws Unreadable {
        int offset = at;
        long tag = varint();
        long number = tag >>> 3;
        int wireType = (int) (tag & 7);
        if (number < 1 || number > MAX_FIELD_NUMBER) throw new Unreadable(Failure.MALFORMED, offset);
        switch (wireType) {
            case VARINT -> { return new Field((int) number, wireType, varint(), 0, 0, offset); }
            case FIXED64 -> { return new Field((int) number, wireType, fixed(8), 0, 0, offset); }
            case FIXED32 -> { return new Field((int) number, wireType, fixed(4), 0, 0, offset); }
            case LENGTH_DELIMITED -> {
                long length = varint();
                if (length > end - at) throw new Unreadable(Failure.TRUNCATED, end);
                int from = at;
                at += (int) length;
                return new Field((int) number, wireType, 0, from, at, offset);
            }
            default -> throw new Unreadable(Failure.MALFORMED, offset);
        }
    }

    /** A base-128 varint of at most 10 bytes, as the 64 bits it stands for. */
    long varint() throws Unreadable {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (at >= end) throw new Unreadable(Failure.TRUNCATED, end);
            int b = data[at++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new Unreadable(Failure.MALFORMED, at);
    }

    /** {@code size} little-endian bytes. */
    long fixed(int size) throws Unreadable {
        if (end - at < size) throw new Unreadable(Failure.TRUNCATED, end);
        long value = 0;
        for (int i = 0; i < size; i++) value |= (long) (data[at++] & 0xff) << (8 * i);
        return value;
    }
}
