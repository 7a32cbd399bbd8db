package dev.duplex.model;

import java.util.List;

import dev.duplex.net.WsEvent;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A log that keeps at most {@code cap} events, dropping the oldest and counting what it dropped, so a
 * flood or a long run keeps memory flat. UI thread only.
 */
public final class LogBuffer {
    private final ObservableList<WsEvent> events = FXCollections.observableArrayList();
    private final ObservableList<WsEvent> readOnly = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private int cap;

    public LogBuffer(int cap) {
        this.cap = cap;
    }

    public ObservableList<WsEvent> events() {
        return readOnly;
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public long dropped() {
        return dropped.get();
    }

    public int cap() {
        return cap;
    }

    /** Appends a batch: at most two list changes (one removal at the head, one addition), whatever its size. */
    public void addAll(List<? extends WsEvent> batch) {
        if (batch.isEmpty()) return;
        if (batch.size() >= cap) {
            dropped.set(dropped.get() + events.size() + batch.size() - cap);
            events.setAll(batch.subList(batch.size() - cap, batch.size()));
            return;
        }
        int overflow = events.size() + batch.size() - cap;
        if (overflow > 0) {
            events.remove(0, overflow);
            dropped.set(dropped.get() + overflow);
        }
        events.addAll(batch);
    }

    public void setCap(int newCap) {
        if (newCap <= 0) throw new IllegalArgumentException("cap must be positive");
        cap = newCap;
        int overflow = events.size() - cap;
        if (overflow > 0) {
            events.remove(0, overflow);
            dropped.set(dropped.get() + overflow);
        }
    }

    public void clear() {
        events.clear();
        dropped.set(0);
    }
}
