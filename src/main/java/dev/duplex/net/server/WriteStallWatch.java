package dev.duplex.net.server;

import dev.duplex.net.wire.TappedTlsChannel;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket's selector thread, after writing a connection's queue empty, clears its write interest;
 * a worker that queued an echo just before that loses its wake-up, and the echo waits for the next ping
 * (a minute by default, for ever with pings off). This watch re-arms, every few milliseconds, any
 * connection that has data queued but no write interest; and does the same for wss:// connections whose
 * TLS handshake has something to write.
 */
public final class WriteStallWatch {
    private static final long PERIOD_MS = 5;

    private final WebSocketServer server;
    private final ScheduledExecutorService watch =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duplex-write-watch"));
    /** wss:// connections still in their TLS handshake. */
    private final Set<TappedTlsChannel> tlsHandshakes = ConcurrentHashMap.newKeySet();

    public WriteStallWatch(WebSocketServer server) {
        this.server = server;
    }

    /** From the server's start on. */
    public void start() {
        watch.scheduleWithFixedDelay(this::rearmStalledWrites, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        watch.shutdownNow();
    }

    /** Watches this connection's TLS handshake until it is over. */
    public void watchTlsHandshake(TappedTlsChannel tls) {
        tlsHandshakes.add(tls);
    }

    private void rearmStalledWrites() {
        // A TLS handshake step finished on the task thread needs a write, but no one asks the selector
        // for it (the channel said "nothing to write" while it waited for the peer): ask for it here.
        for (TappedTlsChannel tls : tlsHandshakes) {
            try {
                if (tls.tlsHandshakeDone() || !tls.key.isValid()) {
                    tlsHandshakes.remove(tls);
                } else if (tls.isNeedWrite() && (tls.key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                    tls.key.interestOps(tls.key.interestOps() | SelectionKey.OP_WRITE);
                    tls.key.selector().wakeup();
                }
            } catch (CancelledKeyException closing) {
                tlsHandshakes.remove(tls);
            }
        }
        for (WebSocket c : server.getConnections()) {
            if (!(c instanceof WebSocketImpl impl) || !impl.hasBufferedData()) continue;
            SelectionKey key = impl.getSelectionKey();
            try {
                if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                    server.onWriteDemand(impl);
                }
            } catch (CancelledKeyException closing) {
                // the connection is going away; nothing to write any more
            }
        }
    }
}
