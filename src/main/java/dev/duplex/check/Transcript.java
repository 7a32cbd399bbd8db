package dev.duplex.check;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What one case sent and got, frame by frame, for the report: the first bytes in hex and a decoding. */
public final class Transcript {
    /** How many bytes of each frame are kept (in hex). */
    static final int BYTES_SHOWN = 48;
    /** How many frames a case keeps; the rest are counted only. */
    static final int FRAMES_KEPT = 40;

    /** One frame or handshake: sent by us (true) or got from the server, its first bytes, what it is. */
    public record Entry(boolean sent, String hex, int length, String decoded) { }

    private final List<Entry> entries = new ArrayList<>();
    private int dropped;

    public synchronized void sent(byte[] bytes, String decoded) {
        add(true, bytes, decoded);
    }

    public synchronized void got(byte[] bytes, String decoded) {
        add(false, bytes, decoded);
    }

    private void add(boolean sent, byte[] bytes, String decoded) {
        if (entries.size() >= FRAMES_KEPT) {
            dropped++;
            return;
        }
        int n = Math.min(bytes.length, BYTES_SHOWN + 14);
        entries.add(new Entry(sent, HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n) + (n < bytes.length ? " …" : ""),
                bytes.length, decoded));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Frames seen but not kept. */
    public synchronized int dropped() {
        return dropped;
    }
}
