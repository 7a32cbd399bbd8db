package dev.duplex.net.wire;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts one direction of a WebSocket byte stream into frames as the bytes go by, in whatever chunks
 * they come, and hands each complete frame on. It keeps at most {@link FrameInfo#PAYLOAD_CAP} bytes of
 * a payload, so a huge frame costs no more memory than a small one.
 */
final class FrameReader {
    private final boolean inbound;
    private final Consumer<FrameInfo> frames;
    /** How much of a data frame's payload to keep: {@link FrameInfo#PAYLOAD_CAP}, or 0 when only headers matter. */
    private final int dataCap;

    /** The payload of every frame with none kept (a length-0 array cannot be changed, so one is shared). */
    private static final byte[] NO_BYTES = new byte[0];

    private final byte[] header = new byte[14];
    private int headerLength;
    private int headerNeeded = 2;
    private long payloadLength;
    private long payloadLeft;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    /** Made at the first compressed message, and only when payloads are kept (someone looks at them). */
    private WireInflater inflater;
    /** Whether the current frame's payload goes through {@link #inflater}. */
    private boolean inflating;
    private byte[] mask;

    FrameReader(boolean inbound, Consumer<FrameInfo> frames) {
        this(inbound, frames, FrameInfo.PAYLOAD_CAP);
    }

    /** @param dataCap payload bytes kept of a data frame; control frames (at most 125) are kept whole */
    FrameReader(boolean inbound, Consumer<FrameInfo> frames, int dataCap) {
        this.inbound = inbound;
        this.frames = frames;
        this.dataCap = dataCap;
    }

    /** Set when the stream can no longer be followed (a length with its top bit set): the rest is ignored. */
    private boolean lost;

    void feed(byte[] b, int off, int len) {
        if (lost) return;
        while (len > 0) {
            if (headerLength == headerNeeded && headerNeeded > 0 && payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, len);
                int cap = (header[0] & 0x08) != 0 ? FrameInfo.PAYLOAD_CAP : dataCap;
                int keep = Math.min(n, cap - payload.size());
                if (keep > 0) payload.write(b, off, keep);
                if (inflating) inflater.feed(b, off, n, mask, payloadLength - payloadLeft);
                off += n;
                len -= n;
                payloadLeft -= n;
                if (payloadLeft == 0) frameDone();
                continue;
            }
            header[headerLength++] = b[off++];
            len--;
            if (headerLength == 2) {
                int length7 = header[1] & 0x7f;
                boolean masked = (header[1] & 0x80) != 0;
                headerNeeded = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
            }
            if (headerLength >= 2 && headerLength == headerNeeded) {
                startPayload();
                if (lost) return;
            }
        }
    }

    private void startPayload() {
        int length7 = header[1] & 0x7f;
        if (length7 == 126) {
            payloadLength = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        } else if (length7 == 127) {
            long n = 0;
            for (int i = 2; i < 10; i++) n = (n << 8) | (header[i] & 0xff);
            payloadLength = n;
            if (n < 0) {
                // RFC 6455 5.2: the most significant bit must be 0. The library fails the connection
                // (1002); this reader just stops following a stream it cannot cut any more.
                lost = true;
                return;
            }
        } else {
            payloadLength = length7;
        }
        payloadLeft = payloadLength;
        payload.reset();
        mask = (header[1] & 0x80) == 0 ? null : java.util.Arrays.copyOfRange(header, headerNeeded - 4, headerNeeded);
        int opcode = header[0] & 0x0f;
        boolean rsv1 = (header[0] & 0x40) != 0;
        if (inflater == null && dataCap > 0 && rsv1 && (opcode == FrameInfo.TEXT || opcode == FrameInfo.BINARY)) {
            inflater = new WireInflater();
        }
        inflating = inflater != null && inflater.startFrame(opcode, rsv1);
        if (payloadLeft == 0) frameDone();
    }

    boolean lost() {
        return lost;
    }

    private void frameDone() {
        byte[] data = payload.size() == 0 ? NO_BYTES : payload.toByteArray();
        byte[] key = mask;
        if (key != null) {
            for (int i = 0; i < data.length; i++) data[i] ^= key[i & 3];
        }
        int b0 = header[0] & 0xff;
        byte[] inflated = inflating ? inflater.endFrame((b0 & 0x80) != 0) : null;
        inflating = false;
        frames.accept(new FrameInfo(inbound, (b0 & 0x80) != 0, (b0 & 0x40) != 0, (b0 & 0x20) != 0,
                (b0 & 0x10) != 0, b0 & 0x0f, key, payloadLength, headerNeeded + payloadLength, data, inflated));
        headerLength = 0;
        headerNeeded = 2;
        payloadLeft = 0;
        payload.reset();
    }
}
