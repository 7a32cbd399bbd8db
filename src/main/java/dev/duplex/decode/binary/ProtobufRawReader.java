package dev.duplex.decode.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.duplex.decode.binary.BinaryValue.Kind;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * protobuf without a schema, as {@code protoc --decode_raw} reads it: a message is a map from field numbers
 * to values; a field seen more than once is an array of them. Varints read as unsigned 64-bit numbers,
 * fixed64 and fixed32 as {@code 0x…} hex of 16 and 8 digits, as protoc prints them. A length-delimited field
 * is a string when its bytes are printable UTF-8, else a message when they read as one whole, else bytes; a
 * group is a message.
 * (protoc tries the message first; a printable string that also reads as a message, such as " a", is more
 * likely a string.)
 */
// Not final: ProtoSchema reads with it, naming what its schema knows (the constructor is the package's only).
public class ProtobufRawReader {
    final byte[] data;
    final Budget budget;

    ProtobufRawReader(byte[] data, Budget budget) {
        this.data = data;
        this.budget = budget;
    }

    /** The message that {@code data} is, made of at most {@code maxValues} values. */
    public static BinaryValue read(byte[] data, int maxValues) throws Unreadable {
        if (data.length == 0) throw new Unreadable(Failure.NOT_A_TREE, 0);
        return new ProtobufRawReader(data, new Budget(maxValues)).message(0, data.length, 0);
    }

    BinaryValue message(int from, int to, int depth) throws Unreadable {
        Budget.depth(depth, from);
        budget.take(from);
        Map<Integer, List<BinaryValue>> fields = new LinkedHashMap<>();
        ProtoWire wire = new ProtoWire(data, from, to);
        while (!wire.done()) {
            ProtoWire.Field field = wire.next();
            fields.computeIfAbsent(field.number(), n -> new ArrayList<>()).add(value(field, depth));
        }
        List<Member> members = new ArrayList<>();
        fields.forEach((number, values) -> members.add(new Member(number.toString(), oneOrArray(values, false))));
        return new BinaryValue(Kind.MAP, null, members);
    }

    static BinaryValue oneOrArray(List<BinaryValue> values, boolean repeated) {
        if (values.size() == 1 && !repeated) return values.get(0);
        List<Member> elements = new ArrayList<>();
        for (BinaryValue v : values) elements.add(new Member(null, v));
        return new BinaryValue(Kind.ARRAY, null, elements);
    }

    /** A field's value with no schema to say what it is. */
    BinaryValue value(ProtoWire.Field field, int depth) throws Unreadable {
        switch (field.wireType()) {
            case ProtoWire.VARINT -> {
                budget.take(field.offset());
                return BinaryValue.leaf(Kind.NUMBER, Long.toUnsignedString(field.bits()));
            }
            case ProtoWire.FIXED64 -> {
                budget.take(field.offset());
                return BinaryValue.leaf(Kind.NUMBER, String.format("0x%016x", field.bits()));
            }
            case ProtoWire.FIXED32 -> {
                budget.take(field.offset());
                return BinaryValue.leaf(Kind.NUMBER, String.format("0x%08x", field.bits()));
            }
            // A group is a message in all but its spelling, as protoc --decode_raw prints it.
            case ProtoWire.START_GROUP -> { return message(field.from(), field.to(), depth + 1); }
            default -> { return lengthDelimited(field, depth); }
        }
    }

    private BinaryValue lengthDelimited(ProtoWire.Field field, int depth) throws Unreadable {
        Optional<String> text = printableText(data, field.from(), field.to());
        if (text.isPresent()) {
            budget.take(field.offset());
            return BinaryValue.leaf(Kind.STRING, text.get());
        }
        int before = budget.left();
        try {
            return message(field.from(), field.to(), depth + 1);
        } catch (Unreadable notAMessage) {
            if (notAMessage.failure() == Failure.TOO_MANY_NODES) throw notAMessage;
            budget.reset(before);
            budget.take(field.offset());
            return BinaryValue.bytes(data, field.from(), field.to());
        }
    }

    /** The bytes as text when they are UTF-8 with no control characters but tab and line ends (none: ""). */
    static Optional<String> printableText(byte[] data, int from, int to) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') return Optional.empty();
        }
        return Optional.of(text);
    }
}
