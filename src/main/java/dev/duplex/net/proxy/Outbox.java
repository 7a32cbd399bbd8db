package dev.duplex.net.proxy;

import dev.duplex.net.Payload;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * What one pair passes one way, in the order it came: each message as the rules left it, and the close
 * that ends that way. The first entry goes out when nothing holds it: a person's decision (it matched the
 * interception filter) or a delay rule's time; the ones behind it wait, so a pause or a delay never
 * reorders a conversation. A close waits behind the messages before it, so that what a person forwards
 * after the peer closed still arrives before the close.
 *
 * <p>Each message is said to the listener as it goes (just after its send, or as it is dropped), so the log reads in wire order;
 * one held is said as {@link ProxyEvent.Held} when it stops.
 */
final class Outbox {
    private static final class Entry {
        final long id;
        final Payload original;
        Payload payload;
        ProxyEvent.Fate fate;
        String rule;
        boolean held;
        long dueNanos;
        final Runnable close;

        Entry(long id, Payload original, Payload payload, ProxyEvent.Fate fate, String rule, Runnable close) {
            this.id = id;
            this.original = original;
            this.payload = payload;
            this.fate = fate;
            this.rule = rule;
            this.close = close;
        }
    }

    private final int pair;
    private final Direction way;
    private final ProxyListener listener;
    private final Interception interception;
    private final Consumer<Payload> wire;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** Whether a timer run is already on its way for the first entry's delay. */
    private boolean wakeAsked;
    /** Whether a thread is sending the ready entries now (outside the lock). */
    private boolean draining;

    Outbox(int pair, Direction way, ProxyListener listener, Interception interception, Consumer<Payload> wire) {
        this.pair = pair;
        this.way = way;
        this.listener = listener;
        this.interception = interception;
        this.wire = wire;
    }

    /**
     * A message on its way: {@code passed} as the rules left it (a rewrite's fate, and its rules), held
     * back {@code delayMs} by {@code delayRule}, and held for a person when the filter matches it.
     */
    void message(Payload original, Payload passed, ProxyEvent.Fate fate, String rule, long delayMs, String delayRule) {
        Entry e = new Entry(interception.nextId(), original, passed, fate, rule, null);
        if (delayMs > 0) {
            e.dueNanos = System.nanoTime() + delayMs * 1_000_000L;
            e.fate = ProxyEvent.Fate.DELAYED;
            e.rule = rule.isEmpty() ? delayRule : rule + ", " + delayRule;
        }
        e.held = interception.holds(way, passed);
        synchronized (this) {
            queue.add(e);
        }
        if (e.held) listener.on(new ProxyEvent.Held(Instant.now(), pair, e.id, way, passed));
        drain();
    }

    /** The close of this way: sent (by {@code close}) once everything before it has gone. */
    void close(Runnable close) {
        synchronized (this) {
            queue.add(new Entry(0, null, null, null, "", close));
        }
        drain();
    }

    /** A person's decision on a held message: send {@code payload} (as it was, or edited). */
    boolean forward(long id, Payload payload) {
        synchronized (this) {
            Entry e = find(id);
            if (e == null) return false;
            e.held = false;
            if (payload != null && !payload.equals(e.payload)) {
                e.payload = payload;
                e.fate = ProxyEvent.Fate.EDITED;
            }
        }
        drain();
        return true;
    }

    boolean drop(long id) {
        Entry e;
        synchronized (this) {
            e = find(id);
            if (e == null) return false;
            queue.remove(e);
        }
        listener.on(new ProxyEvent.Message(Instant.now(), pair, way, ProxyEvent.Fate.DISCARDED, e.payload, e.original, ""));
        drain();
        return true;
    }

    /** Every held message goes on as it is (the filter was turned off, or "forward all"). */
    void releaseAll() {
        synchronized (this) {
            for (Entry e : queue) e.held = false;
        }
        drain();
    }

    /** The proxy stops: the messages still held are not sent, and said so. */
    void discardHeld(String why) {
        List<Entry> gone = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.close != null) continue;
                it.remove();
                gone.add(e);
            }
        }
        for (Entry e : gone) {
            listener.on(new ProxyEvent.Message(Instant.now(), pair, way, ProxyEvent.Fate.DISCARDED, e.payload, e.original, why));
        }
        drain(); // a close that waited behind them goes now
    }

    synchronized boolean holdsAny() {
        for (Entry e : queue) if (e.held) return true;
        return false;
    }

    private Entry find(long id) {
        for (Entry e : queue) if (e.id == id && e.close == null && e.held) return e;
        return null;
    }

    /**
     * Sends from the front what nothing holds any more, outside the lock: a send or a close takes the
     * library's locks of that connection, and the library's threads call into this outbox while holding them
     * (a deadlock the proxy's tests hit once). One thread sends at a time, so the order stays; a thread that
     * finds another sending leaves its entries to it.
     */
    private void drain() {
        while (true) {
            List<Entry> ready;
            synchronized (this) {
                if (draining) return;
                ready = takeReady();
                if (ready.isEmpty()) return;
                draining = true;
            }
            try {
                for (Entry e : ready) deliver(e);
            } finally {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }

    /** Under the lock: the entries at the front that may go now; asks the timer to wake it for a delay. */
    private List<Entry> takeReady() {
        List<Entry> ready = new ArrayList<>();
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (head.held) break;
            long wait = head.dueNanos - System.nanoTime();
            if (head.dueNanos != 0 && wait > 0) {
                if (!wakeAsked) {
                    wakeAsked = true;
                    interception.later(this::wake, wait);
                }
                break;
            }
            ready.add(queue.poll());
        }
        return ready;
    }

    private void deliver(Entry e) {
        if (e.close != null) {
            // On the timer's thread, which holds no lock: the close of one leg is passed on from the library's
            // callback of the other, which holds that connection's lock, and both may close at once.
            interception.later(e.close, 0);
            return;
        }
        // Sent, then said: whoever hears of it (a test, the stop that follows) finds it on its connection.
        wire.accept(e.payload);
        listener.on(new ProxyEvent.Message(Instant.now(), pair, way, e.fate, e.payload, e.original, e.rule));
    }

    private void wake() {
        synchronized (this) {
            wakeAsked = false;
        }
        drain();
    }
}
