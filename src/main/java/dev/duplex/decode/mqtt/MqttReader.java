package dev.duplex.decode.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;

/**
 * Reads one whole packet's fields, as MQTT 3.1.1 (level 4) or MQTT 5 (level 5) lays them out. What does not
 * follow the spec (a field cut short, reserved flags set, a string that is not UTF-8, an unknown property)
 * is a {@link Malformed} with the words that say what, never another exception.
 */
final class MqttReader {
    /** Why a packet is not what the spec says. */
    static final class Malformed extends Exception {
        private final transient Decoded reason;

        Malformed(String key, Object... args) {
            super(key, null, false, false);
            this.reason = Decoded.part(key, args);
        }

        Decoded reason() {
            return reason;
        }
    }

    private final byte[] data;
    private final int level;
    private int at;

    private MqttReader(byte[] data, int level) {
        this.data = data;
        this.level = level;
    }

    /** The packet's fields, for a connection at this protocol level. */
    static MqttPacket read(MqttFramer.Packet p, int level) throws Malformed {
        return new MqttReader(p.body(), level).packet(p.type(), p.flags());
    }

    private MqttPacket packet(int type, int flags) throws Malformed {
        if (type == 0 || (type == MqttCodes.AUTH && level < 5)) throw new Malformed("decode.mqtt.bad.type", type);
        // 3.1.1 section 2.2.2: PUBREL, SUBSCRIBE and UNSUBSCRIBE have flags 0010, the others but PUBLISH 0000.
        int expected = type == MqttCodes.PUBREL || type == MqttCodes.SUBSCRIBE || type == MqttCodes.UNSUBSCRIBE ? 2 : 0;
        if (type != MqttCodes.PUBLISH && flags != expected) {
            throw new Malformed("decode.mqtt.bad.flags", MqttCodes.type(type), bits(flags), bits(expected));
        }
        int qos = type == MqttCodes.PUBLISH ? (flags >> 1) & 3 : -1;
        if (qos == 3) throw new Malformed("decode.mqtt.bad.qos");
        int packetId = -1;
        String topic = "";
        byte[] payload = new byte[0];
        List<Integer> codes = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        MqttPacket.Connect connect = null;
        boolean sessionPresent = false;
        int[] keepAlive = {-1};
        switch (type) {
            case MqttCodes.CONNECT -> {
                String name = text("protocol name");
                int lvl = u8("protocol level");
                int cflags = u8("connect flags");
                int ka = u16("keep alive");
                if (lvl >= 5) properties(properties, keepAlive);
                connect = new MqttPacket.Connect(name, lvl, cflags, ka, text("client identifier"));
                at = data.length; // the will, user name and password are not shown: a password is not for the log
            }
            case MqttCodes.CONNACK -> {
                sessionPresent = (u8("acknowledge flags") & 1) == 1;
                codes.add(u8("return code"));
                if (level >= 5) properties(properties, keepAlive);
            }
            case MqttCodes.PUBLISH -> {
                topic = text("topic name");
                if (qos > 0) packetId = nonZeroId();
                if (level >= 5) properties(properties, keepAlive);
                payload = rest();
            }
            case MqttCodes.PUBACK, MqttCodes.PUBREC, MqttCodes.PUBREL, MqttCodes.PUBCOMP -> {
                packetId = nonZeroId();
                // MQTT 5 section 3.4.2.1: the reason code and properties may be left out (Success, none).
                if (level >= 5 && at < data.length) codes.add(u8("reason code"));
                if (level >= 5 && at < data.length) properties(properties, keepAlive);
            }
            case MqttCodes.SUBSCRIBE, MqttCodes.UNSUBSCRIBE -> {
                packetId = nonZeroId();
                if (level >= 5) properties(properties, keepAlive);
                while (at < data.length) {
                    String filter = text("topic filter");
                    filters.add(type == MqttCodes.SUBSCRIBE ? filter + " (QoS " + (u8("subscription options") & 3) + ")" : filter);
                }
                if (filters.isEmpty()) throw new Malformed("decode.mqtt.bad.noTopics", MqttCodes.type(type));
            }
            case MqttCodes.SUBACK, MqttCodes.UNSUBACK -> {
                packetId = nonZeroId();
                if (level >= 5) properties(properties, keepAlive);
                while (at < data.length) codes.add(u8("reason code"));
            }
            case MqttCodes.DISCONNECT, MqttCodes.AUTH -> {
                if (level >= 5 && at < data.length) codes.add(u8("reason code"));
                if (level >= 5 && at < data.length) properties(properties, keepAlive);
            }
            default -> { } // PINGREQ and PINGRESP have nothing after the fixed header
        }
        if (at != data.length) throw new Malformed("decode.mqtt.bad.trailing", MqttCodes.type(type), data.length - at);
        return new MqttPacket(type, flags, packetId, qos, (flags & 1) == 1 && type == MqttCodes.PUBLISH,
                (flags & 8) == 8 && type == MqttCodes.PUBLISH, topic, payload, codes, properties, filters, connect,
                sessionPresent, keepAlive[0]);
    }

    /** MQTT 5 section 2.2.2: the properties' length, then each property by its identifier. */
    private void properties(List<String> out, int[] serverKeepAlive) throws Malformed {
        int length = varint("property length");
        int end = at + length;
        if (end > data.length || length < 0) throw new Malformed("decode.mqtt.bad.short", "properties");
        while (at < end) {
            int id = varint("property identifier");
            MqttCodes.Property p = MqttCodes.PROPERTIES.get(id);
            if (p == null) throw new Malformed("decode.mqtt.bad.property", MqttCodes.hex(id));
            String value = switch (p.kind()) {
                case BYTE -> Integer.toString(u8(p.name()));
                case TWO -> Integer.toString(u16(p.name()));
                case FOUR -> Long.toString(u32(p.name()));
                case VARINT -> Integer.toString(varint(p.name()));
                case TEXT -> text(p.name());
                case BINARY -> Payload.binary(binary(p.name())).hexPreview(32);
                case PAIR -> text(p.name()) + ":" + text(p.name());
            };
            if (id == MqttCodes.SERVER_KEEP_ALIVE) serverKeepAlive[0] = Integer.parseInt(value);
            out.add(p.name() + "=" + value);
        }
        if (at != end) throw new Malformed("decode.mqtt.bad.short", "properties");
    }

    /** A packet identifier, which is never 0 (3.1.1 section 2.3.1). */
    private int nonZeroId() throws Malformed {
        int id = u16("packet identifier");
        if (id == 0) throw new Malformed("decode.mqtt.bad.packetId");
        return id;
    }

    private void need(int n, String field) throws Malformed {
        if (at + n > data.length) throw new Malformed("decode.mqtt.bad.short", field);
    }

    private int u8(String field) throws Malformed {
        need(1, field);
        return data[at++] & 0xFF;
    }

    private int u16(String field) throws Malformed {
        need(2, field);
        int v = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
        at += 2;
        return v;
    }

    private long u32(String field) throws Malformed {
        return ((long) u16(field) << 16) | u16(field);
    }

    private int varint(String field) throws Malformed {
        long[] v = MqttFramer.remainingLength(data, at);
        if (v == null) throw new Malformed("decode.mqtt.bad.short", field);
        if (v[0] < 0) throw new Malformed("decode.mqtt.bad.varint", field);
        at += (int) v[1];
        return (int) v[0];
    }

    private byte[] binary(String field) throws Malformed {
        int n = u16(field);
        need(n, field);
        byte[] b = java.util.Arrays.copyOfRange(data, at, at + n);
        at += n;
        return b;
    }

    /** A UTF-8 string (MQTT 5 section 1.5.4): well-formed UTF-8, else the packet is malformed. */
    private String text(String field) throws Malformed {
        String s = utf8(binary(field));
        if (s == null) throw new Malformed("decode.mqtt.bad.utf8", field);
        return s;
    }

    private byte[] rest() {
        byte[] b = java.util.Arrays.copyOfRange(data, at, data.length);
        at = data.length;
        return b;
    }

    /** The bytes as text when they are well-formed UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String bits(int flags) {
        return String.format("%4s", Integer.toBinaryString(flags)).replace(' ', '0');
    }
}
