package dev.duplex.decode.mqtt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the bytes of the WebSocket messages into MQTT packets. MQTT over WebSocket (MQTT 5 section 6, 3.1.1
 * section 6) does not align packets with messages: one message may hold several packets, or a part of one,
 * so the bytes are kept until the fixed header's remaining length says a packet is whole.
 */
final class MqttFramer {
    /** One whole packet: the first byte's type and flags, and the bytes after the fixed header. */
    record Packet(int type, int flags, byte[] body) {
        int headerByte() {
            return (type << 4) | flags;
        }
    }

    /**
     * What one message gave: the packets it completed, then, when the bytes cannot be packets, why (a message
     * key) with the bytes dropped; else how many bytes wait for the rest of a packet and how many it needs
     * (-1 while its length itself is not whole).
     */
    record Split(List<Packet> packets, String malformed, int waiting, long needed) { }

    /** The spec's largest remaining length: four bytes of seven bits. */
    static final int MAX_REMAINING = 268_435_455;
    /** What Duplex keeps for one packet at most: a packet longer is said, and dropped, rather than held in memory. */
    static final int MAX_BUFFERED = 16 * 1024 * 1024;

    private byte[] buffer = new byte[0];

    /** The packets these bytes complete, with what came before them. */
    Split feed(byte[] data) {
        byte[] all = Arrays.copyOf(buffer, buffer.length + data.length);
        System.arraycopy(data, 0, all, buffer.length, data.length);
        List<Packet> packets = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            long[] length = remainingLength(all, at + 1);
            if (length == null) {
                // The length is cut off by the end of the message: wait for the next one.
                buffer = Arrays.copyOfRange(all, at, all.length);
                return new Split(packets, null, buffer.length, -1);
            }
            if (length[0] < 0) {
                buffer = new byte[0]; // no way to find where the next packet starts: drop what is left
                return new Split(packets, "decode.mqtt.bad.remainingLength", 0, 0);
            }
            int header = 1 + (int) length[1];
            long total = header + length[0];
            if (total > MAX_BUFFERED) {
                buffer = new byte[0];
                return new Split(packets, "decode.mqtt.bad.tooLarge", 0, total);
            }
            if (at + total > all.length) {
                buffer = Arrays.copyOfRange(all, at, all.length);
                return new Split(packets, null, buffer.length, total);
            }
            int first = all[at] & 0xFF;
            packets.add(new Packet(first >> 4, first & 0xF, Arrays.copyOfRange(all, at + header, (int) (at + total))));
            at += (int) total;
        }
        buffer = new byte[0];
        return new Split(packets, null, 0, 0);
    }

    /**
     * The variable byte integer at {@code at} (MQTT 5 section 1.5.5): {value, bytes it took}, value -1 when it
     * runs over four bytes; null when the data ends inside it.
     */
    static long[] remainingLength(byte[] data, int at) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            if (at + i >= data.length) return null;
            int b = data[at + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) return new long[] {value, i + 1};
        }
        return new long[] {-1, 4};
    }

    /** A variable byte integer's bytes, for the writer. */
    static void writeVarint(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value > 0 ? b | 0x80 : b);
        } while (value > 0);
    }
}
