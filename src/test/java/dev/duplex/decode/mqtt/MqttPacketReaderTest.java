package dev.duplex.decode.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The framer and the reader on bytes written by hand from the MQTT 3.1.1 and 5 specifications: packets split
 * across messages and packed into one, remaining lengths of several bytes, and the mistakes that make a
 * packet malformed.
 */
class MqttPacketReaderTest {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void readsAConnackOf311() throws Exception {
        // 3.1.1 section 3.2: 0x20, remaining length 2, session present 0, return code 0 (accepted).
        MqttFramer.Split split = new MqttFramer().feed(bytes(0x20, 0x02, 0x00, 0x00));
        assertEquals(1, split.packets().size());
        MqttPacket p = MqttReader.read(split.packets().get(0), 4);
        assertEquals(MqttCodes.CONNACK, p.type());
        assertEquals(List.of(0), p.codes());
        assertEquals(false, p.sessionPresent());
    }

    @Test
    void readsAConnackOf5WithProperties() throws Exception {
        // MQTT 5 section 3.2: flags 1 (session present), reason 0, properties of 8 bytes:
        // Receive Maximum (0x21) 20, Server Keep Alive (0x13) 30, Maximum QoS (0x24) 1.
        byte[] connack = bytes(0x20, 0x0B, 0x01, 0x00, 0x08, 0x21, 0x00, 0x14, 0x13, 0x00, 0x1E, 0x24, 0x01);
        MqttPacket p = MqttReader.read(new MqttFramer().feed(connack).packets().get(0), 5);
        assertEquals(List.of("Receive Maximum=20", "Server Keep Alive=30", "Maximum QoS=1"), p.properties());
        assertEquals(30, p.serverKeepAlive());
        assertTrue(p.sessionPresent());
    }

    @Test
    void waitsForAPublishSplitAcrossTwoMessages() throws Exception {
        // PUBLISH QoS 1 (0x32), remaining length 12: topic "a/b" (2 + 3), packet id 7 (2), payload "hello" (5).
        byte[] whole = bytes(0x32, 0x0C, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x07, 'h', 'e', 'l', 'l', 'o');
        MqttFramer framer = new MqttFramer();
        MqttFramer.Split first = framer.feed(java.util.Arrays.copyOfRange(whole, 0, 6));
        assertTrue(first.packets().isEmpty());
        assertEquals(6, first.waiting());
        assertEquals(14, first.needed());
        MqttFramer.Split second = framer.feed(java.util.Arrays.copyOfRange(whole, 6, whole.length));
        assertEquals(1, second.packets().size());
        assertEquals(0, second.waiting());
        MqttPacket p = MqttReader.read(second.packets().get(0), 4);
        assertEquals("a/b", p.topic());
        assertEquals(1, p.qos());
        assertEquals(7, p.packetId());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), p.payload());
    }

    @Test
    void waitsWhenTheRemainingLengthItselfIsCut() {
        MqttFramer framer = new MqttFramer();
        MqttFramer.Split cut = framer.feed(bytes(0x30, 0x80)); // a continuation bit, then the message ends
        assertEquals(-1, cut.needed());
        assertEquals(2, cut.waiting());
        byte[] rest = new byte[1 + 128];
        rest[0] = 0x01; // remaining length 128: 0x80 0x01
        rest[1] = 0x00;
        rest[2] = 0x01;
        rest[3] = 't';
        assertEquals(1, framer.feed(rest).packets().size());
    }

    @Test
    void splitsTwoPacketsInOneMessage() throws Exception {
        // A SUBACK (packet id 1, granted QoS 1) and a PINGRESP in one message.
        MqttFramer.Split split = new MqttFramer().feed(bytes(0x90, 0x03, 0x00, 0x01, 0x01, 0xD0, 0x00));
        assertEquals(2, split.packets().size());
        MqttPacket suback = MqttReader.read(split.packets().get(0), 4);
        assertEquals(MqttCodes.SUBACK, suback.type());
        assertEquals(1, suback.packetId());
        assertEquals(List.of(1), suback.codes());
        assertEquals(MqttCodes.PINGRESP, MqttReader.read(split.packets().get(1), 4).type());
    }

    @Test
    void saysARemainingLengthOfFiveBytesIsMalformed() {
        MqttFramer.Split split = new MqttFramer().feed(bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        assertTrue(split.packets().isEmpty());
        assertEquals("decode.mqtt.bad.remainingLength", split.malformed());
    }

    @Test
    void saysWhatIsWrongInsideAPacket() {
        // PUBREL must have the flags 0010 (3.1.1 section 3.6.1).
        MqttReader.Malformed flags = assertThrows(MqttReader.Malformed.class,
                () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBREL, 0, bytes(0, 1)), 4));
        assertEquals("decode.mqtt.bad.flags", flags.reason().key());
        // A topic length of 5 with 2 bytes after it.
        MqttReader.Malformed cut = assertThrows(MqttReader.Malformed.class,
                () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBLISH, 0, bytes(0, 5, 'a', 'b')), 4));
        assertEquals("decode.mqtt.bad.short", cut.reason().key());
        // A topic that is not UTF-8.
        MqttReader.Malformed utf8 = assertThrows(MqttReader.Malformed.class,
                () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBLISH, 0, bytes(0, 1, 0xFF)), 4));
        assertEquals("decode.mqtt.bad.utf8", utf8.reason().key());
        // QoS 3 and an unknown MQTT 5 property.
        assertThrows(MqttReader.Malformed.class, () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBLISH, 6, bytes(0, 1, 't')), 4));
        MqttReader.Malformed property = assertThrows(MqttReader.Malformed.class,
                () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBACK, 0, bytes(0, 1, 0, 2, 0x7F, 0)), 5));
        assertEquals("decode.mqtt.bad.property", property.reason().key());
        // A QoS 1 PUBLISH with packet id 0 (3.1.1 section 2.3.1: ids are never 0).
        MqttReader.Malformed zero = assertThrows(MqttReader.Malformed.class,
                () -> MqttReader.read(new MqttFramer.Packet(MqttCodes.PUBLISH, 2, bytes(0, 1, 't', 0, 0)), 4));
        assertEquals("decode.mqtt.bad.packetId", zero.reason().key());
    }

    @Test
    void readsWhatTheWriterWrites() throws Exception {
        MqttWriter writer = new MqttWriter(5);
        MqttPacket connect = MqttReader.read(new MqttFramer().feed(writer.connect("duplex-1", 60, java.util.Optional.empty()).bytes()).packets().get(0), 5);
        assertEquals("MQTT", connect.connect().protocolName());
        assertEquals(5, connect.connect().level());
        assertEquals("duplex-1", connect.connect().clientId());
        byte[] body = new byte[200]; // a remaining length of two bytes
        MqttPacket publish = MqttReader.read(new MqttFramer().feed(writer.publish(2, true, "t/x", body, 9).bytes()).packets().get(0), 5);
        assertEquals(2, publish.qos());
        assertTrue(publish.retain());
        assertEquals(9, publish.packetId());
        assertEquals(200, publish.payload().length);
        MqttPacket pubrel = MqttReader.read(new MqttFramer().feed(writer.ack(MqttCodes.PUBREL, 9).bytes()).packets().get(0), 5);
        assertEquals(9, pubrel.packetId());
        assertNull(MqttFramer.remainingLength(bytes(0x80), 0));
    }
}
