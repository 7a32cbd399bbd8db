package dev.duplex.check.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Frames as bytes, any of them, well formed or not, and a line of what one is for the transcript. */
final class Frames {
    /** The most a client may send in one frame here: the cases echo at most 64 KiB. */
    static final long MAX_FROM_CLIENT = 1 << 20;

    private Frames() { }

    /** A frame with the shortest length form; {@code mask} null for none (as a server's must be). */
    static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, byte[] mask) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(payload.length + 14);
        b.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0x0f));
        int m = mask == null ? 0 : 0x80;
        if (payload.length <= 125) {
            b.write(m | payload.length);
        } else if (payload.length <= 0xffff) {
            b.write(m | 126);
            b.write(payload.length >> 8);
            b.write(payload.length & 0xff);
        } else {
            b.write(m | 127);
            for (int i = 7; i >= 0; i--) b.write((int) ((long) payload.length >> (8 * i)) & 0xff);
        }
        if (mask != null) b.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) b.write(payload[i] ^ (mask == null ? 0 : mask[i & 3]));
        return b.toByteArray();
    }

    /** A frame whose length is written in the 16-bit or 64-bit form ({@code lengthBytes} 2 or 8), whatever its size. */
    static byte[] withLengthForm(int opcode, byte[] payload, int lengthBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80 | opcode);
        b.write(lengthBytes == 2 ? 126 : 127);
        for (int i = lengthBytes - 1; i >= 0; i--) b.write((int) ((long) payload.length >> (8 * i)) & 0xff);
        b.write(payload, 0, payload.length);
        return b.toByteArray();
    }

    static byte[] closePayload(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.write(p, 0, p.length);
        return b.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Whether the bytes are valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String opcodeName(int opcode) {
        return switch (opcode) {
            case 0 -> "continuation";
            case 1 -> "text";
            case 2 -> "binary";
            case 8 -> "close";
            case 9 -> "ping";
            case 10 -> "pong";
            default -> "opcode " + opcode;
        };
    }

    /** "text fin=1 rsv=0 masked 5 bytes: hello", the payload shown as text when it is short valid UTF-8. */
    static String describe(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        StringBuilder s = new StringBuilder(opcodeName(opcode)).append(fin ? "" : " fin=0")
                .append(rsv == 0 ? "" : " rsv=" + rsv).append(masked ? " masked" : "").append(' ')
                .append(payload.length).append(" bytes");
        if (opcode == 8 && payload.length >= 2) {
            s.append(": code ").append(((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
            byte[] reason = java.util.Arrays.copyOfRange(payload, 2, payload.length);
            if (reason.length > 0) s.append(' ').append(shown(reason));
        } else if (payload.length > 0) {
            s.append(": ").append(shown(payload));
        }
        return s.toString();
    }

    private static String shown(byte[] payload) {
        int n = Math.min(payload.length, 40);
        byte[] head = java.util.Arrays.copyOf(payload, n);
        String more = n < payload.length ? "…" : "";
        if (validUtf8(head) && new String(head, StandardCharsets.UTF_8).chars().noneMatch(c -> c < 0x20)) {
            return "\"" + new String(head, StandardCharsets.UTF_8) + more + "\"";
        }
        return "hex " + HexFormat.of().formatHex(head) + more;
    }
}
