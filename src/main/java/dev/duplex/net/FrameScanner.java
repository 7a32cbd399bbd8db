package dev.duplex.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Follows the frame boundaries of a WebSocket byte stream as it is read, without copying payloads,
 * and keeps the first close frame it sees. The client needs this because Java-WebSocket stops decoding
 * once it has sent its own close frame, so it cannot say what the server answered; a browser can.
 */
final class FrameScanner {
    /** A close frame's code (1005 when it carried none) and reason. */
    record CloseFrame(int code, String reason) { }

    private static final int OPCODE_CLOSE = 0x8;

    private final byte[] header = new byte[14];
    private int headerLength;
    private int headerNeeded = 2;
    private long payloadLeft;
    private boolean inPayload;
    private int opcode;
    private final ByteArrayOutputStream closePayload = new ByteArrayOutputStream();
    private volatile CloseFrame close;

    /** The first close frame seen, or null. */
    CloseFrame close() {
        return close;
    }

    void feed(byte[] b, int off, int len) {
        while (len > 0) {
            if (inPayload) {
                int n = (int) Math.min(payloadLeft, len);
                if (opcode == OPCODE_CLOSE && closePayload.size() < 125) {
                    closePayload.write(b, off, Math.min(n, 125 - closePayload.size()));
                }
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
            if (headerLength >= 2 && headerLength == headerNeeded) startPayload();
        }
    }

    private void startPayload() {
        opcode = header[0] & 0x0f;
        int length7 = header[1] & 0x7f;
        if (length7 == 126) {
            payloadLeft = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        } else if (length7 == 127) {
            long n = 0;
            for (int i = 2; i < 10; i++) n = (n << 8) | (header[i] & 0xff);
            payloadLeft = n;
        } else {
            payloadLeft = length7;
        }
        closePayload.reset();
        inPayload = payloadLeft > 0;
        if (!inPayload) frameDone();
    }

    private void frameDone() {
        if (opcode == OPCODE_CLOSE && close == null) {
            byte[] p = closePayload.toByteArray();
            if ((header[1] & 0x80) != 0) {
                // A server must not mask, but if it does the mask key is the header's last four bytes.
                int keyAt = headerNeeded - 4;
                for (int i = 0; i < p.length; i++) p[i] ^= header[keyAt + (i & 3)];
            }
            int code = p.length >= 2 ? ((p[0] & 0xff) << 8) | (p[1] & 0xff) : CloseCodes.NO_STATUS;
            String reason = p.length > 2 ? new String(p, 2, p.length - 2, StandardCharsets.UTF_8) : "";
            close = new CloseFrame(code, reason);
        }
        inPayload = false;
        headerLength = 0;
        headerNeeded = 2;
    }
}
