package dev.duplex.decode.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.duplex.decode.binary.BinaryValue.Kind;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * Reads a binary message in the format chosen, or, for {@link Choice#AUTO}, in the first that fits: protobuf
 * with the schema when one is chosen, then CBOR, MessagePack and protobuf without a schema. Many byte strings
 * read as several of them (0x82 starts a CBOR array and a MessagePack map), so Auto takes only a reading that
 * uses every byte and gives a map or an array, and of those the one with the fewest odd things in it (keys
 * that are not text, text with control characters): what a person's encoder is likely to have written.
 */
public final class BinaryReader {
    /** What the person chose to read binary messages as. */
    public enum Choice { AUTO, MESSAGEPACK, CBOR, PROTOBUF_RAW, PROTOBUF_SCHEMA }

    /** A format that a message was read in. */
    public enum Format { PROTOBUF_SCHEMA, CBOR, MESSAGEPACK, PROTOBUF_RAW }

    /** A descriptor set and the message type in it that messages are read as. */
    public record Schema(ProtoSchema set, String type) { }

    /**
     * What reading gave: the format it was read in and its tree, or (format empty) why not, with the failure
     * of the format chosen (for Auto, of the last one tried); and the other formats it also reads in, for Auto.
     */
    public record Reading(Optional<Format> format, Optional<BinaryValue> value, Optional<Unreadable> failure,
            List<Format> alsoReadsAs) {
        public Reading {
            alsoReadsAs = List.copyOf(alsoReadsAs);
        }
    }

    private BinaryReader() { }

    /** {@code data} read as {@code choice} says, with at most {@code maxValues} values; never throws. */
    public static Reading read(byte[] data, Choice choice, Optional<Schema> schema, int maxValues) {
        if (choice != Choice.AUTO) {
            Format format = Format.valueOf(choice.name());
            try {
                return new Reading(Optional.of(format), Optional.of(in(format, data, schema, maxValues)),
                        Optional.empty(), List.of());
            } catch (Unreadable why) {
                return failed(why);
            }
        }
        Format best = null;
        BinaryValue bestValue = null;
        int bestOddities = Integer.MAX_VALUE;
        List<Format> fits = new ArrayList<>();
        Unreadable last = new Unreadable(Failure.NOT_A_TREE, 0);
        for (Format format : Format.values()) {
            if (format == Format.PROTOBUF_SCHEMA && schema.isEmpty()) continue;
            BinaryValue value;
            try {
                value = in(format, data, schema, maxValues);
            } catch (Unreadable why) {
                last = why;
                continue;
            }
            if (!value.isContainer() || (format == Format.PROTOBUF_SCHEMA && !namesAField(value))) continue;
            fits.add(format);
            // The schema the person chose wins over any guess, once it names a field.
            int oddities = format == Format.PROTOBUF_SCHEMA ? -1 : oddities(value);
            if (oddities < bestOddities) {
                best = format;
                bestValue = value;
                bestOddities = oddities;
            }
        }
        if (best == null) return failed(last.failure() == Failure.TOO_MANY_NODES ? last
                : new Unreadable(Failure.NOT_A_TREE, 0));
        fits.remove(best);
        return new Reading(Optional.of(best), Optional.of(bestValue), Optional.empty(), fits);
    }

    private static Reading failed(Unreadable why) {
        return new Reading(Optional.empty(), Optional.empty(), Optional.of(why), List.of());
    }

    private static BinaryValue in(Format format, byte[] data, Optional<Schema> schema, int maxValues) throws Unreadable {
        return switch (format) {
            case CBOR -> CborReader.read(data, maxValues);
            case MESSAGEPACK -> MessagePackReader.read(data, maxValues);
            case PROTOBUF_RAW -> ProtobufRawReader.read(data, maxValues);
            case PROTOBUF_SCHEMA -> {
                if (schema.isEmpty()) throw new Unreadable(Failure.NO_SCHEMA, 0);
                yield schema.get().set().read(data, schema.get().type(), maxValues);
            }
        };
    }

    /** Whether a message read with the schema has a field the schema names (one of numbers only is a guess). */
    private static boolean namesAField(BinaryValue message) {
        for (Member m : message.members()) if (!m.key().chars().allMatch(Character::isDigit)) return true;
        return false;
    }

    /** Keys that are not text (CBOR's and MessagePack's may be anything), and text with control characters. */
    static int oddities(BinaryValue value) {
        int odd = 0;
        if (value.kind() == Kind.STRING && hasControl(value.text())) odd++;
        for (Member m : value.members()) {
            if (m.key() != null && hasControl(m.key())) odd++;
            odd += oddities(m.value());
        }
        return odd;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c == '\ufffd') return true;
        }
        return false;
    }
}
