package dev.duplex.model.message;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.ProxyEvent;

/**
 * A proxy pair's log as the message view reads it: a message going up (client to server) as one we sent,
 * one coming down as one we received, so that a server's answer gets its round trip from the client's message
 * before it. What went on is shown (after the rules), not what came in.
 */
public final class ProxyMessages {
    /** How far back a round trip is looked for; the message view looks no further either. */
    private static final int LOOK_BACK = 64;

    private ProxyMessages() { }

    /**
     * The messages of {@code log} up to the one at {@code index}, that one last; empty when the event there is
     * not a message.
     */
    public static List<WsEvent> upTo(List<? extends ProxyEvent> log, int index) {
        if (index < 0 || index >= log.size() || !(log.get(index) instanceof ProxyEvent.Message)) return List.of();
        List<WsEvent> out = new ArrayList<>();
        for (int i = Math.max(0, index - LOOK_BACK); i <= index; i++) {
            if (log.get(i) instanceof ProxyEvent.Message m) {
                String peer = "pair " + m.pair();
                out.add(m.direction() == Direction.UP ? new WsEvent.Sent(m.at(), peer, m.payload())
                        : new WsEvent.Received(m.at(), peer, m.payload()));
            }
        }
        return out;
    }
}
