package dev.duplex.net;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pings sent and not answered yet, so that each pong is reported with its round-trip time. A pong is
 * matched to its ping by the peer and the payload, as RFC 6455 5.5.3 has the pong echo the payload.
 */
public final class PingsInFlight {
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    /** A ping with this payload is going to this peer now. */
    public void sent(String peer, byte[] payload) {
        sentAt.put(key(peer, payload), System.nanoTime());
    }

    /**
     * The nanoseconds since the ping this pong answers went out, or -1 when it answers none we sent (an
     * unsolicited pong, or a second answer to the same ping).
     */
    public long answered(String peer, byte[] payload) {
        Long at = sentAt.remove(key(peer, payload));
        return at == null ? -1 : System.nanoTime() - at;
    }

    private static String key(String peer, byte[] payload) {
        return peer + "|" + Arrays.toString(payload);
    }
}
