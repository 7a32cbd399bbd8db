package dev.duplex.net.server;

/**
 * Reads just enough of an RFC 6455 frame header (5.2) to say how many bytes the whole frame takes, for
 * {@link InOrderDraft}, which hands the library one complete frame at a time.
 */
final class FrameHeader {
    /** Not enough bytes yet to know the frame's size, or to hold the whole frame. */
    static final int INCOMPLETE = -1;
    /**
     * The header alone is one the library refuses (a reserved opcode, a control frame over 125 bytes, a
     * length over the limit or negative): it need not, and must not, be waited for.
     */
    static final int REJECTED_BY_HEADER = -2;

    private FrameHeader() { }

    /**
     * The size of the frame starting at {@code start} (header, mask key and payload), when all
     * {@code available} bytes from there hold it; else {@link #INCOMPLETE} or {@link #REJECTED_BY_HEADER}.
     */
    static int frameSize(byte[] bytes, int start, int available, int maxPayload) {
        if (available < 2) return INCOMPLETE;
        int opcode = bytes[start] & 0x0F;
        boolean control = (opcode & 0x08) != 0;
        boolean known = opcode <= 2 || (opcode >= 8 && opcode <= 10);
        if (!known) return REJECTED_BY_HEADER;
        boolean masked = (bytes[start + 1] & 0x80) != 0;
        int length7 = bytes[start + 1] & 0x7F;
        if (control && length7 > 125) return REJECTED_BY_HEADER;
        int header = 2;
        long length = length7;
        if (length7 == 126) {
            header += 2;
            if (available < header) return INCOMPLETE;
            length = ((bytes[start + 2] & 0xFF) << 8) | (bytes[start + 3] & 0xFF);
        } else if (length7 == 127) {
            header += 8;
            if (available < header) return INCOMPLETE;
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | (bytes[start + 2 + i] & 0xFF);
        }
        if (length < 0 || length > maxPayload) return REJECTED_BY_HEADER;
        long size = header + (masked ? 4 : 0) + length;
        return size <= available ? (int) size : INCOMPLETE;
    }
}
