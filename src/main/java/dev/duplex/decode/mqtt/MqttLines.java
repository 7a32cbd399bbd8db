package dev.duplex.decode.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;

/**
 * The words of a packet in the log: one {@link Decoded} line each, under the protocol's name ({@code mqtt} or
 * {@code mqtt5}). Numbers are given as text, so that a packet id or a size is never written with a grouping
 * separator by the bundle's formatting.
 */
final class MqttLines {
    private final String protocol;
    private final int level;

    MqttLines(String protocol, int level) {
        this.protocol = protocol;
        this.level = level;
    }

    /** A packet on its own: what it says, with no pairing to what we sent. */
    Decoded describe(MqttPacket p) {
        return switch (p.type()) {
            case MqttCodes.CONNECT -> line("decode.mqtt.connect", p.connect().protocolName(), num(p.connect().level()),
                    p.connect().clientId(), num(p.connect().keepAlive()), connectFlags(p.connect().flags()), props(p));
            case MqttCodes.CONNACK -> connack(p);
            case MqttCodes.PUBLISH -> line("decode.mqtt.publish", p.topic(), num(p.qos()),
                    p.packetId() < 0 ? Decoded.none() : Decoded.part("decode.mqtt.part.id", num(p.packetId())),
                    p.retain() ? Decoded.part("decode.mqtt.part.retain") : Decoded.none(),
                    p.dup() ? Decoded.part("decode.mqtt.part.dup") : Decoded.none(), props(p), payload(p.payload()));
            case MqttCodes.PUBACK, MqttCodes.PUBREC, MqttCodes.PUBREL, MqttCodes.PUBCOMP ->
                    line(failed(p), "decode.mqtt.ack", p.typeName(), num(p.packetId()), reason(p), props(p));
            case MqttCodes.SUBSCRIBE, MqttCodes.UNSUBSCRIBE ->
                    line("decode.mqtt.subscribe", p.typeName(), num(p.packetId()), String.join(", ", p.filters()), props(p));
            case MqttCodes.SUBACK, MqttCodes.UNSUBACK ->
                    line(failed(p), "decode.mqtt.subackAlone", p.typeName(), num(p.packetId()), codes(p), props(p));
            default -> line(failed(p), "decode.mqtt.simple", p.typeName(), reason(p), props(p));
        };
    }

    /** CONNACK: accepted, or a problem line saying the server's refusal. */
    Decoded connack(MqttPacket p) {
        int code = p.codes().get(0);
        String name = level >= 5 ? MqttCodes.reason(MqttCodes.CONNACK, code) : MqttCodes.connackV4(code);
        if (refused(p)) return Decoded.problem(protocol, "decode.mqtt.connackRefused", MqttCodes.hex(code), name, props(p));
        return line("decode.mqtt.connack", MqttCodes.hex(code), name, Boolean.toString(p.sessionPresent()), props(p));
    }

    /** Whether a CONNACK says no: any code but 0 in 3.1.1, 0x80 and above in 5. */
    boolean refused(MqttPacket p) {
        int code = p.codes().get(0);
        return level >= 5 ? MqttCodes.failure(code) : code != 0;
    }

    /** An ack of one of our publishes, with the time since we sent it. */
    Decoded ackOfOurs(MqttPacket p, String topic, long sentNanos) {
        return line(failed(p), "decode.mqtt.ackOurs", p.typeName(), topic, num(p.packetId()), ms(sentNanos), reason(p), props(p));
    }

    /** A SUBACK or UNSUBACK of ours, with the filters it answers and the time since. */
    Decoded subackOfOurs(MqttPacket p, String filters, long sentNanos) {
        return line(failed(p), "decode.mqtt.suback", p.typeName(), num(p.packetId()), filters, ms(sentNanos), codes(p), props(p));
    }

    Decoded pingresp(long sentNanos) {
        return line("decode.mqtt.pingresp", sentNanos < 0 ? "?" : ms(sentNanos));
    }

    Decoded unknownId(MqttPacket p) {
        return Decoded.problem(protocol, "decode.mqtt.unknownId", p.typeName(), num(p.packetId()));
    }

    /** Whether the packet carries a code that says no (a 3.1.1 SUBACK's Failure, MQTT 5's 0x80 and above). */
    static boolean failed(MqttPacket p) {
        return p.type() != MqttCodes.CONNACK && p.codes().stream().anyMatch(MqttCodes::failure);
    }

    private Decoded reason(MqttPacket p) {
        if (p.codes().isEmpty()) return Decoded.none();
        int code = p.codes().get(0);
        return Decoded.part("decode.mqtt.part.reason", MqttCodes.hex(code), MqttCodes.reason(p.type(), code));
    }

    /** SUBACK's granted QoS or refusals, UNSUBACK's reason codes, one per filter. */
    private String codes(MqttPacket p) {
        List<String> words = new ArrayList<>();
        for (int code : p.codes()) {
            String name = level < 5 && code == 0x80 ? "Failure" : MqttCodes.reason(p.type(), code);
            words.add(MqttCodes.hex(code) + " " + name);
        }
        return String.join(", ", words);
    }

    private static Decoded props(MqttPacket p) {
        return p.properties().isEmpty() ? Decoded.none() : Decoded.part("decode.mqtt.part.properties", String.join(", ", p.properties()));
    }

    /** The payload as text when it is UTF-8, else its size and first bytes. */
    static Object payload(byte[] bytes) {
        String text = MqttReader.utf8(bytes);
        if (text != null) return text;
        return Decoded.part("decode.mqtt.payload.binary", num(bytes.length), Payload.binary(bytes).hexPreview(32));
    }

    /** The connect flags by the names of 3.1.1 section 3.1.2.3. */
    private static String connectFlags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & 0x02) != 0) names.add("clean");
        if ((flags & 0x04) != 0) names.add("will(QoS " + ((flags >> 3) & 3) + ((flags & 0x20) != 0 ? ", retain)" : ")"));
        if ((flags & 0x80) != 0) names.add("username");
        if ((flags & 0x40) != 0) names.add("password");
        return names.isEmpty() ? "-" : String.join(" ", names);
    }

    private Decoded line(String key, Object... args) {
        return Decoded.line(protocol, key, args);
    }

    private Decoded line(boolean problem, String key, Object... args) {
        return problem ? Decoded.problem(protocol, key, args) : Decoded.line(protocol, key, args);
    }

    static String num(long n) {
        return Long.toString(n);
    }

    static String ms(long sentNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - sentNanos) / 1e6);
    }
}
