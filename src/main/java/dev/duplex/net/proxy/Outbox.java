package dev.duplex.net.proxy;

import dev.duplex.net.Payload;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * What one pair passes one way, in the order it came: each message as the rules left it, and the close
 * that ends that way. The first entry goes out when nothing holds it: a person's decision (it matched the
 * interception filter) or a delay rule's time; the ones behind it wait, so a pause or a delay never
 * reorders a conversation. A close waits behind the messages before it, so that what a person forwards
 * after the peer closed still arrives before the close.
 *
 * <p>Each message is said to the listener as it goes (or is dropped), so the log reads in wire order;
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
    synchronized void message(Payload original, Payload passed, ProxyEvent.Fate fate, String rule, long delayMs,
            String delayRule) {
        Entry e = new Entry(interception.nextId(), original, passed, fate, rule, null);
        if (delayMs > 0) {
            e.dueNanos = System.nanoTime() + delayMs * 1_000_000L;
            e.fate = ProxyEvent.Fate.DELAYED;
            e.rule = rule.isEmpty() ? delayRule : rule + ", " + delayRule;
        }
        e.held = interception.holds(way, passed);
        queue.add(e);
        if (e.held) listener.on(new ProxyEvent.Held(Instant.now(), pair, e.id, way, passed));
        pump();
    }

    /** The close of this way: sent (by {@code close}) once everything before it has gone. */
    synchronized void close(Runnable close) {
        queue.add(new Entry(0, null, null, null, "", close));
        pump();
    }

    /** A person's decision on a held message: send {@code payload} (as it was, or edited). */
    synchronized boolean forward(long id, Payload payload) {
        Entry e = find(id);
        if (e == null) return false;
        e.held = false;
        if (payload != null && !payload.equals(e.payload)) {
            e.payload = payload;
            e.fate = ProxyEvent.Fate.EDITED;
        }
        pump();
        return true;
    }

    synchronized boolean drop(long id) {
        Entry e = find(id);
        if (e == null) return false;
        queue.remove(e);
        listener.on(new ProxyEvent.Message(Instant.now(), pair, way, ProxyEvent.Fate.DISCARDED, e.payload, e.original, ""));
        pump();
        return true;
    }

    /** Every held message goes on as it is (the filter was turned off, or "forward all"). */
    synchronized void releaseAll() {
        for (Entry e : queue) e.held = false;
        pump();
    }

    /** The proxy stops: the messages still held are not sent, and said so. */
    synchronized void discardHeld(String why) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.close != null) continue;
            it.remove();
            listener.on(new ProxyEvent.Message(Instant.now(), pair, way, ProxyEvent.Fate.DISCARDED, e.payload, e.original, why));
        }
        pump(); // a close that waited behind them goes now
    }

    synchronized boolean holdsAny() {
        for (Entry e : queue) if (e.held) return true;
        return false;
    }

    private Entry find(long id) {
        for (Entry e : queue) if (e.id == id && e.close == null && e.held) return e;
        return null;
    }

    /** Sends from the front what nothing holds any more. */
    private void pump() {
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (head.held) return;
            long wait = head.dueNanos - System.nanoTime();
            if (head.dueNanos != 0 && wait > 0) {
                if (!wakeAsked) {
                    wakeAsked = true;
                    interception.later(this::wake, wait);
                }
                return;
            }
            queue.poll();
            if (head.close != null) {
                head.close.run();
                continue;
            }
            listener.on(new ProxyEvent.Message(Instant.now(), pair, way, head.fate, head.payload, head.original, head.rule));
            wire.accept(head.payload);
        }
    }

    private synchronized void wake() {
        wakeAsked = false;
        pump();
    }
}
