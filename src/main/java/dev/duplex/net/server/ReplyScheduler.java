package dev.duplex.net.server;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsListener;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;

/**
 * When, and whether, the echo goes back, as the lab's behaviour says: at once or after a delay, not at
 * all for every Nth message (drop every N), and the connection closed after its Nth (close after N).
 */
final class ReplyScheduler {
    private final WsListener listener;
    private final LabSwitches switches;
    /** One thread: replies held back by the same delay go out in the order their messages came. */
    private final ScheduledExecutorService delayed =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duplex-delayed-replies"));

    ReplyScheduler(WsListener listener, LabSwitches switches) {
        this.listener = listener;
        this.switches = switches;
    }

    /**
     * Sends {@code reply} to a message {@code peer} just sent, as the behaviour says: now or after the
     * delay, or not at all (drop every Nth); then closes the connection if that was its last allowed message.
     */
    void answer(WebSocket conn, String peer, Payload reply) {
        ServerBehaviour b = switches.behaviour;
        Peer known = Peer.of(conn);
        int n = known == null ? 0 : known.messageReceived();
        if (b.delayMs() == 0) {
            // On the library's worker thread, as it came: no hop to another thread, nothing built for later.
            act(conn, peer, reply, b, n);
            return;
        }
        listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.DELAYED, b.delayMs(), ""));
        delayed.schedule(() -> act(conn, peer, reply, b, n), b.delayMs(), TimeUnit.MILLISECONDS);
    }

    /** The reply to message {@code n} of this connection, as behaviour {@code b} says, sent now. */
    private void act(WebSocket conn, String peer, Payload reply, ServerBehaviour b, int n) {
        boolean drop = b.dropEvery() > 0 && n % b.dropEvery() == 0;
        boolean close = b.closeAfter() > 0 && n == b.closeAfter();
        if (drop) {
            listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.DROPPED, n, ""));
        } else if (conn.isOpen()) {
            if (reply.isBinary()) conn.send(reply.bytes());
            else conn.send(reply.text());
            listener.on(new WsEvent.Sent(Instant.now(), peer, reply));
        }
        if (close && conn.isOpen()) {
            listener.on(new WsEvent.Behaved(Instant.now(), peer, ServerBehaviour.Act.CLOSED_AFTER, n,
                    b.closeCode() + (b.closeReason().isEmpty() ? "" : " \"" + b.closeReason() + "\"")));
            conn.close(b.closeCode(), b.closeReason());
        }
    }

    /** Replies still held back are dropped: the server is stopping. */
    void stop() {
        delayed.shutdownNow();
    }
}
