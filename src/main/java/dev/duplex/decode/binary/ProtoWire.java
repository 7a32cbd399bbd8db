package dev.duplex.decode.binary;

import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * The protobuf wire format, one field at a time, between two offsets of a byte array: a tag (field number and
 * wire type), then a varint, 8 or 4 little-endian bytes, or a length and that many bytes; or a group (wire
 * type 3, deprecated since proto2 but still sent by old peers): fields up to the end-group tag (wire type 4) of
 * the same number, which is read as a message is.
 */
final class ProtoWire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;
    static final int FIXED32 = 5;
    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;
    /** Groups in groups deeper than this are refused, so that hostile bytes cannot exhaust the stack. */
    private static final int MAX_GROUP_DEPTH = 64;

    /**
     * One field as read: for wire types 0, 1 and 5 its value's bits; for 2 where its bytes are; for a group (3)
     * where its fields are, up to its end-group tag.
     *
     * @param offset where its tag starts, for a failure's place
     */
    record Field(int number, int wireType, long bits, int from, int to, int offset) { }

    private final byte[] data;
    private final int end;
    private int at;
    private int groupDepth;

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
            case START_GROUP -> {
                return group((int) number, offset);
            }
            // An end-group with no group open, and wire types 6 and 7, which protobuf does not have.
            default -> throw new Unreadable(Failure.MALFORMED, offset);
        }
    }

    /** A group's fields, skipped over (groups in it too) up to its own end-group tag. */
    private Field group(int number, int offset) throws Unreadable {
        if (++groupDepth > MAX_GROUP_DEPTH) throw new Unreadable(Failure.MALFORMED, offset);
        int from = at;
        while (true) {
            if (at >= end) throw new Unreadable(Failure.TRUNCATED, end);
            int tagAt = at;
            long tag = varint();
            if ((tag & 7) == END_GROUP) {
                if (tag >>> 3 != number) throw new Unreadable(Failure.MALFORMED, tagAt);
                groupDepth--;
                return new Field(number, START_GROUP, 0, from, tagAt, offset);
            }
            at = tagAt;
            next();
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
