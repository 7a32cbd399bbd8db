package dev.duplex.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * What one view listens to on models that outlive it, ended together when the view goes (the language
 * switch replaces the window; closing a client tab removes its pane). A plain listener on a model keeps its
 * view alive and fed for as long as the model lives; bindings ({@code bind}, {@code bindBidirectional},
 * {@code Bindings.createXBinding}) hold their views weakly and need nothing here. FX thread only.
 */
public final class ViewSubscriptions {
    private final List<Subscription> held = new ArrayList<>();
    private final ViewSubscriptions parent;
    private boolean ended;

    public ViewSubscriptions() {
        this(null);
    }

    private ViewSubscriptions(ViewSubscriptions parent) {
        this.parent = parent;
    }

    /** Runs {@code action} now with the current value, and again whenever it changes. */
    public <T> void onValue(ObservableValue<T> value, Consumer<? super T> action) {
        add(value.subscribe(action));
    }

    /** Runs {@code action} whenever the value changes, with the old and the new value. */
    public <T> void onChange(ObservableValue<T> value, BiConsumer<? super T, ? super T> action) {
        add(value.subscribe(action));
    }

    /** Listens to a list's changes (JavaFX 21 offers no Subscription for those: the listener is removed). */
    public <E> void onListChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Ends {@code subscription} with this view. */
    public void add(Subscription subscription) {
        if (ended) {
            subscription.unsubscribe(); // a late subscriber of a view that went: end it at once
            return;
        }
        held.add(subscription);
    }

    /** Subscriptions of a part that may go before this view (a client tab's pane), and goes with it at the latest. */
    public ViewSubscriptions child() {
        ViewSubscriptions child = new ViewSubscriptions(this);
        add(new ChildEnd(child));
        return child;
    }

    /** Ends everything this view subscribed to; a second call does nothing. */
    public void dispose() {
        if (ended) return;
        ended = true;
        List<Subscription> all = new ArrayList<>(held);
        held.clear();
        for (Subscription s : all) s.unsubscribe();
        if (parent != null) parent.forget(this);
    }

    /** The parent's hold on a child, so that a child which ended first can be forgotten by its parent. */
    private record ChildEnd(ViewSubscriptions child) implements Subscription {
        @Override
        public void unsubscribe() {
            child.dispose();
        }
    }

    private void forget(ViewSubscriptions child) {
        held.removeIf(s -> s instanceof ChildEnd end && end.child == child);
    }
}
