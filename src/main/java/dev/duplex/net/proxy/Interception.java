package dev.duplex.net.proxy;

import dev.duplex.net.Payload;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all the pairs of one proxy run share for holding messages back: the filter a person set (which
 * messages wait for their decision), the numbers that name each held message, and the one timer that
 * lets delayed messages go.
 */
final class Interception {
    private volatile InterceptFilter filter = InterceptFilter.NONE;
    private final AtomicLong ids = new AtomicLong();
    /** Made on the first delay: most runs have none. */
    private ScheduledExecutorService timer;

    void filter(InterceptFilter f) {
        filter = f == null ? InterceptFilter.NONE : f;
    }

    boolean holds(Direction way, Payload message) {
        InterceptFilter f = filter;
        return !f.holdsNothing() && f.matches(way, message);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Runs {@code r} after {@code nanos}, on the timer's thread. */
    synchronized void later(Runnable r, long nanos) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(run -> {
                Thread t = new Thread(run, "duplex-proxy-delays");
                t.setDaemon(true);
                return t;
            });
        }
        if (!timer.isShutdown()) timer.schedule(r, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    synchronized void shutdown() {
        if (timer != null) timer.shutdownNow();
    }
}
