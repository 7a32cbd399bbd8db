package dev.duplex.decode.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.duplex.net.Payload;

/**
 * The packets Duplex sends, as the bytes of one binary WebSocket message each, laid out for MQTT 3.1.1
 * (level 4) or MQTT 5 (level 5). Duplex's MQTT 5 packets carry no properties (an empty property length),
 * and its acks say Success by leaving the reason code out, as MQTT 5 section 3.4.2.1 allows.
 */
final class MqttWriter {
    private final int level;

    MqttWriter(int level) {
        this.level = level;
    }

    /**
     * CONNECT with a clean session (3.1.1) or clean start (5), no will, and the user name and password when
     * a login is given (3.1.1 allows no password without a user name; 5 would, but a login always has one).
     */
    Payload connect(String clientId, int keepAliveSeconds, java.util.Optional<dev.duplex.decode.AppLogin> login) {
        return connect(clientId, keepAliveSeconds, login, java.util.Optional.empty());
    }

    /** @param will the last will, as a /publish it is typed: the broker publishes it if we go without DISCONNECT */
    Payload connect(String clientId, int keepAliveSeconds, java.util.Optional<dev.duplex.decode.AppLogin> login,
            java.util.Optional<MqttCommand> will) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        text(body, "MQTT");
        body.write(level);
        int flags = 0x02; // Clean Session / Clean Start: nothing is kept of an earlier connection
        if (will.isPresent()) flags |= 0x04 | will.get().qos() << 3 | (will.get().retain() ? 0x20 : 0);
        if (login.isPresent()) flags |= 0x80;
        if (login.flatMap(dev.duplex.decode.AppLogin::password).isPresent()) flags |= 0x40;
        body.write(flags);
        two(body, keepAliveSeconds);
        properties(body);
        text(body, clientId);
        will.ifPresent(w -> {
            properties(body); // the will's own properties (MQTT 5 section 3.1.3.2): none
            text(body, w.topic());
            two(body, w.body().length); // Binary Data, as the password below
            body.writeBytes(w.body());
        });
        if (login.isPresent()) {
            text(body, login.get().user());
            // Binary Data: two bytes of length, then the bytes (sections 3.1.3.5 and 1.5.4, or 1.5.6 in 5).
            login.get().password().ifPresent(p -> {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                two(body, b.length);
                body.writeBytes(b);
            });
        }
        return packet(MqttCodes.CONNECT << 4, body);
    }

    Payload publish(int qos, boolean retain, String topic, byte[] payload, int packetId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        text(body, topic);
        if (qos > 0) two(body, packetId);
        properties(body);
        body.writeBytes(payload);
        return packet(MqttCodes.PUBLISH << 4 | qos << 1 | (retain ? 1 : 0), body);
    }

    /** PUBACK, PUBREC, PUBREL (whose flags are 0010) or PUBCOMP for a packet id. */
    Payload ack(int type, int packetId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        two(body, packetId);
        return packet(type << 4 | (type == MqttCodes.PUBREL ? 2 : 0), body);
    }

    Payload subscribe(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        two(body, packetId);
        properties(body);
        text(body, filter);
        body.write(qos);
        return packet(MqttCodes.SUBSCRIBE << 4 | 2, body);
    }

    Payload unsubscribe(int packetId, String filter) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        two(body, packetId);
        properties(body);
        text(body, filter);
        return packet(MqttCodes.UNSUBSCRIBE << 4 | 2, body);
    }

    Payload pingreq() {
        return packet(MqttCodes.PINGREQ << 4, new ByteArrayOutputStream());
    }

    /** DISCONNECT: empty in 3.1.1 and, meaning Normal disconnection, in 5 too. */
    Payload disconnect() {
        return packet(MqttCodes.DISCONNECT << 4, new ByteArrayOutputStream());
    }

    private void properties(ByteArrayOutputStream body) {
        if (level >= 5) body.write(0);
    }

    private static Payload packet(int first, ByteArrayOutputStream body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        MqttFramer.writeVarint(out, body.size());
        out.writeBytes(body.toByteArray());
        return Payload.binary(out.toByteArray());
    }

    private static void two(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        two(out, b.length);
        out.writeBytes(b);
    }
}
