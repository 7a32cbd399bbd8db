package dev.duplex.forge;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * One WebSocket frame exactly as a person asked for it, rules or not (RFC 6455 5.2): FIN, RSV1 to RSV3, any
 * opcode 0 to 15, masked with a random key, a given key or not at all, a declared payload length that may
 * differ from the payload sent, in the shortest form or a longer one, and the payload.
 *
 * @param rsv            the three reserved bits, 0 to 7 (4 is RSV1)
 * @param mask           the masking key (4 bytes), or null for an unmasked frame
 * @param declaredLength the length written in the header, or -1 for the payload's own
 * @param lengthForm     how the length is written: 0 the shortest, 2 the 16-bit form, 8 the 64-bit form
 */
public record ForgedFrame(boolean fin, int rsv, int opcode, byte[] mask, long declaredLength, int lengthForm,
        byte[] payload) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ForgedFrame {
        if (rsv < 0 || rsv > 7) throw new IllegalArgumentException("rsv 0 to 7: " + rsv);
        if (opcode < 0 || opcode > 15) throw new IllegalArgumentException("opcode 0 to 15: " + opcode);
        if (mask != null && mask.length != 4) throw new IllegalArgumentException("a masking key is 4 bytes");
        if (lengthForm != 0 && lengthForm != 2 && lengthForm != 8) throw new IllegalArgumentException("length form 0, 2 or 8");
        payload = payload == null ? new byte[0] : payload.clone();
    }

    /** A random masking key, as a client must use. */
    public static byte[] randomMask() {
        byte[] key = new byte[4];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The frame's bytes: header, masking key, and the payload masked with it. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        long length = declaredLength >= 0 ? declaredLength : payload.length;
        int maskBit = mask != null ? 0x80 : 0;
        int form = lengthForm != 0 ? lengthForm : length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
        if (form == 0) {
            out.write(maskBit | (int) length);
        } else if (form == 2) {
            out.write(maskBit | 126);
            out.write((int) (length >> 8) & 0xFF);
            out.write((int) length & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (length >>> shift) & 0xFF);
        }
        if (mask != null) out.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) out.write(mask == null ? payload[i] : payload[i] ^ mask[i & 3]);
        return out.toByteArray();
    }
}
