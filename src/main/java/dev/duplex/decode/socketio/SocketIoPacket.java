package dev.duplex.decode.socketio;

/**
 * One Socket.IO v4 packet, the data of an Engine.IO message packet: its type digit (0 CONNECT, 1 DISCONNECT,
 * 2 EVENT, 3 ACK, 4 CONNECT_ERROR, 5 BINARY_EVENT, 6 BINARY_ACK); for the binary types the number of
 * attachments and a dash; a namespace other than "/" followed by a comma; an ack id; then the JSON payload.
 *
 * @param attachments how many binary messages follow (binary types only, else 0)
 * @param ackId       the acknowledgement id, or -1 for none
 * @param json        the payload as sent, "" for none
 */
record SocketIoPacket(int type, int attachments, String namespace, long ackId, String json) {
    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;
    static final String DEFAULT_NAMESPACE = "/";
    private static final String[] NAMES = {"CONNECT", "DISCONNECT", "EVENT", "ACK", "CONNECT_ERROR",
        "BINARY_EVENT", "BINARY_ACK"};

    /** Thrown for a text that is not a Socket.IO packet; the message says where it stops being one. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why);
        }
    }

    static SocketIoPacket parse(String text) throws Malformed {
        if (text.isEmpty()) throw new Malformed("empty");
        int type = text.charAt(0) - '0';
        if (type < CONNECT || type > BINARY_ACK) throw new Malformed("packet type '" + text.charAt(0) + "'");
        int i = 1;
        int attachments = 0;
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            int dash = text.indexOf('-', i);
            if (dash < 0 || !digits(text, i, dash)) throw new Malformed("no attachment count before '-'");
            attachments = Integer.parseInt(text.substring(i, dash));
            i = dash + 1;
        }
        String namespace = DEFAULT_NAMESPACE;
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? text.length() : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        int idEnd = i;
        while (idEnd < text.length() && Character.isDigit(text.charAt(idEnd)) && idEnd - i < 18) idEnd++;
        long ackId = idEnd > i ? Long.parseLong(text.substring(i, idEnd)) : -1;
        return new SocketIoPacket(type, attachments, namespace, ackId, text.substring(idEnd));
    }

    private static boolean digits(String s, int from, int to) {
        if (to <= from || to - from > 9) return false;
        for (int i = from; i < to; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    String encode() {
        StringBuilder b = new StringBuilder().append(type);
        if (type == BINARY_EVENT || type == BINARY_ACK) b.append(attachments).append('-');
        if (!namespace.equals(DEFAULT_NAMESPACE)) b.append(namespace).append(',');
        if (ackId >= 0) b.append(ackId);
        return b.append(json).toString();
    }

    String typeName() {
        return NAMES[type];
    }

    boolean binary() {
        return type == BINARY_EVENT || type == BINARY_ACK;
    }
}
