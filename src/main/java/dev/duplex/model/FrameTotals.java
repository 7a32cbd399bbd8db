package dev.duplex.model;

import java.util.List;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.WsEvent;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Running totals of frames and wire bytes, each way, for one connection (the client's) or one run of
 * the server. Counted as frames arrive, so they stay right after the frame list dropped old rows.
 */
public final class FrameTotals {
    private long inFrames;
    /** Data messages read (their last frames), apart from pings and pongs: what the log's message lines count. */
    private long inMessages;
    private long inBytes;
    private long outFrames;
    private long outBytes;
    /** Bumped on every change: one thing for a view to observe. */
    private final ReadOnlyLongWrapper changed = new ReadOnlyLongWrapper(this, "changed");

    void add(List<WsEvent> frames) {
        if (frames.isEmpty()) return;
        for (WsEvent e : frames) {
            FrameInfo f = ((WsEvent.Frame) e).frame();
            if (f.inbound()) {
                inFrames++;
                if (f.fin() && !f.control()) inMessages++;
                inBytes += f.wireLength();
            } else {
                outFrames++;
                outBytes += f.wireLength();
            }
        }
        changed.set(changed.get() + 1);
    }

    void reset() {
        inFrames = inMessages = inBytes = outFrames = outBytes = 0;
        changed.set(changed.get() + 1);
    }

    public long inFrames() { return inFrames; }
    public long inMessages() { return inMessages; }
    public long inBytes() { return inBytes; }
    public long outFrames() { return outFrames; }
    public long outBytes() { return outBytes; }
    public ReadOnlyLongProperty changed() { return changed.getReadOnlyProperty(); }
}
