package dev.duplex.net.deflate;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the compressed messages of one direction (RFC 7692 7.2.2), frame by frame and in any chunks. Its
 * window is 32 KiB and is never emptied between messages, which reads a stream made with any smaller window,
 * with or without context takeover: the peer's terms limit only what it may refer to.
 */
public final class MessageInflater {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    /** Where inflated bytes go; it may refuse more by throwing (a message over the size limit). */
    @FunctionalInterface
    public interface Output {
        void write(byte[] b, int off, int len) throws DataFormatException;
    }

    private final Inflater inflater = new Inflater(true);
    private final byte[] chunk = new byte[8192];

    /** Compressed bytes of the current message. */
    public void feed(byte[] b, int off, int len, Output out) throws DataFormatException {
        if (len == 0) return;
        inflater.setInput(b, off, len);
        drain(out);
    }

    /** The message's end: its cut tail goes in, and a stream the peer ended with BFINAL starts again. */
    public void endMessage(Output out) throws DataFormatException {
        if (!inflater.finished()) {
            inflater.setInput(TAIL);
            drain(out);
        }
        if (inflater.finished()) inflater.reset();
    }

    private void drain(Output out) throws DataFormatException {
        while (!inflater.finished()) {
            int n = inflater.inflate(chunk);
            if (n == 0) {
                if (inflater.needsDictionary()) throw new DataFormatException("a preset dictionary is not permessage-deflate");
                break;
            }
            out.write(chunk, 0, n);
        }
    }

    /** Frees the native zlib memory at once rather than at collection. */
    public void end() {
        inflater.end();
    }
}
