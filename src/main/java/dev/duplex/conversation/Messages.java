package dev.duplex.conversation;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import dev.duplex.net.wire.FrameInfo;

/**
 * Frames put back together into the messages a browser reports: one per text or binary message, made of
 * its first frame and its continuation frames, in the order the messages completed, and inflated when
 * permessage-deflate compressed them. Control frames are not messages; they may arrive between the
 * fragments of one, which does not interrupt it.
 *
 * <p>What a browser would not have delivered is decided thus, so that as much data as possible is kept:
 * a continuation frame with no message under way (a peer's protocol error) is dropped, since it has no
 * opcode to report; a message cut off by a new message, or by the end of the capture, is reported as far
 * as it went; reserved data opcodes (3 to 7) are dropped, as the connection would have failed on them.
 */
public final class Messages {
    /** One message: its direction, when its last frame crossed (when it was whole), its opcode, its bytes. */
    public record Message(boolean inbound, Instant at, int opcode, byte[] data) { }

    /** RFC 7692 7.2.2: what the sender left off the end of each compressed message. */
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private Messages() { }

    /** The conversation's text and binary messages, both ways, in the order they completed. */
    public static List<Message> of(Conversation c) {
        String extensions = c.handshake() == null ? "" : c.handshake().record().responseHeader("Sec-WebSocket-Extensions");
        Inflating[] inflating = {
            new Inflating(!hasParameter(extensions, "client_no_context_takeover")),
            new Inflating(!hasParameter(extensions, "server_no_context_takeover")),
        };
        List<Message> out = new ArrayList<>();
        Partial[] underWay = new Partial[2]; // by direction: out, in
        for (Conversation.Frame frame : c.frames()) {
            FrameInfo f = frame.info();
            int direction = f.inbound() ? 1 : 0;
            int opcode = f.opcode();
            if (f.control()) continue;
            if (opcode == FrameInfo.CONTINUATION) {
                Partial p = underWay[direction];
                if (p == null) continue;
                p.add(frame);
                if (f.fin()) {
                    out.add(p.message(inflating[direction]));
                    underWay[direction] = null;
                }
            } else if (opcode == FrameInfo.TEXT || opcode == FrameInfo.BINARY) {
                if (underWay[direction] != null) out.add(underWay[direction].message(inflating[direction]));
                Partial p = new Partial(f.inbound(), opcode, f.rsv1());
                p.add(frame);
                if (f.fin()) {
                    out.add(p.message(inflating[direction]));
                    underWay[direction] = null;
                } else {
                    underWay[direction] = p;
                }
            }
        }
        for (int d = 0; d < 2; d++) if (underWay[d] != null) out.add(underWay[d].message(inflating[d]));
        for (Inflating i : inflating) i.inflater.end();
        return out;
    }

    /**
     * The bytes a frame with this payload takes on the wire: 2 header bytes, 2 or 8 more for a length over
     * 125 or 65535, 4 for a masking key.
     */
    static long wireLength(long payloadLength, boolean masked) {
        long extended = payloadLength > 65535 ? 8 : payloadLength > 125 ? 2 : 0;
        return 2 + extended + (masked ? 4 : 0) + payloadLength;
    }

    /** Whether the agreed permessage-deflate extension carries this parameter. */
    private static boolean hasParameter(String extensionsHeader, String parameter) {
        for (String extension : extensionsHeader.split(",")) {
            String[] parts = extension.split(";");
            if (!parts[0].strip().equalsIgnoreCase("permessage-deflate")) continue;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].strip().toLowerCase(Locale.ROOT).startsWith(parameter)) return true;
            }
        }
        return false;
    }

    /**
     * One direction's decompression. Unless "no context takeover" was agreed, the sender compresses each
     * message with the previous ones as its dictionary, so one inflater must see that direction's compressed
     * messages in order.
     */
    private static final class Inflating {
        final Inflater inflater = new Inflater(true); // raw DEFLATE, no zlib header
        final boolean takeover;
        boolean broken;

        Inflating(boolean takeover) {
            this.takeover = takeover;
        }

        /**
         * The message inflated, or null when it cannot be: RSV1 set where no compression was agreed, a
         * payload the capture cut short, or an earlier message in a shared context that failed.
         */
        byte[] inflate(byte[] compressed) {
            if (broken) return null;
            if (!takeover) inflater.reset();
            inflater.setInput(concat(compressed, TAIL));
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[8192];
            try {
                // Nothing more comes out once the input is used up (or the data ends, or wants a dictionary).
                for (int n = inflater.inflate(buffer); n > 0; n = inflater.inflate(buffer)) out.write(buffer, 0, n);
                if (inflater.needsDictionary()) throw new DataFormatException("wants a preset dictionary");
            } catch (DataFormatException e) {
                broken = takeover;
                inflater.reset();
                return null;
            }
            return out.toByteArray();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = new byte[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    private static final class Partial {
        final boolean inbound;
        final int opcode;
        /** RSV1 on a message's first frame: compressed with permessage-deflate, the one extension that uses it. */
        final boolean compressed;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean truncated;
        Instant last;

        Partial(boolean inbound, int opcode, boolean compressed) {
            this.inbound = inbound;
            this.opcode = opcode;
            this.compressed = compressed;
        }

        void add(Conversation.Frame frame) {
            data.writeBytes(frame.info().payload());
            truncated |= frame.info().truncated();
            last = frame.at();
        }

        /** The message, inflated if it can be; as captured (still compressed) if not. */
        Message message(Inflating inflating) {
            byte[] bytes = data.toByteArray();
            if (compressed) {
                // A cut payload would inflate to garbage or fail, and spoil the shared context after it.
                byte[] inflated = truncated ? null : inflating.inflate(bytes);
                if (truncated) inflating.broken = inflating.takeover;
                if (inflated != null) bytes = inflated;
            }
            return new Message(inbound, last, opcode, bytes);
        }
    }
}
