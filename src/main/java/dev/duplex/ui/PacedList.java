package dev.duplex.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.WeakListChangeListener;

/**
 * What a virtualized view shows of a model list (a log, the frames): the same items, brought up to date at
 * most {@link #PACE_NANOS} after the last time, in one change. During a flood the model list changes at
 * every frame, and each change costs the view a new line in every visible cell, their layout and a full
 * repaint of the list, which on two cores took the frames whole; ten a second leave the window room for
 * keys and paint. After a quiet spell the first change shows at the next frame, so a click's answer, or a
 * message now and then, is never held back.
 *
 * <p>The model's lists drop their oldest items at the head and add at the tail; those changes are applied
 * as such (the selection stays on its lines). Anything else (a clear, a new filter) replaces the whole
 * list. FX thread only. The source is listened to weakly: a view that is gone takes this list with it.
 *
 * <p>While its view is off screen (a tab not in front), the list holds its updates and takes them all in
 * one when the view shows again: a hidden list laid out ten times a second shared its pulses with the one
 * in front.
 */
public final class PacedList<E> extends ObservableListBase<E> {
    /** The shortest time between two updates of the view. */
    static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ObservableList<E> source;
    private final List<E> items;
    /** Since the last update: how many items the source dropped at its head, and whether it did anything else. */
    private int droppedAtHead;
    private boolean otherChange;
    private boolean pending;
    private long lastUpdate = Long.MIN_VALUE;
    private boolean onScreen = true;
    private final ListChangeListener<E> onSourceChange = this::sourceChanged;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!onScreen) {
                stop();
                return;
            }
            if (lastUpdate != Long.MIN_VALUE && now - lastUpdate < PACE_NANOS) return;
            stop();
            lastUpdate = now;
            update();
        }
    };

    public PacedList(ObservableList<E> source) {
        this.source = source;
        this.items = new ArrayList<>(source);
        source.addListener(new WeakListChangeListener<>(onSourceChange));
    }

    /** Whether the view of this list is on screen: off screen, updates wait until it is again. */
    public void setOnScreen(boolean shown) {
        onScreen = shown;
        if (shown && pending) timer.start();
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    private void sourceChanged(ListChangeListener.Change<? extends E> change) {
        while (change.next()) {
            boolean atHead = change.getFrom() == 0 && change.wasRemoved() && !change.wasAdded();
            boolean atTail = change.wasAdded() && !change.wasRemoved() && change.getTo() == change.getList().size();
            if (atHead) droppedAtHead += change.getRemovedSize();
            else if (!atTail) otherChange = true;
        }
        if (!pending) {
            pending = true;
            if (onScreen) timer.start();
        }
    }

    /** Brings the items up to the source's, as one change. */
    private void update() {
        pending = false;
        int dropped = Math.min(droppedAtHead, items.size());
        int added = source.size() - (items.size() - dropped);
        boolean asRing = !otherChange && added >= 0 && added <= source.size();
        droppedAtHead = 0;
        otherChange = false;
        beginChange();
        if (asRing) {
            List<E> head = items.subList(0, dropped);
            if (dropped > 0) nextRemove(0, new ArrayList<>(head));
            head.clear();
            items.addAll(source.subList(source.size() - added, source.size()));
            if (added > 0) nextAdd(items.size() - added, items.size());
        } else {
            List<E> old = new ArrayList<>(items);
            items.clear();
            items.addAll(source);
            if (!old.isEmpty()) nextRemove(0, old);
            if (!items.isEmpty()) nextAdd(0, items.size());
        }
        endChange();
    }
}
