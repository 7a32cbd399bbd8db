package dev.duplex.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs tasks on the FX thread at the next pulse (frame), all of them together. Given to the model's
 * {@link dev.duplex.model.Dispatcher}: with a plain {@code Platform.runLater} a flood is drained a few
 * events at a time, and every drain lays the log out again, so the window freezes; at most one drain
 * per frame keeps the batches big and the frames coming. The timer runs only while work is pending.
 */
public final class NextPulse implements Executor {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            armed.set(false);
            Runnable task;
            while ((task = tasks.poll()) != null) task.run();
        }
    };

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        // AnimationTimer.start belongs on the FX thread.
        if (armed.compareAndSet(false, true)) Platform.runLater(timer::start);
    }
}
