package dev.duplex.net.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;

/**
 * The library's RFC 6455 draft, with a client's frames acted on strictly in the order they came, whatever
 * the reads that brought them:
 * <ul>
 * <li>Java-WebSocket 1.6.0 parses every frame of a read before it acts on any, and throws on the first bad
 * one: the good frames read with it were dropped, so a message sent just before a reserved opcode or bit
 * was not echoed when both came in one read (Autobahn's NON-STRICT). Here the library parses one complete
 * frame at a time; a frame it rejects becomes a {@link Rejected} frame after the good ones, which throws
 * the library's own exception when its turn comes, so the connection is failed exactly as before (1002,
 * 1007, 1009...), only after the echoes.</li>
 * <li>After a close frame nothing more is parsed (RFC 6455 5.5.1: the close is the last frame). The library
 * took a second close frame in the same read as the answer to the close it had just queued, and dropped
 * the connection before that close went out.</li>
 * </ul>
 * The bytes of a frame not yet complete wait here, so the library only ever sees whole frames; a header
 * the library rejects by itself (reserved opcode, too long a control frame, a length over the limit) goes
 * to it at once, so a 1 GiB frame is refused from its header, never buffered.
 */
final class InOrderDraft extends Draft_6455 {
    /** The bytes read and not yet handed to the library: the start of a frame not complete yet. */
    private byte[] pending = new byte[0];
    private int pendingLength;
    /** Set once a close frame or a rejected frame has been read: what follows is not parsed. */
    private boolean finished;
    /** Set when the library was given a frame's start to reject and kept it: it parses by itself from then on. */
    private boolean libraryParses;

    InOrderDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameSize) {
        super(extensions, protocols, maxFrameSize);
    }

    // The library copies its draft for each connection: the copy must be this class too.
    @Override
    public Draft copyInstance() {
        List<IExtension> extensions = new ArrayList<>();
        for (IExtension e : getKnownExtensions()) extensions.add(e.copyInstance());
        List<IProtocol> protocols = new ArrayList<>();
        for (IProtocol p : getKnownProtocols()) protocols.add(p.copyInstance());
        return new InOrderDraft(extensions, protocols, getMaxFrameSize());
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        if (libraryParses) return super.translateFrame(buffer);
        if (finished) {
            buffer.position(buffer.limit());
            return List.of();
        }
        append(buffer);
        List<Framedata> frames = new ArrayList<>();
        int start = 0;
        while (!finished && start < pendingLength) {
            int size = FrameHeader.frameSize(pending, start, pendingLength - start, getMaxFrameSize());
            if (size == FrameHeader.INCOMPLETE) break;
            if (size == FrameHeader.REJECTED_BY_HEADER) {
                // The library refuses this header by itself; should it not, it owns the bytes from here on.
                ByteBuffer rest = ByteBuffer.wrap(pending, start, pendingLength - start);
                start = pendingLength;
                libraryParses = true;
                try {
                    frames.addAll(super.translateFrame(rest));
                } catch (InvalidDataException e) {
                    frames.add(new Rejected(e));
                    finished = true;
                }
                break;
            }
            // One whole frame, in a buffer whose array starts at 0: the library reads array() by position.
            ByteBuffer one = ByteBuffer.wrap(pending, start, size);
            start += size;
            try {
                List<Framedata> parsed = super.translateFrame(one);
                frames.addAll(parsed);
                for (Framedata f : parsed) {
                    if (f.getOpcode() == Opcode.CLOSING) finished = true;
                }
            } catch (InvalidDataException e) {
                frames.add(new Rejected(e));
                finished = true;
            }
        }
        keepFrom(finished ? pendingLength : start);
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl conn, Framedata frame) throws InvalidDataException {
        if (frame instanceof Rejected rejected) throw rejected.reason;
        super.processFrame(conn, frame);
    }

    @Override
    public void reset() {
        super.reset();
        pending = new byte[0];
        pendingLength = 0;
        finished = false;
        libraryParses = false;
    }

    private void append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (pendingLength + n > pending.length) {
            byte[] bigger = new byte[Math.max(pendingLength + n, pending.length * 2)];
            System.arraycopy(pending, 0, bigger, 0, pendingLength);
            pending = bigger;
        }
        buffer.get(pending, pendingLength, n);
        pendingLength += n;
    }

    /** Drops the bytes before {@code from}: they have been handed to the library. */
    private void keepFrom(int from) {
        int left = pendingLength - from;
        if (left == 0) {
            // Nothing waits: a large frame's room is not kept for the connection's life.
            if (pending.length > 64 * 1024) pending = new byte[0];
        } else if (from > 0) {
            System.arraycopy(pending, from, pending, 0, left);
        }
        pendingLength = left;
    }

    /**
     * A frame the library rejected, kept in its place among the frames read: processing it fails the
     * connection with the library's own exception, after the frames before it have been acted on.
     */
    private static final class Rejected implements Framedata {
        final InvalidDataException reason;

        Rejected(InvalidDataException reason) {
            this.reason = reason;
        }

        @Override
        public boolean isFin() {
            return true;
        }

        @Override
        public boolean isRSV1() {
            return false;
        }

        @Override
        public boolean isRSV2() {
            return false;
        }

        @Override
        public boolean isRSV3() {
            return false;
        }

        @Override
        public boolean getTransfereMasked() {
            return false;
        }

        @Override
        public Opcode getOpcode() {
            return Opcode.CONTINUOUS;
        }

        @Override
        public ByteBuffer getPayloadData() {
            return ByteBuffer.allocate(0);
        }

        @Override
        public void append(Framedata next) {
            // never merged: it ends the connection
        }

        @Override
        public String toString() {
            return "rejected frame: " + reason.getMessage();
        }
    }
}
