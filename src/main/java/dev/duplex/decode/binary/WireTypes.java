package dev.duplex.decode.binary;

/** descriptor.proto's field types (FieldDescriptorProto.Type), and how each travels on the wire. */
final class WireTypes {
    static final int DOUBLE = 1;
    static final int FLOAT = 2;
    static final int INT64 = 3;
    static final int UINT64 = 4;
    static final int INT32 = 5;
    static final int FIXED64 = 6;
    static final int FIXED32 = 7;
    static final int BOOL = 8;
    static final int STRING = 9;
    static final int GROUP = 10;
    static final int MESSAGE = 11;
    static final int BYTES = 12;
    static final int UINT32 = 13;
    static final int ENUM = 14;
    static final int SFIXED32 = 15;
    static final int SFIXED64 = 16;
    static final int SINT32 = 17;
    static final int SINT64 = 18;

    private WireTypes() { }

    /** The wire type a single value of {@code type} comes with. */
    static int expected(int type) {
        return switch (type) {
            case DOUBLE, FIXED64, SFIXED64 -> ProtoWire.FIXED64;
            case FLOAT, FIXED32, SFIXED32 -> ProtoWire.FIXED32;
            case STRING, MESSAGE, BYTES -> ProtoWire.LENGTH_DELIMITED;
            case GROUP -> ProtoWire.START_GROUP;
            default -> ProtoWire.VARINT;
        };
    }

    /** Whether a field of {@code type} with this wire type is a packed run of numbers (proto3's default). */
    static boolean packed(int type, int wireType) {
        int single = expected(type);
        return wireType == ProtoWire.LENGTH_DELIMITED && single != ProtoWire.LENGTH_DELIMITED && single != ProtoWire.START_GROUP;
    }

    /** The next number of {@code type} in a packed run. */
    static long read(ProtoWire wire, int type) throws Unreadable {
        return switch (expected(type)) {
            case ProtoWire.FIXED64 -> wire.fixed(8);
            case ProtoWire.FIXED32 -> wire.fixed(4);
            default -> wire.varint();
        };
    }

    /** A number's bits as {@code type} says to read them. */
    static String number(int type, long bits) {
        return switch (type) {
            case DOUBLE -> Floats.text(Double.longBitsToDouble(bits));
            case FLOAT -> Floats.text(Float.intBitsToFloat((int) bits));
            case INT32, SFIXED32 -> Integer.toString((int) bits);
            case UINT32, FIXED32 -> Long.toString(bits & 0xffff_ffffL);
            case UINT64, FIXED64 -> Long.toUnsignedString(bits);
            case SINT32 -> Integer.toString((int) (bits >>> 1) ^ -(int) (bits & 1));
            case SINT64 -> Long.toString((bits >>> 1) ^ -(bits & 1));
            // int64, sfixed64, and an enum's number that the schema does not name.
            default -> Long.toString(type == ENUM ? (int) bits : bits);
        };
    }
}
