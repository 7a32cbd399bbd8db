package dev.duplex.net.deflate;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Compresses the frames of messages as RFC 7692 7.2.1 asks, within a window the peer agreed to. The JDK's
 * Deflater always looks back up to 32 KiB; for a smaller window it is fed at most that many bytes between full
 * flushes, which empty its dictionary, so that no back-reference reaches further than the peer keeps. A message
 * ends on a full flush too then, and so takes nothing over from the one before: that is allowed, and costs some
 * ratio, never correctness.
 */
public final class WindowedDeflater {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final byte[] chunk = new byte[8192];
    private final int window;
    private final boolean limited;
    private final boolean noContext;
    /** Bytes fed since the dictionary was last emptied (counted only for a limited window). */
    private int sinceFullFlush;

    /**
     * @param windowBits 8 to 15
     * @param noContext  start each message with an empty window ({@code *_no_context_takeover})
     */
    public WindowedDeflater(int windowBits, boolean noContext) {
        this.window = 1 << windowBits;
        this.limited = windowBits < 15;
        this.noContext = noContext;
    }

    /** One frame's payload compressed; {@code fin} for the message's last frame (its 4-byte tail is cut). */
    public byte[] frame(byte[] data, boolean fin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        int at = 0;
        do {
            if (limited && sinceFullFlush == window) flush(out, Deflater.FULL_FLUSH);
            int n = limited ? Math.min(data.length - at, window - sinceFullFlush) : data.length - at;
            deflater.setInput(data, at, n);
            while (!deflater.needsInput()) out.write(chunk, 0, deflater.deflate(chunk, 0, chunk.length, Deflater.NO_FLUSH));
            at += n;
            if (limited) sinceFullFlush += n;
        } while (at < data.length);
        flush(out, limited && fin ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH);
        if (!fin) return out.toByteArray();
        if (noContext && !limited) deflater.reset();
        byte[] all = out.toByteArray();
        byte[] cut = endsWithTail(all) ? java.util.Arrays.copyOf(all, all.length - TAIL.length) : all;
        // Nothing new since the last flush (an empty message, or a last frame with no data): zlib then writes
        // nothing, and the tail the peer appends would start a stored block with no header in front of it. One
        // zero byte is that header (RFC 7692 7.2.3.6).
        return cut.length == 0 ? new byte[] {0x00} : cut;
    }

    private void flush(ByteArrayOutputStream out, int mode) {
        int n;
        do {
            n = deflater.deflate(chunk, 0, chunk.length, mode);
            out.write(chunk, 0, n);
        } while (n == chunk.length);
        if (mode == Deflater.FULL_FLUSH) sinceFullFlush = 0;
    }

    private static boolean endsWithTail(byte[] b) {
        if (b.length < TAIL.length) return false;
        for (int i = 0; i < TAIL.length; i++) if (b[b.length - TAIL.length + i] != TAIL[i]) return false;
        return true;
    }

    /** Frees the native zlib memory at once rather than at collection. */
    public void end() {
        deflater.end();
    }
}
