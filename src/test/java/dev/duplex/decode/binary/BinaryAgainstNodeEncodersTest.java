package dev.duplex.decode.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.duplex.decode.binary.BinaryReader.Choice;
import dev.duplex.decode.binary.BinaryReader.Format;
import dev.duplex.decode.binary.BinaryReader.Reading;
import dev.duplex.peers.NodeBinaryEncoders;

/**
 * Our MessagePack reader and Jackson's CBOR parser on the bytes of real encoders nobody here wrote (npm's
 * {@code @msgpack/msgpack} and {@code cbor-x}): each fixture reads as the tree its JavaScript value is, Auto
 * tells the two formats apart, and every cut-short copy of each payload reads as nothing, without an exception.
 */
class BinaryAgainstNodeEncodersTest {
    private static final int MAX = 200_000;
    private static Map<String, byte[]> msgpack;
    private static Map<String, byte[]> cbor;

    private static final Map<String, String> EXPECTED = Map.of(
            "user", "{\"user\":{\"name\":\"ada\",\"tags\":[\"x\",\"y\"]},\"n\":3}",
            "scalars", "[0,-1,127,128,-33,65535,4294967296,-4294967296,1.5,true,false,null,\"\"]",
            "text", "{\"odd name\":\"héllo wörld ✓\",\"empty\":{},\"list\":[]}",
            "bytes", "{\"b\":h'0001feff'}",
            "nested", "{\"a\":[[1,[2,[3]]],{\"b\":{\"c\":\"d\"}}]}");

    @BeforeAll
    static void encode() throws Exception {
        msgpack = NodeBinaryEncoders.messagePack();
        cbor = NodeBinaryEncoders.cbor();
    }

    @Test
    void messagePackReadsAsTheValueEncoded() throws Exception {
        for (var e : EXPECTED.entrySet()) {
            assertEquals(e.getValue(), Trees.compact(MessagePackReader.read(msgpack.get(e.getKey()), MAX)), e.getKey());
        }
    }

    @Test
    void cborReadsAsTheValueEncoded() throws Exception {
        for (var e : EXPECTED.entrySet()) {
            assertEquals(e.getValue(), Trees.compact(CborReader.read(cbor.get(e.getKey()), MAX)), e.getKey());
        }
    }

    @Test
    void longStringsAndArraysReadWhole() throws Exception {
        for (BinaryValue v : List.of(MessagePackReader.read(msgpack.get("long"), MAX), CborReader.read(cbor.get("long"), MAX))) {
            assertEquals(70_000, v.members().get(0).value().text().length());
            assertEquals("19000", v.members().get(1).value().members().get(19).value().text());
        }
    }

    @Test
    void autoTellsTheFormatsApart() {
        for (String name : EXPECTED.keySet()) {
            Reading m = BinaryReader.read(msgpack.get(name), Choice.AUTO, Optional.empty(), MAX);
            assertEquals(Optional.of(Format.MESSAGEPACK), m.format(), name + " from @msgpack/msgpack: " + m);
            assertEquals(EXPECTED.get(name), Trees.compact(m.value().orElseThrow()));
            Reading c = BinaryReader.read(cbor.get(name), Choice.AUTO, Optional.empty(), MAX);
            assertEquals(Optional.of(Format.CBOR), c.format(), name + " from cbor-x: " + c);
        }
    }

    @Test
    void everyCutShortPayloadReadsAsNothing() {
        for (Choice format : List.of(Choice.MESSAGEPACK, Choice.CBOR)) {
            for (var e : (format == Choice.CBOR ? cbor : msgpack).entrySet()) {
                if (e.getKey().equals("long")) continue;
                byte[] whole = e.getValue();
                for (int length = 0; length < whole.length; length++) {
                    byte[] cut = Arrays.copyOf(whole, length);
                    Reading reading = BinaryReader.read(cut, format, Optional.empty(), MAX);
                    assertTrue(reading.value().isEmpty() && reading.failure().isPresent(),
                            format + " " + e.getKey() + " cut to " + length + ": " + reading);
                }
            }
        }
    }

    @Test
    void moreValuesThanTheLimitGiveNoTree() {
        Unreadable why = assertThrows(Unreadable.class, () -> MessagePackReader.read(msgpack.get("long"), 10));
        assertEquals(Unreadable.Failure.TOO_MANY_NODES, why.failure());
        why = assertThrows(Unreadable.class, () -> CborReader.read(cbor.get("long"), 10));
        assertEquals(Unreadable.Failure.TOO_MANY_NODES, why.failure());
    }
}
