package dev.duplex.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one place where work crosses from the network threads to the UI thread. Items are queued from
 * any thread; at most one drain is pending on the UI thread at a time, and each drain hands every
 * consumer its items in lists. A flood of events therefore costs one UI task per pulse, not one per
 * event, and the window stays responsive.
 *
 * <p>A drain is bounded by time, not by count: it stops once it has spent {@link #BUDGET_NANOS} and leaves
 * the rest to the next pulse, so however costly the consumers are, a pulse keeps room to lay out, paint
 * and take keystrokes. Consecutive values for one sink arrive as lists of at most {@link #MAX_BATCH}, and
 * the clock is read between them.
 *
 * <p>The queue is bounded softly: past {@link #HIGH_WATER} items not yet handed over, a posting thread (a
 * socket's reader, the server's workers) waits until the drains have taken it down to half, so a peer that
 * sends faster than the window can show is read at the window's pace (TCP holds the rest back). An
 * unbounded backlog had held hundreds of thousands of events at a time, all of them alive at every young
 * collection, whose pauses grew to 65 ms inside a pulse. The UI thread itself never waits, and neither
 * does anyone once the drains stop for {@link #STALL_NANOS} (a UI that is gone or stuck): then the queue
 * grows as before.
 */
public final class Dispatcher {
    /** The most values one sink call gets: the clock is read between calls, so this bounds one step. */
    static final int MAX_BATCH = 4_096;
    /** How long one drain may run: a few ms of a 16 ms pulse, the rest is the window's. */
    static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** A drain takes at least this many items whatever the clock says, so that it always gets on. */
    static final int AT_LEAST = 256;
    /**
     * Items waiting past which posting threads wait: a client's message is two items (its frame and the
     * message), so this is about a pulse and a half of a flood at the rate a window shows (over 200 000
     * messages a second). At 16 384 a reader ran on for a tenth of a second past a slow pulse, taking the CPU
     * the pulse needed; at 2 048 it held the window to 60 000 a second, and at 4 096 to 128 000, 0.6x what
     * `connect` reads since the client's socket path got faster.
     */
    static final int HIGH_WATER = 6_144;
    /**
     * How long a posting thread waits without seeing a drain before it stops waiting: longer than any pulse
     * (at 50 ms a slow pulse let the readers loose exactly when it needed the CPU), short enough that a UI
     * that is gone costs a reader half a second once.
     */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private record Item(Consumer<List<Object>> sink, Object value) { }

    private static final Consumer<List<Object>> RUN = items -> items.forEach(r -> ((Runnable) r).run());

    private final Executor uiThread;
    private final LongSupplier clock;
    private final long budgetNanos;
    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();
    /** Items queued and not yet handed to their sinks. */
    private final AtomicInteger pending = new AtomicInteger();
    /** The thread drains run on, which must never wait for itself. */
    private volatile Thread drainThread;
    /** Set when a posting thread saw no drain for STALL_NANOS; cleared by the next drain. */
    private volatile boolean stalled;
    /** The item a drain polled but could not take (another sink's, once the time was up); UI thread only. */
    private Item carried;

    /** @param uiThread runs a task on the UI thread: {@code Platform::runLater} in the app */
    public Dispatcher(Executor uiThread) {
        this(uiThread, System::nanoTime, BUDGET_NANOS);
    }

    /** With its own clock (nanoseconds) and budget per drain: for tests. */
    Dispatcher(Executor uiThread, LongSupplier clock, long budgetNanos) {
        this.uiThread = uiThread;
        this.clock = clock;
        this.budgetNanos = budgetNanos;
    }

    /**
     * Queues {@code value} for {@code sink}; consecutive values for the same sink arrive together, in lists.
     * "The same" is identity: keep the sink in a field, since {@code this::method} written at each call
     * makes a new object each time.
     */
    @SuppressWarnings("unchecked")
    public <T> void post(Consumer<List<T>> sink, T value) {
        enqueue(new Item((Consumer<List<Object>>) (Consumer<?>) sink, value));
    }

    /** Queues a task to run on the UI thread, in order with the events around it. */
    public void run(Runnable task) {
        enqueue(new Item(RUN, task));
    }

    /** How many drains have run: a flood of N events should need far fewer than N. */
    public long drains() {
        return drains.get();
    }

    /** Items queued and not yet handed over. */
    public int pending() {
        return pending.get();
    }

    private void enqueue(Item item) {
        queue.add(item);
        int waiting = pending.incrementAndGet();
        schedule();
        if (waiting > HIGH_WATER) awaitRoom();
    }

    /** Waits until the drains have halved the backlog, as long as they make progress; see the class's notes. */
    private void awaitRoom() {
        if (stalled || Thread.currentThread() == drainThread) return;
        long seen = drains.get();
        long since = System.nanoTime();
        while (pending.get() > HIGH_WATER / 2) {
            LockSupport.parkNanos(200_000);
            if (Thread.currentThread().isInterrupted()) return;
            long now = drains.get();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > STALL_NANOS) {
                stalled = true;
                return;
            }
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) uiThread.execute(this::drain);
    }

    private void drain() {
        drainThread = Thread.currentThread();
        stalled = false;
        scheduled.set(false);
        drains.incrementAndGet();
        long deadline = clock.getAsLong() + budgetNanos;
        Consumer<List<Object>> sink = null;
        List<Object> batch = new ArrayList<>();
        Item item;
        int taken = 0;
        while ((item = next()) != null) {
            if (sink != null && (item.sink() != sink || batch.size() >= MAX_BATCH)) {
                handOver(sink, batch);
                batch = new ArrayList<>();
                if (taken >= AT_LEAST && clock.getAsLong() - deadline >= 0) {
                    carried = item;
                    sink = null;
                    break;
                }
            }
            sink = item.sink();
            batch.add(item.value());
            taken++;
        }
        if (sink != null) handOver(sink, batch);
        if (carried != null || !queue.isEmpty()) schedule();
    }

    private void handOver(Consumer<List<Object>> sink, List<Object> batch) {
        try {
            sink.accept(batch);
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private Item next() {
        Item item = carried;
        if (item == null) return queue.poll();
        carried = null;
        return item;
    }
}
