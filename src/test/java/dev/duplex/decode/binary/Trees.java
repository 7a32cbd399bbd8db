package dev.duplex.decode.binary;

import dev.duplex.decode.binary.BinaryValue.Member;

/** A tree written out compactly, JSON-like (byte strings as h'…'), for a test to compare with what it expects. */
final class Trees {
    private Trees() { }

    static String compact(BinaryValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(BinaryValue value, StringBuilder out) {
        switch (value.kind()) {
            case MAP, ARRAY -> {
                boolean map = value.kind() == BinaryValue.Kind.MAP;
                out.append(map ? '{' : '[');
                for (int i = 0; i < value.members().size(); i++) {
                    Member m = value.members().get(i);
                    if (i > 0) out.append(',');
                    if (map) out.append('"').append(m.key()).append("\":");
                    write(m.value(), out);
                }
                out.append(map ? '}' : ']');
            }
            case STRING -> out.append('"').append(value.text()).append('"');
            default -> out.append(value.text());
        }
    }
}
