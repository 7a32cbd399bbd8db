package dev.duplex.net.wire;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;

import dev.duplex.net.deflate.MessageInflater;

/**
 * A second inflater beside the library's, following one direction of the wire so that each frame of a compressed
 * message can be shown inflated under its compressed bytes. It sees every byte of the payloads (the window must),
 * keeps at most {@link FrameInfo#PAYLOAD_CAP} of each frame's output, and gives up for good on a stream it cannot
 * read: the library closes such a connection anyway.
 */
final class WireInflater {
    private final MessageInflater inflater = new MessageInflater();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final byte[] unmasked = new byte[8192];
    private boolean inMessage;
    private boolean broken;

    private final MessageInflater.Output keep = (b, off, len) -> {
        int room = FrameInfo.PAYLOAD_CAP - kept.size();
        if (room > 0) kept.write(b, off, Math.min(room, len));
    };

    /**
     * A data frame's header was read: whether its payload is to be inflated (a first frame with RSV1, or a
     * continuation of a message that began so).
     */
    boolean startFrame(int opcode, boolean rsv1) {
        if (opcode == FrameInfo.TEXT || opcode == FrameInfo.BINARY) inMessage = rsv1;
        kept.reset();
        return inMessage && !broken && (opcode == FrameInfo.TEXT || opcode == FrameInfo.BINARY || opcode == FrameInfo.CONTINUATION);
    }

    /** Payload bytes as they came, with the frame's mask (or null) and their offset in the payload. */
    void feed(byte[] b, int off, int len, byte[] mask, long offset) {
        if (broken) return;
        try {
            while (len > 0) {
                int n = Math.min(len, unmasked.length);
                for (int i = 0; i < n; i++) {
                    unmasked[i] = mask == null ? b[off + i] : (byte) (b[off + i] ^ mask[(int) ((offset + i) & 3)]);
                }
                inflater.feed(unmasked, 0, n, keep);
                off += n;
                len -= n;
                offset += n;
            }
        } catch (DataFormatException e) {
            broken = true;
        }
    }

    /** The frame's end: what it inflated to, or null when the stream could not be read. */
    byte[] endFrame(boolean fin) {
        if (broken) return null;
        try {
            if (fin) {
                inflater.endMessage(keep);
                inMessage = false;
            }
        } catch (DataFormatException e) {
            broken = true;
            return null;
        }
        return kept.toByteArray();
    }
}
