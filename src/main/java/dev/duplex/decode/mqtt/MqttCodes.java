package dev.duplex.decode.mqtt;

import java.util.Map;

/**
 * The numbers of MQTT 3.1.1 and MQTT 5 and their names as the specifications write them: packet types,
 * CONNACK return codes of 3.1.1, the reason codes and the properties of 5. The names stay in English in the
 * lines, as the protocol's own words (like the packet types), so that they can be looked up in the spec.
 */
final class MqttCodes {
    static final int CONNECT = 1, CONNACK = 2, PUBLISH = 3, PUBACK = 4, PUBREC = 5, PUBREL = 6, PUBCOMP = 7,
            SUBSCRIBE = 8, SUBACK = 9, UNSUBSCRIBE = 10, UNSUBACK = 11, PINGREQ = 12, PINGRESP = 13,
            DISCONNECT = 14, AUTH = 15;

    private static final String[] TYPES = {"reserved", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL",
        "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "AUTH"};

    /** 3.1.1 section 3.2.2.3: the CONNACK return codes; 6 and above are reserved. */
    private static final String[] CONNACK_V4 = {"Connection Accepted", "unacceptable protocol version",
        "identifier rejected", "Server unavailable", "bad user name or password", "not authorized"};

    /** MQTT 5 section 2.4: the reason codes whose name does not depend on the packet. */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(0x04, "Disconnect with Will Message"), Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x11, "No subscription existed"), Map.entry(0x18, "Continue authentication"),
            Map.entry(0x19, "Re-authenticate"), Map.entry(0x80, "Unspecified error"), Map.entry(0x81, "Malformed Packet"),
            Map.entry(0x82, "Protocol Error"), Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x84, "Unsupported Protocol Version"), Map.entry(0x85, "Client Identifier not valid"),
            Map.entry(0x86, "Bad User Name or Password"), Map.entry(0x87, "Not authorized"),
            Map.entry(0x88, "Server unavailable"), Map.entry(0x89, "Server busy"), Map.entry(0x8A, "Banned"),
            Map.entry(0x8B, "Server shutting down"), Map.entry(0x8C, "Bad authentication method"),
            Map.entry(0x8D, "Keep Alive timeout"), Map.entry(0x8E, "Session taken over"),
            Map.entry(0x8F, "Topic Filter invalid"), Map.entry(0x90, "Topic Name invalid"),
            Map.entry(0x91, "Packet Identifier in use"), Map.entry(0x92, "Packet Identifier not found"),
            Map.entry(0x93, "Receive Maximum exceeded"), Map.entry(0x94, "Topic Alias invalid"),
            Map.entry(0x95, "Packet too large"), Map.entry(0x96, "Message rate too high"),
            Map.entry(0x97, "Quota exceeded"), Map.entry(0x98, "Administrative action"),
            Map.entry(0x99, "Payload format invalid"), Map.entry(0x9A, "Retain not supported"),
            Map.entry(0x9B, "QoS not supported"), Map.entry(0x9C, "Use another server"), Map.entry(0x9D, "Server moved"),
            Map.entry(0x9E, "Shared Subscriptions not supported"), Map.entry(0x9F, "Connection rate exceeded"),
            Map.entry(0xA0, "Maximum connect time"), Map.entry(0xA1, "Subscription Identifiers not supported"),
            Map.entry(0xA2, "Wildcard Subscriptions not supported"));

    /** How a property's value is written (MQTT 5 section 2.2.2.2). */
    enum Kind { BYTE, TWO, FOUR, VARINT, TEXT, BINARY, PAIR }

    record Property(String name, Kind kind) { }

    /** MQTT 5 section 2.2.2.2, every property by its identifier. */
    static final Map<Integer, Property> PROPERTIES = Map.ofEntries(
            Map.entry(0x01, new Property("Payload Format Indicator", Kind.BYTE)),
            Map.entry(0x02, new Property("Message Expiry Interval", Kind.FOUR)),
            Map.entry(0x03, new Property("Content Type", Kind.TEXT)),
            Map.entry(0x08, new Property("Response Topic", Kind.TEXT)),
            Map.entry(0x09, new Property("Correlation Data", Kind.BINARY)),
            Map.entry(0x0B, new Property("Subscription Identifier", Kind.VARINT)),
            Map.entry(0x11, new Property("Session Expiry Interval", Kind.FOUR)),
            Map.entry(0x12, new Property("Assigned Client Identifier", Kind.TEXT)),
            Map.entry(0x13, new Property("Server Keep Alive", Kind.TWO)),
            Map.entry(0x15, new Property("Authentication Method", Kind.TEXT)),
            Map.entry(0x16, new Property("Authentication Data", Kind.BINARY)),
            Map.entry(0x17, new Property("Request Problem Information", Kind.BYTE)),
            Map.entry(0x18, new Property("Will Delay Interval", Kind.FOUR)),
            Map.entry(0x19, new Property("Request Response Information", Kind.BYTE)),
            Map.entry(0x1A, new Property("Response Information", Kind.TEXT)),
            Map.entry(0x1C, new Property("Server Reference", Kind.TEXT)),
            Map.entry(0x1F, new Property("Reason String", Kind.TEXT)),
            Map.entry(0x21, new Property("Receive Maximum", Kind.TWO)),
            Map.entry(0x22, new Property("Topic Alias Maximum", Kind.TWO)),
            Map.entry(0x23, new Property("Topic Alias", Kind.TWO)),
            Map.entry(0x24, new Property("Maximum QoS", Kind.BYTE)),
            Map.entry(0x25, new Property("Retain Available", Kind.BYTE)),
            Map.entry(0x26, new Property("User Property", Kind.PAIR)),
            Map.entry(0x27, new Property("Maximum Packet Size", Kind.FOUR)),
            Map.entry(0x28, new Property("Wildcard Subscription Available", Kind.BYTE)),
            Map.entry(0x29, new Property("Subscription Identifier Available", Kind.BYTE)),
            Map.entry(0x2A, new Property("Shared Subscription Available", Kind.BYTE)));

    static final int SERVER_KEEP_ALIVE = 0x13;

    private MqttCodes() { }

    static String type(int type) {
        return TYPES[type & 0xF];
    }

    /** A 3.1.1 CONNACK return code's name. */
    static String connackV4(int code) {
        return code < CONNACK_V4.length ? CONNACK_V4[code] : "reserved";
    }

    /**
     * An MQTT 5 reason code's name: 0x00 to 0x02 are named by the packet (Success, Normal disconnection,
     * Granted QoS n), the others alike in every packet.
     */
    static String reason(int packetType, int code) {
        if (code <= 2 && packetType == SUBACK) return "Granted QoS " + code;
        if (code == 0) return packetType == DISCONNECT ? "Normal disconnection" : "Success";
        String name = REASONS.get(code);
        return name == null ? "unknown" : name;
    }

    /** Whether a code says no (MQTT 5: 0x80 and above; a 3.1.1 SUBACK's 0x80 Failure too). */
    static boolean failure(int code) {
        return code >= 0x80;
    }

    /** A code as the spec writes it, such as {@code 0x87}. */
    static String hex(int code) {
        return String.format("0x%02X", code);
    }
}
