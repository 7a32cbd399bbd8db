package dev.duplex.model;

import java.util.List;

import dev.duplex.net.WsEvent;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

/**
 * A log that keeps at most {@code cap} events, dropping the oldest and counting what it dropped, so a
 * flood or a long run keeps memory flat. What it shows plus what it dropped is always what it was given.
 * A {@link RingList} behind it: adding costs the batch, not the log. UI thread only.
 */
public final class LogBuffer {
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    /** Counts what it drops before its change fires, so a listener's shown + dropped is already right. */
    private final RingList<WsEvent> events;

    public LogBuffer(int cap) {
        events = new RingList<>(cap, n -> dropped.set(dropped.get() + n));
    }

    /** The events kept, oldest first; read-only. */
    public ObservableList<WsEvent> events() {
        return events;
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public long dropped() {
        return dropped.get();
    }

    public int cap() {
        return events.cap();
    }

    /** Appends a batch: one list change (the oldest lines out at the head, the new ones in), whatever its size. */
    public void addAll(List<? extends WsEvent> batch) {
        events.append(batch);
    }

    public void setCap(int newCap) {
        events.setCapacity(newCap);
    }

    public void clear() {
        events.empty();
        dropped.set(0);
    }
}
