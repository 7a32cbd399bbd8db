package dev.duplex.replay;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.tls.Fingerprint;

/**
 * Sends a recorded session's client messages again, over the same client as {@code duplex connect} and the
 * window's tabs ({@link WsClient}), and compares the replies with the recorded ones.
 *
 * <p><b>Pairing.</b> The recording's server messages are grouped by the client message they followed (see
 * {@link RecordedSession}). The replies of the replay fill them in order ({@link ReplySlots}): each reply
 * that comes is set beside the first recorded reply still open, {@link Verdict.Kind#SAME} or {@link
 * Verdict.Kind#DIFFERENT} at once (or beside one exactly like it further on in its group, the ones passed
 * over missing). A group closes when nothing more is awaited for it; its recorded replies
 * still open are then {@link Verdict.Kind#MISSING}. A reply with no recorded reply left open is {@link
 * Verdict.Kind#EXTRA}.
 *
 * <p><b>Timing.</b> {@link Timing#ORIGINAL} sends each message the recorded gap after the previous one went
 * (the first, that gap after onopen), and closes the groups only at the end, so that a server slower or
 * faster than in the recording is compared all the same. {@link Timing#FAST} sends the next message as
 * soon as the groups so far have their recorded replies, or when nothing has come for the quiet time since
 * the last send or reply; the groups so far then close, so that a reply that never came is one missing and
 * the replies after it stay beside their own. {@link Timing#STEP} waits as fast does, then for {@link
 * #step()}. After the last message every timing waits as fast does, then closes with 1000.
 *
 * <p>Runs on a thread of its own ({@link #start}); {@link #step()} and {@link #stop()} may be called from
 * any thread. Events go to the listener in order ({@link ReplayListener}); {@link ReplayEvent.Finished}
 * is the last.
 */
public final class Replayer {
    /** How long to wait for a reply that has not come, by default: as {@code connect --wait}. */
    public static final int DEFAULT_QUIET_MS = 1_000;
    /** How long to wait for the server's answer to our close frame. */
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RecordedSession session;
    private final Timing timing;
    private final long quietNanos;
    private final ReplayListener listener;
    private final WsClient client = new WsClient(this::onConnectionEvent);
    /** The one thread that takes the client's events under the lock, in their order. */
    private final java.util.concurrent.ExecutorService inbox = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplex-replay-events");
        t.setDaemon(true);
        return t;
    });
    /** Guards everything below, and orders the events: each is given to the listener while it is held. */
    private final Object lock = new Object();

    private boolean opened;
    private long openedAt;
    private WsEvent.Closed closed;
    private boolean closingByUs;
    private boolean stopped;
    /** Steps asked for and not yet taken, in step timing. */
    private int stepsAsked;
    /** No step will be asked for any more: once those asked are taken, the rest are not sent. */
    private boolean noMoreSteps;
    /** The recorded replies, filled by the replies as they come. */
    private final ReplySlots slots;
    /** The last message sent, 0 before the first. */
    private int latestSent;
    /** Whether replies are still judged: not once the replay has closed its last group. */
    private boolean judging = true;
    /** nanoTime of the last send or reply: the quiet time counts from here. */
    private long lastActivity;
    private int sent;
    private int notSent;
    private int same;
    private int different;
    private int missing;
    private int extra;

    /**
     * @param quietMs how long to wait for a reply that has not come (fast and step timing, and after the
     *                last message); 0 does not wait
     */
    public Replayer(RecordedSession session, Timing timing, int quietMs, ReplayListener listener) {
        if (quietMs < 0) throw new IllegalArgumentException("quiet time must not be negative");
        this.session = session;
        this.timing = timing;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMs);
        this.listener = listener;
        this.slots = new ReplySlots(session);
    }

    /** Certificates to trust by fingerprint on wss://, as {@link WsClient#trust}. */
    public void trust(Collection<Fingerprint> fingerprints) {
        client.trust(fingerprints);
    }

    /** Presents this client certificate when asked, and trusts these CAs too (see {@link WsClient#clientTls}). */
    public void clientTls(dev.duplex.tls.client.ClientTls tls) {
        client.clientTls(tls);
    }

    /** The proxy to go through, as {@link WsClient#proxy}. */
    public void proxy(dev.duplex.net.outbound.ProxyChoice choice) {
        client.proxy(choice);
    }

    /** Connects to {@code url} and replays, on a new daemon thread. */
    public void start(URI url, ClientOptions options) {
        Thread thread = new Thread(() -> run(url, options), "duplex-replay");
        thread.setDaemon(true);
        thread.start();
    }

    /** In step timing: send the next message (once its turn comes). Steps asked for early are kept. */
    public void step() {
        synchronized (lock) {
            stepsAsked++;
            lock.notifyAll();
        }
    }

    /**
     * In step timing: no more steps will come (the end of the input that asked for them). The steps asked
     * for already are still taken; the messages after them are not sent.
     */
    public void noMoreSteps() {
        synchronized (lock) {
            noMoreSteps = true;
            lock.notifyAll();
        }
    }

    /**
     * Sends no more messages: the rest are reported not sent, and the replay closes once the replies to the
     * last one sent are in (or the quiet time passed), then finishes.
     */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    private void run(URI url, ClientOptions options) {
        try {
            replay(url, options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close(CloseCodes.GOING_AWAY, "interrupted");
            synchronized (lock) {
                finish();
            }
        }
    }

    private void replay(URI url, ClientOptions options) throws InterruptedException {
        client.connect(url, options);
        synchronized (lock) {
            while (!opened && closed == null && !stopped) lock.wait();
            if (!opened) {
                if (closed == null) client.close(CloseCodes.GOING_AWAY, "stopped");
                notSentFrom(0);
                finish();
                return;
            }
        }
        List<RecordedSession.Step> steps = session.steps();
        long previousSend = openedAt;
        for (int i = 0; i < steps.size(); i++) {
            RecordedSession.Step step = steps.get(i);
            synchronized (lock) {
                if (!awaitTurn(step, previousSend) || !send(step)) {
                    notSentFrom(i);
                    break;
                }
                previousSend = lastActivity;
            }
        }
        synchronized (lock) {
            awaitReplies();
            closeGroups(latestSent);
            judging = false;
            if (closed == null) {
                closingByUs = true;
                client.close(CloseCodes.NORMAL, "");
                long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
                long left;
                while (closed == null && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            finish();
        }
    }

    /** Waits (holding the lock) until {@code step} may go; false when the connection ended or the replay stopped. */
    private boolean awaitTurn(RecordedSession.Step step, long previousSend) throws InterruptedException {
        if (timing == Timing.ORIGINAL) {
            long deadline = previousSend + step.gap().toNanos();
            long left;
            while (!ended() && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(lock, left);
        } else {
            awaitReplies();
            closeGroups(latestSent);
        }
        if (timing == Timing.STEP && !ended()) {
            emit(new ReplayEvent.AwaitingStep(Instant.now(), step.number(), session.steps().size(), step.message()));
            while (stepsAsked == 0 && !noMoreSteps && !ended()) lock.wait();
            if (stepsAsked == 0) return false;
            stepsAsked--;
        }
        return !ended();
    }

    /**
     * Waits until the groups up to the latest message sent have their recorded replies, or for the quiet time
     * since the last send or reply, or until the connection ends. A stop does not cut it short: it ends the
     * sending, not the listening.
     */
    private void awaitReplies() throws InterruptedException {
        long left;
        while (closed == null && !slots.filledThrough(latestSent)
                && (left = lastActivity + quietNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
    }

    private boolean ended() {
        return closed != null || stopped;
    }

    /** Sends the step's message; false when the connection is no longer open. */
    private boolean send(RecordedSession.Step step) {
        Payload m = step.message();
        try {
            if (m.isBinary()) client.send(m.bytes());
            else client.send(m.text());
        } catch (IllegalStateException notOpen) {
            return false; // closed under us: its onclose is on the way
        }
        latestSent = step.number();
        lastActivity = System.nanoTime();
        sent++;
        emit(new ReplayEvent.Sent(Instant.now(), step.number(), session.steps().size(), m));
        return true;
    }

    /** Groups 0 to {@code group} await nothing more: what they still lack is missing. */
    private void closeGroups(int group) {
        for (Verdict v : slots.closeThrough(group)) {
            missing++;
            emit(new ReplayEvent.Judged(Instant.now(), v));
        }
    }

    private void notSentFrom(int index) {
        List<RecordedSession.Step> steps = session.steps();
        for (int i = index; i < steps.size(); i++) {
            notSent++;
            emit(new ReplayEvent.NotSent(Instant.now(), steps.get(i).number(), steps.get(i).message()));
        }
    }

    private void finish() {
        inbox.shutdown(); // what is queued still runs; nothing is taken after
        emit(new ReplayEvent.Finished(Instant.now(), new ReplayEvent.Summary(opened, sent, notSent, same, different,
                missing, extra, closed, closed != null && !closingByUs)));
    }

    /**
     * The client's events, on its socket threads: handed to the replay's own event thread. A socket thread
     * must not wait for the replay's lock: it reports while holding the connection's, which the replay's
     * send takes while holding its own (a deadlock seen once in a full test run).
     */
    private void onConnectionEvent(WsEvent event) {
        try {
            inbox.execute(() -> handle(event));
        } catch (java.util.concurrent.RejectedExecutionException finished) {
            // the replay has finished: what comes after its Finished event is nobody's any more
        }
    }

    /** Passed on, and the replies judged, in the order the connection reported them. */
    private void handle(WsEvent event) {
        synchronized (lock) {
            emit(new ReplayEvent.Connection(event));
            if (event instanceof WsEvent.Opened) {
                opened = true;
                openedAt = System.nanoTime();
                lastActivity = openedAt;
            } else if (event instanceof WsEvent.Received r && judging) {
                judge(r);
            } else if (event instanceof WsEvent.Closed c) {
                closed = c;
            }
            lock.notifyAll();
        }
    }

    private void judge(WsEvent.Received reply) {
        lastActivity = System.nanoTime();
        for (Verdict v : slots.fill(reply.payload(), latestSent)) {
            switch (v.kind()) {
                case SAME -> same++;
                case DIFFERENT -> different++;
                case EXTRA -> extra++;
                case MISSING -> missing++;
            }
            emit(new ReplayEvent.Judged(reply.at(), v));
        }
    }

    private void emit(ReplayEvent event) {
        listener.on(event);
    }
}
