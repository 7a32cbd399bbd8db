package dev.duplex.net.wire;

import dev.duplex.protocol.CloseCodes;

/**
 * One WebSocket frame as it crossed the wire, for the frame inspector: its header bits, its sizes, and
 * (up to {@link #PAYLOAD_CAP} bytes of) its payload, unmasked.
 *
 * @param inbound       read from the peer (else written by us)
 * @param maskKey       the 4-byte masking key, or null when the frame was not masked
 * @param payloadLength the payload length the header declares
 * @param wireLength    header plus payload: the bytes the frame took on the wire
 * @param payload       the payload (unmasked), cut at {@link #PAYLOAD_CAP} bytes
 * @param inflated      for a frame of a compressed message (permessage-deflate), what its payload inflates to,
 *                      cut at {@link #PAYLOAD_CAP} bytes; null for any other frame
 */
public record FrameInfo(boolean inbound, boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, int opcode,
        byte[] maskKey, long payloadLength, long wireLength, byte[] payload, byte[] inflated) {

    /** A frame that is not part of a compressed message. */
    public FrameInfo(boolean inbound, boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, int opcode,
            byte[] maskKey, long payloadLength, long wireLength, byte[] payload) {
        this(inbound, fin, rsv1, rsv2, rsv3, opcode, maskKey, payloadLength, wireLength, payload, null);
    }

    /** Enough to read any control frame and the start of any message, without holding a flood twice. */
    public static final int PAYLOAD_CAP = 64 * 1024;

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    public boolean masked() {
        return maskKey != null;
    }

    public boolean control() {
        return (opcode & 0x8) != 0;
    }

    public boolean truncated() {
        return payload.length < payloadLength;
    }

    /** The opcode's name: text, binary, continuation, close, ping, pong, or reserved-0xN. */
    public String opcodeName() {
        return switch (opcode) {
            case CONTINUATION -> "continuation";
            case TEXT -> "text";
            case BINARY -> "binary";
            case CLOSE -> "close";
            case PING -> "ping";
            case PONG -> "pong";
            default -> "reserved-0x" + Integer.toHexString(opcode);
        };
    }

    /** For a close frame: its code, or 1005 when it carries none. */
    public int closeCode() {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : CloseCodes.NO_STATUS;
    }

    /** For a close frame: its reason, decoded leniently. */
    public String closeReason() {
        return payload.length > 2
                ? new String(payload, 2, payload.length - 2, java.nio.charset.StandardCharsets.UTF_8) : "";
    }
}
