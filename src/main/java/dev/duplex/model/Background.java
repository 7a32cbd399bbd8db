package dev.duplex.model;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Work that must not run on the FX thread (the network's blocking calls, the disk), done in order on one
 * daemon thread of its own, with its outcome landing back on the FX thread through the dispatcher. Each
 * model that needs it keeps one, so one slow peer never holds up another tab.
 *
 * <p>Its thread runs below normal priority, and so do the threads it starts (Java gives a new thread its
 * maker's priority): the library's socket readers and writers, the server's selector and workers. On two
 * cores a flood keeps them busy, and at the same priority they took the FX thread's and the renderer's
 * turns away, whole frames at a time. Where the runtime makes priorities real (see the pom's
 * duplex.jvm.priorities) the scheduler now lets the window go first; the reading loses little, since it
 * has the core whenever the window is idle, which is most of the time.
 */
public final class Background {
    private final Dispatcher dispatcher;
    private final ExecutorService thread;

    public Background(Dispatcher dispatcher, String threadName) {
        this.dispatcher = dispatcher;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Runs {@code work} off the FX thread; nothing comes back. */
    public void run(Runnable work) {
        thread.execute(work);
    }

    /**
     * Runs {@code work} off the FX thread, then hands its result to {@code done}, or what it threw to
     * {@code failed}, on the FX thread.
     */
    public <T> void call(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        thread.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                dispatcher.run(() -> failed.accept(e));
                return;
            }
            dispatcher.run(() -> done.accept(result));
        });
    }

    /**
     * Runs a call to a peer off the FX thread; when it throws (the peer went away meanwhile), {@code failed}
     * runs on the FX thread instead, to say so.
     */
    public void runOr(Runnable work, Runnable failed) {
        thread.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException gone) {
                dispatcher.run(failed);
            }
        });
    }

    /** Puts {@code task} on the FX thread, in order with the events around it. */
    public void onFx(Runnable task) {
        dispatcher.run(task);
    }

    /** Runs {@code last} after everything queued, then lets the thread end; completes when it has run. */
    public CompletableFuture<Void> finish(Runnable last) {
        return CompletableFuture.runAsync(last, thread).whenComplete((v, e) -> thread.shutdown());
    }
}
