package dev.duplex.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one place where work crosses from the network threads to the UI thread. Items are queued from
 * any thread; at most one drain is pending on the UI thread at a time, and each drain hands every
 * consumer its items as one list. A flood of events therefore costs one UI task per pulse, not one per
 * event, and the window stays responsive.
 */
public final class Dispatcher {
    /** Enough to empty a heavy flood in a few pulses, small enough that one pulse stays short. */
    static final int MAX_BATCH = 20_000;

    private record Item(Consumer<List<Object>> sink, Object value) { }

    private static final Consumer<List<Object>> RUN = items -> items.forEach(r -> ((Runnable) r).run());

    private final Executor uiThread;
    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();

    /** @param uiThread runs a task on the UI thread: {@code Platform::runLater} in the app */
    public Dispatcher(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /**
     * Queues {@code value} for {@code sink}; consecutive values for the same sink arrive as one list.
     * "The same" is identity: keep the sink in a field, since {@code this::method} written at each call
     * makes a new object each time.
     */
    @SuppressWarnings("unchecked")
    public <T> void post(Consumer<List<T>> sink, T value) {
        queue.add(new Item((Consumer<List<Object>>) (Consumer<?>) sink, value));
        schedule();
    }

    /** Queues a task to run on the UI thread, in order with the events around it. */
    public void run(Runnable task) {
        queue.add(new Item(RUN, task));
        schedule();
    }

    /** How many drains have run: a flood of N events should need far fewer than N. */
    public long drains() {
        return drains.get();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) uiThread.execute(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        drains.incrementAndGet();
        Consumer<List<Object>> sink = null;
        List<Object> batch = new ArrayList<>();
        Item item;
        int taken = 0;
        while (taken < MAX_BATCH && (item = queue.poll()) != null) {
            taken++;
            if (item.sink() != sink && sink != null) {
                sink.accept(batch);
                batch = new ArrayList<>();
            }
            sink = item.sink();
            batch.add(item.value());
        }
        if (sink != null) sink.accept(batch);
        if (!queue.isEmpty()) schedule();
    }
}
