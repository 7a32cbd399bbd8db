package dev.duplex.decode.binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

import dev.duplex.decode.binary.BinaryValue.Kind;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * CBOR (RFC 8949), read with Jackson's CBOR parser, which is a {@link JsonParser} like the JSON tree's: maps
 * (with text or integer keys), arrays, text and byte strings, numbers (big ones from tags 2 and 3 too),
 * booleans and null. One whole value that takes every byte, or none.
 */
public final class CborReader {
    private static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Budget.MAX_DEPTH).build())
            .build();

    private CborReader() { }

    /** The one value that {@code data} holds, made of at most {@code maxValues} values. */
    public static BinaryValue read(byte[] data, int maxValues) throws Unreadable {
        if (data.length == 0) throw new Unreadable(Failure.NOT_A_TREE, 0);
        Budget budget = new Budget(maxValues);
        try (JsonParser parser = FACTORY.createParser(data)) {
            BinaryValue value = value(parser, parser.nextToken(), budget);
            long end = parser.currentLocation().getByteOffset();
            if (parser.nextToken() != null) throw new Unreadable(Failure.TRAILING_BYTES, end);
            return value;
        } catch (JsonEOFException truncated) {
            throw new Unreadable(Failure.TRUNCATED, data.length);
        } catch (IOException | RuntimeException malformed) {
            // Jackson says what it did not like in English only: the view says it in its own words.
            throw new Unreadable(Failure.MALFORMED, 0);
        }
    }

    private static BinaryValue value(JsonParser parser, JsonToken token, Budget budget) throws IOException, Unreadable {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (token == null) throw new Unreadable(Failure.TRUNCATED, offset);
        budget.take(offset);
        switch (token) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t == null) throw new Unreadable(Failure.TRUNCATED, offset);
                    String name = parser.currentName();
                    members.add(new Member(name, value(parser, parser.nextToken(), budget)));
                }
                return new BinaryValue(Kind.MAP, null, members);
            }
            case START_ARRAY -> {
                List<Member> members = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) throw new Unreadable(Failure.TRUNCATED, offset);
                    members.add(new Member(null, value(parser, t, budget)));
                }
                return new BinaryValue(Kind.ARRAY, null, members);
            }
            case VALUE_STRING -> { return BinaryValue.leaf(Kind.STRING, parser.getText()); }
            case VALUE_NUMBER_INT -> { return BinaryValue.leaf(Kind.NUMBER, parser.getText()); }
            case VALUE_NUMBER_FLOAT -> { return BinaryValue.leaf(Kind.NUMBER, Floats.text(parser.getDoubleValue())); }
            case VALUE_TRUE, VALUE_FALSE -> { return BinaryValue.leaf(Kind.BOOLEAN, parser.getText()); }
            case VALUE_NULL -> { return BinaryValue.leaf(Kind.NULL, "null"); }
            case VALUE_EMBEDDED_OBJECT -> {
                Object embedded = parser.getEmbeddedObject();
                if (embedded instanceof byte[] bytes) return BinaryValue.bytes(bytes, 0, bytes.length);
                return BinaryValue.leaf(Kind.STRING, String.valueOf(embedded));
            }
            default -> throw new Unreadable(Failure.MALFORMED, offset);
        }
    }
}
