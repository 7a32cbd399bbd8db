package dev.duplex.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;

/**
 * A binary message's detail: protobuf without a schema has paths of field numbers ({@code $.1.3[0]}), the
 * reading chosen by hand is the one shown, and bytes that read in no format, or at random, give no tree and
 * a reason, never an exception.
 */
class BinaryTreeTest {
    private static MessageDetail detail(byte[] bytes, BinaryReader.Choice choice) {
        WsEvent.Received r = new WsEvent.Received(Instant.EPOCH, "peer", Payload.binary(bytes));
        return MessageDetail.of(r, List.of(r), 0, choice, Optional.empty()).orElseThrow();
    }

    @Test
    void protobufFieldNumbersMakeThePaths() {
        // {1: {1: "ab", 3: "cd", 3: "ef"}, 2: 150}, written by hand after the protobuf encoding guide.
        MessageDetail d = detail(HexFormat.of().parseHex("0a0c0a0261621a0263641a0265661096" + "01"), BinaryReader.Choice.AUTO);
        assertEquals(Optional.of(BinaryReader.Format.PROTOBUF_RAW), d.reading().orElseThrow().format());
        JsonTree.Node root = d.json().orElseThrow();
        assertEquals("$.1.3[0]", JsonTree.next(root, null, "cd").orElseThrow().path());
        assertEquals("$.1.1", JsonTree.next(root, null, "ab").orElseThrow().path());
        assertEquals("{\"1\":{\"1\":\"ab\",\"3\":[\"cd\",\"ef\"]},\"2\":150}", JsonTree.toJson(root));
    }

    @Test
    void theReadingChosenByHandIsShown() {
        byte[] both = HexFormat.of().parseHex("811805"); // CBOR [5]; MessagePack {24: 5}
        BinaryReader.Reading auto = detail(both, BinaryReader.Choice.AUTO).reading().orElseThrow();
        assertEquals(Optional.of(BinaryReader.Format.CBOR), auto.format(), "a tie goes to the first tried");
        assertEquals(List.of(BinaryReader.Format.MESSAGEPACK), auto.alsoReadsAs());
        MessageDetail asMessagePack = detail(both, BinaryReader.Choice.MESSAGEPACK);
        assertEquals(Optional.of(BinaryReader.Format.MESSAGEPACK), asMessagePack.reading().orElseThrow().format());
        assertEquals("$.24", asMessagePack.json().orElseThrow().children().get(0).path());
        MessageDetail asProtobuf = detail(both, BinaryReader.Choice.PROTOBUF_RAW);
        assertTrue(asProtobuf.json().isEmpty(), "not protobuf: a fixed64 field cut short");
    }

    @Test
    void bytesOfNoFormatGiveAReasonAndNoTree() {
        MessageDetail d = detail(new byte[] {(byte) 0xc1, 0x00, (byte) 0xff}, BinaryReader.Choice.AUTO);
        assertTrue(d.json().isEmpty());
        assertTrue(d.reading().orElseThrow().failure().isPresent());
        Random random = new Random(15);
        for (int i = 0; i < 3000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            for (BinaryReader.Choice choice : BinaryReader.Choice.values()) {
                MessageDetail any = detail(noise, choice);
                assertEquals(any.json().isPresent(), any.reading().orElseThrow().format().isPresent());
            }
        }
    }
}
