package dev.duplex.model.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends N messages made from a template, all at once or one every T ms, and remembers when each went so
 * that its reply gives a round-trip time. {@code {n}} in the template is the message's number (1, 2, ...),
 * which makes every message, and so every echo, tell which one it answers.
 *
 * <p>Sending runs on its own daemon thread (the network is never touched from the UI thread); matching
 * replies is for the UI thread, which sees the replies in the client's event batches.
 */
final class BurstRun {
    static final String COUNTER = "{n}";

    private final String template;
    private final int count;
    private final int everyMs;
    /**
     * When each message still waiting for its reply went out, by its text. Wall-clock nanoseconds, the
     * clock the client's events are stamped with on the socket thread.
     */
    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duplex-burst");
        t.setDaemon(true);
        return t;
    });
    private volatile int sent;
    private volatile long startedNanos;
    private volatile long lastReplyNanos;
    private ScheduledFuture<?> periodic;

    BurstRun(String template, int count, int everyMs) {
        this.template = template;
        this.count = count;
        this.everyMs = everyMs;
    }

    String message(int n) {
        return template.replace(COUNTER, Integer.toString(n));
    }

    /** Starts sending through {@code send}; {@code done} runs on the sending thread after the last one. */
    void start(Consumer<String> send, Runnable done) {
        startedNanos = nanos(java.time.Instant.now());
        if (everyMs == 0) {
            sender.execute(() -> {
                for (int n = 1; n <= count && !sender.isShutdown(); n++) sendOne(send, n);
                done.run();
            });
        } else {
            periodic = sender.scheduleAtFixedRate(() -> {
                int n = sent + 1;
                if (n > count) {
                    periodic.cancel(false);
                    done.run();
                    return;
                }
                sendOne(send, n);
            }, 0, everyMs, TimeUnit.MILLISECONDS);
        }
    }

    private void sendOne(Consumer<String> send, int n) {
        String text = message(n);
        pending.put(text, nanos(java.time.Instant.now()));
        sent = n;
        send.accept(text);
    }

    /**
     * The round trip of a reply, in nanoseconds, if it answers one of this run's messages (the reply is
     * the message itself, or contains it, as a reply template makes it); else -1.
     */
    long replied(String reply, long receivedNanos) {
        Long at = pending.remove(reply);
        if (at == null) {
            for (var e : pending.entrySet()) {
                if (reply.contains(e.getKey()) && pending.remove(e.getKey()) != null) {
                    at = e.getValue();
                    break;
                }
            }
        }
        if (at == null) return -1;
        lastReplyNanos = receivedNanos;
        return receivedNanos - at;
    }

    /** An instant as nanoseconds since the epoch: the one clock for sends and replies. */
    static long nanos(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    int sent() {
        return sent;
    }

    int count() {
        return count;
    }

    /** Replies per second from the start to the last reply so far. */
    double replyRate(int replies) {
        long span = lastReplyNanos - startedNanos;
        return replies == 0 || span <= 0 ? 0 : replies * 1e9 / span;
    }

    void stop() {
        sender.shutdownNow();
    }
}
