package dev.duplex.decode.binary;

import java.util.List;

/**
 * One value read from a binary payload, whatever the format: a map or an array with members, or a leaf with
 * its text (a number as written in decimal, a byte string as {@code h'0a1b'}, as CBOR's diagnostic notation
 * writes it). The message view turns it into the same tree as a JSON message's.
 *
 * @param kind    what it is
 * @param text    a leaf's value as shown; null for a map or an array
 * @param members a map's entries or an array's elements, in the order read (an element's key is null)
 */
public record BinaryValue(Kind kind, String text, List<Member> members) {
    /** What a value is. */
    public enum Kind { MAP, ARRAY, STRING, NUMBER, BOOLEAN, NULL, BYTES }

    /** A map's entry (its key as text) or an array's element (key null). */
    public record Member(String key, BinaryValue value) { }

    /** Past this many bytes a byte string's text shows the start only: the tree holds it in memory. */
    static final int MAX_BYTES_SHOWN = 4096;

    public BinaryValue {
        members = List.copyOf(members);
    }

    static BinaryValue leaf(Kind kind, String text) {
        return new BinaryValue(kind, text, List.of());
    }

    static BinaryValue bytes(byte[] data, int from, int to) {
        StringBuilder hex = new StringBuilder("h'");
        int shown = Math.min(to, from + MAX_BYTES_SHOWN);
        for (int i = from; i < shown; i++) hex.append(Character.forDigit((data[i] >> 4) & 0xf, 16))
                .append(Character.forDigit(data[i] & 0xf, 16));
        return leaf(Kind.BYTES, hex.append(shown < to ? "…'" : "'").toString());
    }

    /** Whether it is a map or an array: a reading whose whole payload is one leaf says little (see {@link BinaryReader}). */
    public boolean isContainer() {
        return kind == Kind.MAP || kind == Kind.ARRAY;
    }
}
