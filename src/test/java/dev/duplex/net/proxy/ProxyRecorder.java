package dev.duplex.net.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps the proxy's events (they come on the library's threads) so that a test can wait for one, never
 * sleep; every event stays in {@link #all()} for failure messages.
 */
public final class ProxyRecorder implements ProxyListener {
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BlockingQueue<ProxyEvent> queue = new LinkedBlockingQueue<>();
    private final List<ProxyEvent> all = new ArrayList<>();

    @Override
    public void on(ProxyEvent event) {
        synchronized (all) {
            all.add(event);
        }
        queue.add(event);
    }

    /** The next event of this type that matches, passing over the others; fails when none comes in time. */
    public <T extends ProxyEvent> T await(Class<T> type, Predicate<? super T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ProxyEvent e = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) throw new AssertionError("no matching " + type.getSimpleName() + " within " + TIMEOUT + "; saw " + all());
            if (type.isInstance(e) && matches.test(type.cast(e))) return type.cast(e);
        }
    }

    public <T extends ProxyEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    /** Waits until {@code n} events of this type that match have come, counting those already here. */
    public <T extends ProxyEvent> void awaitCount(Class<T> type, Predicate<? super T> matches, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (all(type).stream().filter(matches).count() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || queue.poll(left, TimeUnit.NANOSECONDS) == null) {
                throw new AssertionError(n + " " + type.getSimpleName() + " did not come within " + TIMEOUT + "; saw " + all());
            }
        }
    }

    public List<ProxyEvent> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** The events so far of one type, in order. */
    public <T extends ProxyEvent> List<T> all(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
