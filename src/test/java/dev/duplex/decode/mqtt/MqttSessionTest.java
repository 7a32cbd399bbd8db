package dev.duplex.decode.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.decode.AppProtocol.Turn;
import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;

/**
 * The session on the server's packets written by hand: commands held until CONNACK, a refusal said as a
 * problem with what was held dropped, our QoS 2 publish carried through PUBREC, PUBREL and PUBCOMP, the
 * server's QoS 2 answered, and broken bytes said rather than thrown.
 */
class MqttSessionTest {
    private static Payload bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return Payload.binary(b);
    }

    @Test
    void holdsCommandsUntilTheConnackAcceptsAndPairsAQos2Publish() {
        MqttSession s = new MqttSession(false, true);
        Turn open = s.opened("mqtt");
        assertEquals(1, open.replies().size());
        assertEquals(0x10, open.replies().get(0).bytes()[0]); // CONNECT
        assertTrue(s.awaiting()); // for the CONNACK

        Turn held = s.command("publish", "qos=2 a/b hi");
        assertTrue(held.replies().isEmpty());
        assertEquals("decode.mqtt.held", held.lines().get(0).key());

        Turn connack = s.received(bytes(0x20, 0x02, 0x00, 0x00));
        assertEquals("decode.mqtt.connack", connack.lines().get(0).key());
        assertEquals(1, connack.replies().size()); // the held PUBLISH goes now
        byte[] publish = connack.replies().get(0).bytes();
        assertEquals(0x34, publish[0] & 0xFF); // PUBLISH, QoS 2
        int id = ((publish[7] & 0xFF) << 8) | (publish[8] & 0xFF);

        Turn pubrec = s.received(bytes(0x50, 0x02, id >> 8, id & 0xFF));
        assertEquals("decode.mqtt.ackOurs", pubrec.lines().get(0).key());
        assertEquals(List.of(bytes(0x62, 0x02, id >> 8, id & 0xFF)), pubrec.replies()); // PUBREL
        assertTrue(s.awaiting());
        Turn pubcomp = s.received(bytes(0x70, 0x02, id >> 8, id & 0xFF));
        assertEquals("decode.mqtt.ackOurs", pubcomp.lines().get(0).key());
        assertFalse(s.awaiting());
    }

    @Test
    void answersTheServersQos2() {
        MqttSession s = new MqttSession(false, true);
        s.opened("mqtt");
        s.received(bytes(0x20, 0x02, 0x00, 0x00));
        Turn publish = s.received(bytes(0x34, 0x06, 0x00, 0x01, 't', 0x00, 0x05, 'x'));
        assertEquals(List.of(bytes(0x50, 0x02, 0x00, 0x05)), publish.replies()); // PUBREC
        assertTrue(s.awaiting());
        Turn pubrel = s.received(bytes(0x62, 0x02, 0x00, 0x05));
        assertEquals(List.of(bytes(0x70, 0x02, 0x00, 0x05)), pubrel.replies()); // PUBCOMP
        assertFalse(s.awaiting());
    }

    @Test
    void saysARefusalAndDropsWhatWasHeld() {
        MqttSession s = new MqttSession(true, true);
        s.opened("mqtt");
        s.command("subscribe", "a/# qos=1");
        Turn refused = s.received(bytes(0x20, 0x03, 0x00, 0x87, 0x00)); // MQTT 5: 0x87 Not authorized
        assertTrue(refused.lines().get(0).problem());
        assertEquals(List.of("0x87", "Not authorized", Decoded.none()), refused.lines().get(0).args());
        assertEquals("decode.mqtt.dropped", refused.lines().get(1).key());
        assertTrue(refused.replies().isEmpty());
        assertFalse(s.awaiting());
    }

    @Test
    void saysBrokenBytesAndTextAsProblems() {
        MqttSession s = new MqttSession(false, true);
        s.opened("mqtt");
        Turn bad = s.received(bytes(0x20, 0x03, 0x00, 0x00, 0x00)); // a CONNACK one byte too long
        assertTrue(bad.refused());
        assertEquals("decode.mqtt.malformed", bad.lines().get(0).key());
        assertTrue(s.received(bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)).refused());
        assertTrue(s.received(Payload.text("hello")).refused());
        assertEquals("decode.mqtt.partial", s.received(bytes(0x30, 0x05, 0x00)).lines().get(0).key());
    }

    @Test
    void refusesCommandsTypedWrongly() {
        MqttSession s = new MqttSession(false, true);
        assertEquals("decode.mqtt.usage.publish", s.command("publish", "qos=3 a b").lines().get(0).key());
        assertEquals("decode.mqtt.usage.publish", s.command("publish", "a/+ b").lines().get(0).key());
        assertEquals("decode.mqtt.usage.publish", s.command("publish", "a").lines().get(0).key());
        assertEquals("decode.mqtt.usage.subscribe", s.command("subscribe", "a/#/b").lines().get(0).key());
        assertEquals("decode.mqtt.usage.unsubscribe", s.command("unsubscribe", "").lines().get(0).key());
        assertEquals("decode.mqtt.usage.disconnect", s.command("disconnect", "now").lines().get(0).key());
        assertNull(s.command("emit", "x"));
    }

    @Test
    void isChosenByNameOrByTheSubprotocolOffered() {
        java.net.URI url = java.net.URI.create("ws://127.0.0.1:9001/");
        assertEquals(List.of("mqtt"), dev.duplex.decode.AppProtocols.offer("mqtt5", List.of()));
        assertEquals("mqtt5", dev.duplex.decode.AppProtocols.forConnection("mqtt5", url, List.of("mqtt"), true).get().name());
        assertEquals("mqtt", dev.duplex.decode.AppProtocols.forConnection("auto", url, List.of("mqtt"), true).get().name());
        assertTrue(dev.duplex.decode.AppProtocols.forConnection("auto", url, List.of(), true).isEmpty());
    }

    @Test
    void pingsAfterThreeQuartersOfTheKeepAlive() {
        MqttSession s = new MqttSession(false, true);
        s.opened("mqtt");
        s.received(bytes(0x20, 0x02, 0x00, 0x00));
        long now = System.nanoTime();
        assertTrue(s.due(now).replies().isEmpty());
        assertEquals(List.of(bytes(0xC0, 0x00)), s.due(now + 46_000_000_000L).replies()); // 45 s of 60
        assertTrue(s.due(now + 47_000_000_000L).replies().isEmpty()); // one at a time
        s.received(bytes(0xD0, 0x00));
        assertFalse(s.awaiting());
        assertTrue(new MqttSession(false, false).due(now + 1_000_000_000_000L).replies().isEmpty());
    }
}
