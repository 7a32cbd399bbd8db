package dev.duplex.decode.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.decode.binary.BinaryReader.Choice;
import dev.duplex.decode.binary.BinaryReader.Format;
import dev.duplex.decode.binary.BinaryReader.Reading;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.peers.Protoc;

/**
 * protobuf against Debian's {@code protoc}: envelope.txt encoded by {@code protoc --encode} reads raw as
 * {@code protoc --decode_raw} prints it, line for line; with the descriptor set that {@code protoc
 * --descriptor_set_out} writes of envelope.proto it reads by name and type; Auto takes the schema when it is
 * chosen and the raw reading when not; and a payload cut short reads as nothing.
 */
class ProtobufAgainstProtocTest {
    private static final int MAX = 200_000;
    private static Path proto;
    private static byte[] envelope;

    @BeforeAll
    static void encode() throws Exception {
        proto = resource("envelope.proto");
        envelope = Protoc.encode(proto, "duplex.test.Envelope", resource("envelope.txt"));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ProtobufAgainstProtocTest.class.getResource(name).toURI());
    }

    @Test
    void rawReadsAsProtocDecodesRaw() throws Exception {
        assertEquals(Protoc.decodeRaw(envelope), decodeRawText(ProtobufRawReader.read(envelope, MAX)));
    }

    @Test
    void theDescriptorSetNamesTheFields(@TempDir Path dir) throws Exception {
        ProtoSchema schema = ProtoSchema.parse(Files.readAllBytes(Protoc.descriptorSet(proto, dir.resolve("envelope.desc"))));
        assertEquals(List.of("duplex.test.Envelope", "duplex.test.Envelope.CountsEntry", "duplex.test.User"),
                schema.messageTypes());
        assertEquals("{\"id\":\"m-1\",\"user\":{\"name\":\"ada\",\"id\":42,\"friends\":[{\"name\":\"bob\",\"id\":7}]},"
                + "\"tags\":[\"x\",\"y\"],\"count\":3,\"delta\":-5,\"ratio\":0.25,\"flags\":7,\"urgent\":true,"
                + "\"kind\":\"PRESENCE\",\"blob\":h'0102ff',\"scores\":[1,2,300],\"counts\":[{\"key\":\"a\",\"value\":1}],"
                + "\"stamp\":1234567890123,\"negative\":-2,\"share\":1.1}",
                Trees.compact(schema.read(envelope, "duplex.test.Envelope", MAX)));

        BinaryReader.Schema chosen = new BinaryReader.Schema(schema, "duplex.test.Envelope");
        Reading auto = BinaryReader.read(envelope, Choice.AUTO, Optional.of(chosen), MAX);
        assertEquals(Optional.of(Format.PROTOBUF_SCHEMA), auto.format());
        assertEquals(List.of(Format.PROTOBUF_RAW), auto.alsoReadsAs(), "it reads raw too");
        // Read as another of its types, the fields that type does not know, or not as they came, keep their numbers.
        String asUser = Trees.compact(schema.read(envelope, "duplex.test.User", MAX));
        assertTrue(asUser.startsWith("{\"name\":\"m-1\",\"2\":{\"1\":\"ada\",\"2\":42,\"3\":{\"1\":\"bob\""), asUser);
        assertTrue(asUser.contains("\"3\":[\"x\",\"y\"],\"4\":3"), asUser);
    }

    /** Groups (proto2's wire types 3 and 4), groups in groups and a repeated one: raw as protoc, and by name. */
    @Test
    void groupsReadAsProtocReadsThem(@TempDir Path dir) throws Exception {
        Path legacy = resource("legacy.proto");
        byte[] message = Protoc.encode(legacy, "duplex.test.Legacy", resource("legacy.txt"));
        assertEquals(Protoc.decodeRaw(message), decodeRawText(ProtobufRawReader.read(message, MAX)));
        ProtoSchema schema = ProtoSchema.parse(Files.readAllBytes(Protoc.descriptorSet(legacy, dir.resolve("legacy.desc"))));
        assertEquals("{\"header\":{\"version\":2,\"agent\":\"duplex\"},\"item\":[{\"sku\":\"a-1\",\"price\":{\"cents\":-250}},"
                + "{\"sku\":\"b-2\"}],\"count\":2}", Trees.compact(schema.read(message, "duplex.test.Legacy", MAX)));
        // An end-group of another number, or none at all, is no message.
        assertThrows(Unreadable.class, () -> ProtobufRawReader.read(HexFormat.of().parseHex("0b10021c"), MAX));
        assertThrows(Unreadable.class, () -> ProtobufRawReader.read(HexFormat.of().parseHex("0b1002"), MAX));
        assertThrows(Unreadable.class, () -> ProtobufRawReader.read(HexFormat.of().parseHex("0c"), MAX));
        assertThrows(Unreadable.class, () -> ProtobufRawReader.read(HexFormat.of().parseHex("0b".repeat(100)), MAX), "too deep");
    }

    @Test
    void autoWithoutASchemaReadsRaw() {
        Reading auto = BinaryReader.read(envelope, Choice.AUTO, Optional.empty(), MAX);
        assertEquals(Optional.of(Format.PROTOBUF_RAW), auto.format(), auto.toString());
        assertEquals(Optional.empty(), BinaryReader.read(envelope, Choice.PROTOBUF_SCHEMA, Optional.empty(), MAX).format());
    }

    @Test
    void cutShortItReadsAsNothing() {
        // Every cut that ends inside a field's value; a cut between two fields is a whole message of fewer.
        for (int length : new int[] {1, 3, 6, 20, envelope.length - 1}) {
            byte[] cut = Arrays.copyOf(envelope, length);
            assertThrows(Unreadable.class, () -> ProtobufRawReader.read(cut, MAX), "cut to " + length);
        }
        assertThrows(Unreadable.class, () -> ProtoSchema.parse(HexFormat.of().parseHex("0a05")), "not a descriptor set");
    }

    /** Our raw tree printed as {@code protoc --decode_raw} prints: numbers, strings escaped as protoc does. */
    static String decodeRawText(BinaryValue message) {
        StringBuilder out = new StringBuilder();
        write(message, "", out);
        return out.toString();
    }

    private static void write(BinaryValue message, String indent, StringBuilder out) {
        for (Member field : message.members()) {
            List<BinaryValue> values = field.value().kind() == BinaryValue.Kind.ARRAY
                    ? field.value().members().stream().map(Member::value).toList() : List.of(field.value());
            for (BinaryValue v : values) {
                switch (v.kind()) {
                    case MAP -> {
                        out.append(indent).append(field.key()).append(" {\n");
                        write(v, indent + "  ", out);
                        out.append(indent).append("}\n");
                    }
                    case STRING -> out.append(indent).append(field.key()).append(": \"").append(escape(v.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))).append("\"\n");
                    case BYTES -> out.append(indent).append(field.key()).append(": \"")
                            .append(escape(HexFormat.of().parseHex(v.text().substring(2, v.text().length() - 1)))).append("\"\n");
                    default -> out.append(indent).append(field.key()).append(": ").append(v.text()).append('\n');
                }
            }
        }
    }

    /** protoc's CEscape: printable ASCII as it is, the usual backslash escapes, and three octal digits else. */
    private static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\%03o", c));
            }
        }
        return out.toString();
    }
}
