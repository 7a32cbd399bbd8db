package dev.duplex.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.collections.ObservableListBase;

/**
 * The newest {@code cap} items in a circular array, as a read-only observable list (oldest first), for the logs here and in the
 * sub-models' packages (the proxy's pairs). Adding
 * a batch costs what the batch costs, not what the list holds: dropping the oldest moves the head instead
 * of shifting every line, as {@code ArrayList.remove(0, n)} does. Each batch is one list change (the
 * oldest out at the head, the new in at the tail). The array grows as lines come, up to {@code cap}, so a
 * log allowed a million lines costs nothing until it has them. One thread only (the UI's).
 */
public final class RingList<E> extends ObservableListBase<E> {
    private Object[] slots = new Object[16];
    private int head;
    private int size;
    private int cap;
    /** Told how many items went, before the change that drops them fires: listeners see counts that add up. */
    private final IntConsumer dropped;

    public RingList(int cap, IntConsumer dropped) {
        this.dropped = dropped;
        setCapacity(cap);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index + " of " + size);
        return (E) slots[slot(index)];
    }

    @Override
    public int size() {
        return size;
    }

    public int cap() {
        return cap;
    }

    /**
     * Appends {@code batch}, keeping the newest {@code cap}, as one change; what it drops (old items, or the
     * head of a batch longer than the cap) is told first.
     */
    public void append(List<? extends E> batch) {
        int n = batch.size();
        if (n == 0) return;
        int keep = Math.min(n, cap);
        int out = Math.max(0, size + keep - cap);
        List<E> removed = out == 0 ? List.of() : copy(0, out);
        head = slot(out);
        size -= out;
        grow(size + keep);
        for (E e : batch.subList(n - keep, n)) {
            slots[slot(size)] = e;
            size++;
        }
        if (out + n - keep > 0) dropped.accept(out + n - keep);
        beginChange();
        if (out > 0) nextRemove(0, removed);
        nextAdd(size - keep, size);
        endChange();
    }

    /** Keeps at most {@code newCap} items from now on, dropping the oldest at once (told first). */
    public void setCapacity(int newCap) {
        if (newCap <= 0) throw new IllegalArgumentException("cap must be positive");
        int out = Math.max(0, size - newCap);
        List<E> removed = out == 0 ? List.of() : copy(0, out);
        head = slot(out);
        size -= out;
        cap = newCap;
        relayout(Math.max(Math.min(slots.length, cap), size));
        if (out > 0) {
            dropped.accept(out);
            beginChange();
            nextRemove(0, removed);
            endChange();
        }
    }

    /** Drops everything, as one change. */
    public void empty() {
        if (size == 0) return;
        List<E> removed = copy(0, size);
        slots = new Object[16];
        head = 0;
        size = 0;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    private int slot(int index) {
        int i = head + index;
        return i >= slots.length ? i - slots.length : i;
    }

    @SuppressWarnings("unchecked")
    private List<E> copy(int from, int to) {
        List<E> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) items.add((E) slots[slot(i)]);
        return items;
    }

    /** Makes room for {@code needed} items, doubling up to the cap. */
    private void grow(int needed) {
        if (needed <= slots.length) return;
        relayout(Math.min(cap, Math.max(needed, slots.length * 2)));
    }

    /** Copies the items, oldest first, into a new array of {@code length} from its start. */
    private void relayout(int length) {
        if (length == slots.length && head == 0) return;
        Object[] next = new Object[Math.max(length, 1)];
        for (int i = 0; i < size; i++) next[i] = slots[slot(i)];
        slots = next;
        head = 0;
    }
}
