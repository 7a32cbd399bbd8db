package dev.duplex.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener for tests: keeps every event and lets a test wait for the next event of a kind. Waiting
 * is on the queue, never on a sleep: the test goes on the moment the event arrives.
 */
public final class Recorder implements WsListener {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<WsEvent> queue = new LinkedBlockingQueue<>();
    private final List<WsEvent> all = new ArrayList<>();

    @Override
    public void on(WsEvent event) {
        synchronized (all) {
            all.add(event);
        }
        queue.add(event);
    }

    /** The next event of this type, skipping others; fails the test if none comes in time. */
    public <T extends WsEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            WsEvent e = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) throw new AssertionError("no " + type.getSimpleName() + " within " + TIMEOUT + "; saw " + all());
            if (type.isInstance(e)) return type.cast(e);
        }
    }

    public List<WsEvent> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
