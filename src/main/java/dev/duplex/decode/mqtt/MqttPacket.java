package dev.duplex.decode.mqtt;

import java.util.List;

/**
 * One MQTT packet as read, whichever its type: the fields a type does not have are -1, "" or empty.
 * {@code codes} holds CONNACK's return or reason code, SUBACK's and UNSUBACK's codes, and the reason code
 * of MQTT 5's acks, DISCONNECT and AUTH (none when the packet left it out, meaning Success).
 * {@code properties} are MQTT 5's, each written {@code Name=value}.
 */
record MqttPacket(int type, int flags, int packetId, int qos, boolean retain, boolean dup, String topic, byte[] payload,
        List<Integer> codes, List<String> properties, List<String> filters, Connect connect, boolean sessionPresent,
        int serverKeepAlive) {

    /** What CONNECT says of the client. */
    record Connect(String protocolName, int level, int flags, int keepAlive, String clientId) { }

    MqttPacket {
        codes = List.copyOf(codes);
        properties = List.copyOf(properties);
        filters = List.copyOf(filters);
    }

    String typeName() {
        return MqttCodes.type(type);
    }
}
