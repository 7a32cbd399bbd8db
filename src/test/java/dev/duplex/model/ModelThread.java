package dev.duplex.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The models' own thread in tests without a window: one thread stands in for the FX thread, the
 * dispatcher delivers there, and a test reads and acts there too, so the models see one thread as they
 * do in the app.
 */
public final class ModelThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-thread");
        t.setDaemon(true);
        return t;
    });
    private final Object ticks = new Object();
    private long delivered;
    /** What the network and the background threads deliver; each delivery wakes a waiting test. */
    private final Dispatcher dispatcher = new Dispatcher(task -> thread.execute(() -> {
        task.run();
        synchronized (ticks) {
            delivered++;
            ticks.notifyAll();
        }
    }));

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Runs {@code work} on the model thread and returns what it gives. */
    public <T> T call(Callable<T> work) throws Exception {
        return thread.submit(work).get(10, TimeUnit.SECONDS);
    }

    public void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until {@code condition}, checked on the model thread, holds: checked again each time the
     * dispatcher has delivered something there. Fails after 10 s.
     */
    public void until(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long seen;
            synchronized (ticks) {
                seen = delivered;
            }
            if (call(condition::getAsBoolean)) return;
            synchronized (ticks) {
                while (delivered == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) throw new AssertionError("condition not met within 10 s");
                    TimeUnit.NANOSECONDS.timedWait(ticks, left);
                }
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
