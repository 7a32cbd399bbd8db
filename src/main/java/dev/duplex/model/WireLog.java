package dev.duplex.model;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.WsEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What crossed one side's wire, for its Frames and Handshake views: every frame both ways (kept apart
 * from the event log, under the same cap), their running totals, and the last upgrade. The server and
 * each client tab own one. FX thread only.
 */
public final class WireLog {
    private final LogBuffer frames;
    private final FrameTotals totals = new FrameTotals();
    private final ReadOnlyObjectWrapper<WsEvent.Handshake> handshake = new ReadOnlyObjectWrapper<>(this, "handshake");

    public WireLog(int cap) {
        frames = new LogBuffer(cap);
    }

    /** Keeps a batch's frames and its last handshake; returns the other events, for the log. */
    public List<WsEvent> take(List<WsEvent> all) {
        List<WsEvent> events = new ArrayList<>(all.size());
        List<WsEvent> batch = new ArrayList<>();
        for (WsEvent e : all) {
            if (e instanceof WsEvent.Frame) batch.add(e);
            else events.add(e);
            if (e instanceof WsEvent.Handshake h) handshake.set(h);
        }
        frames.addAll(batch);
        totals.add(batch);
        return events;
    }

    /** Shows frames and a handshake read from a file instead of what the wire carried. */
    public void replaceWith(List<WsEvent> fileFrames, WsEvent.Handshake fileHandshake) {
        clear();
        frames.addAll(fileFrames);
        totals.add(fileFrames);
        handshake.set(fileHandshake);
    }

    /** Starts afresh for a new connection or server run (the handshake view keeps the last one). */
    public void clear() {
        frames.clear();
        totals.reset();
    }

    public void setCap(int cap) {
        frames.setCap(cap);
    }

    public LogBuffer frames() { return frames; }
    public FrameTotals totals() { return totals; }
    public ReadOnlyObjectProperty<WsEvent.Handshake> handshakeProperty() { return handshake.getReadOnlyProperty(); }
}
