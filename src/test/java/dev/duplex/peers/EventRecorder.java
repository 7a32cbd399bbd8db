package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;

/**
 * A listener that queues the events of a server or a client (they arrive on the library's threads) so
 * that a test can wait for them, never sleep. Every event is also kept, in order, for failure messages.
 */
final class EventRecorder implements WsListener {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<WsEvent> queue = new LinkedBlockingQueue<>();
    private final List<WsEvent> history = new ArrayList<>();
    private final List<WsEvent> wire = new ArrayList<>();

    /**
     * Handshakes and frames (what the protocol explorer shows) are kept apart in {@link #wire()}: the
     * sequences these tests assert are the browser-level events.
     */
    @Override
    public void on(WsEvent event) {
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake) {
            synchronized (wire) {
                wire.add(event);
            }
            return;
        }
        synchronized (history) {
            history.add(event);
        }
        queue.add(event);
    }

    /** The handshakes and frames so far, in order. */
    List<WsEvent> wire() {
        synchronized (wire) {
            return List.copyOf(wire);
        }
    }

    /** Every browser-level event so far, in the order they came. */
    List<WsEvent> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The next event, whatever it is: for asserting an exact sequence. */
    WsEvent next() throws InterruptedException {
        WsEvent e = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) fail("no event within " + TIMEOUT + "; events so far: " + history());
        return e;
    }

    /** The next event, which must be a {@code type}. */
    <T extends WsEvent> T next(Class<T> type) throws InterruptedException {
        WsEvent e = next();
        return assertInstanceOf(type, e, () -> "expected " + type.getSimpleName() + "; events so far: " + history());
    }

    /** Waits for the first coming {@code type} event; the events passed over stay in {@link #history()}. */
    <T extends WsEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    /** Waits for the first coming {@code type} event that {@code matches}, passing over the others. */
    <T extends WsEvent> T await(Class<T> type, Predicate<? super T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            WsEvent e = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                fail("no matching " + type.getSimpleName() + " within " + TIMEOUT + "; events so far: " + history());
            }
            if (type.isInstance(e) && matches.test(type.cast(e))) return type.cast(e);
        }
    }
}
