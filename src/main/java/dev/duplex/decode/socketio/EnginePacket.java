package dev.duplex.decode.socketio;

/**
 * One Engine.IO v4 packet as it travels in a WebSocket text message: its type as the first character (0 open,
 * 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop) and the rest as its data. Over WebSocket a binary
 * message is an Engine.IO message packet of its own, with no type byte (v4), so it is not parsed here.
 */
record EnginePacket(int type, String data) {
    static final int OPEN = 0;
    static final int CLOSE = 1;
    static final int PING = 2;
    static final int PONG = 3;
    static final int MESSAGE = 4;
    static final int UPGRADE = 5;
    static final int NOOP = 6;
    private static final String[] NAMES = {"open", "close", "ping", "pong", "message", "upgrade", "noop"};

    /** The packet, or null when the text does not start with a packet type. */
    static EnginePacket parse(String text) {
        if (text.isEmpty()) return null;
        int type = text.charAt(0) - '0';
        if (type < OPEN || type > NOOP) return null;
        return new EnginePacket(type, text.substring(1));
    }

    String typeName() {
        return NAMES[type];
    }

    String encode() {
        return type + data;
    }
}
