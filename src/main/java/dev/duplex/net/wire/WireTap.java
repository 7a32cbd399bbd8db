package dev.duplex.net.wire;

import dev.duplex.net.HandshakeRecord;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Watches the raw bytes of one connection, both ways, as Java-WebSocket reads and writes them: the
 * HTTP upgrade first (kept as text, for the handshake view), then the frames (cut and handed on, for
 * the frame inspector). The library parses the same bytes for itself; this is a second, independent
 * reading, so Duplex shows what was on the wire, not what the library made of it.
 */
public final class WireTap {
    /** Where the findings go. Called on the thread that read or wrote the bytes. */
    public interface Sink {
        /** The handshake's answer is complete (with the body of a refusal, if it came in the same read). */
        void handshake(HandshakeRecord record);

        void frame(FrameInfo frame);
    }

    /** A refusal's status, headers and the start of its body are all a person needs. */
    private static final int HEAD_CAP = 64 * 1024;

    private final Sink sink;
    private final Direction request;
    private final Direction response;
    private volatile FrameInfo firstInboundClose;

    /** @param clientSide true when we are the client (we write the request), false on the server */
    public WireTap(boolean clientSide, Sink sink) {
        this(clientSide, sink, FrameInfo.PAYLOAD_CAP, true);
    }

    /**
     * A tap for a connection whose frames nobody views (the headless server): the handshake is kept, the
     * peer's frames are still cut (for checks such as {@link Sink#frame} on the server) with only control
     * payloads kept, and our own frames are not followed at all, so an echo costs no second parse.
     */
    public static WireTap checksOnly(boolean clientSide, Sink sink) {
        return new WireTap(clientSide, sink, 0, false);
    }

    /**
     * @param dataCap        payload bytes kept of each data frame
     * @param followOutbound whether the frames we write are cut and handed to the sink too
     */
    private WireTap(boolean clientSide, Sink sink, int dataCap, boolean followOutbound) {
        this.sink = sink;
        Consumer<FrameInfo> frames = frame -> {
            if (frame.inbound() && frame.opcode() == FrameInfo.CLOSE && firstInboundClose == null) {
                firstInboundClose = frame;
            }
            sink.frame(frame);
        };
        // The request goes out from a client and comes in to a server; the response the other way.
        this.request = new Direction(!clientSide, clientSide && !followOutbound ? null : frames, false, dataCap);
        this.response = new Direction(clientSide, !clientSide && !followOutbound ? null : frames, true, dataCap);
        this.clientSide = clientSide;
    }

    private final boolean clientSide;

    void inbound(byte[] b, int off, int len) {
        (clientSide ? response : request).feed(b, off, len);
    }

    void outbound(byte[] b, int off, int len) {
        (clientSide ? request : response).feed(b, off, len);
    }

    /** The first close frame the peer sent, or null. */
    public FrameInfo peerClose() {
        return firstInboundClose;
    }

    /** The handshake as captured so far (an answer that never came is ""). */
    public HandshakeRecord handshake() {
        return new HandshakeRecord(request.head(), response.head());
    }

    /** One direction: an HTTP head until its blank line, then frames. */
    private final class Direction {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        /** Null when the frames of this direction are not followed. */
        private final FrameReader frames;
        private final boolean isResponse;
        private boolean inHead = true;
        private boolean keepBody;
        private int blankLineMatch;

        Direction(boolean inbound, Consumer<FrameInfo> frames, boolean isResponse, int dataCap) {
            this.frames = frames == null ? null : new FrameReader(inbound, frames, dataCap);
            this.isResponse = isResponse;
        }

        synchronized String head() {
            return head.toString(StandardCharsets.UTF_8);
        }

        void feed(byte[] b, int off, int len) {
            if (len <= 0) return;
            if (!inHead) {
                if (keepBody) keep(b, off, len);
                else if (frames != null) frames.feed(b, off, len);
                return;
            }
            int end = off;
            int stop = off + len;
            while (end < stop && blankLineMatch < 4) {
                byte expected = (byte) ((blankLineMatch & 1) == 0 ? '\r' : '\n');
                blankLineMatch = b[end] == expected ? blankLineMatch + 1 : (b[end] == '\r' ? 1 : 0);
                end++;
            }
            keep(b, off, end - off);
            if (blankLineMatch < 4) return;
            inHead = false;
            if (isResponse) {
                // After a refusal comes its body, not frames: keep it for the handshake view.
                keepBody = new HandshakeRecord("", head()).status() != 101;
                if (keepBody) keep(b, end, stop - end);
                else if (frames != null) frames.feed(b, end, stop - end);
                sink.handshake(handshake());
            } else if (frames != null) {
                frames.feed(b, end, stop - end);
            }
        }

        private synchronized void keep(byte[] b, int off, int len) {
            int room = HEAD_CAP - head.size();
            if (room > 0 && len > 0) head.write(b, off, Math.min(room, len));
        }
    }
}
