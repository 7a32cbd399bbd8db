package dev.duplex.decode;

import java.util.List;

import dev.duplex.net.Payload;

/**
 * An application protocol spoken over one WebSocket connection (Socket.IO, and the others to come): it reads
 * every message the peer sends, says what it was in {@link Decoded} lines, answers what the protocol
 * answers by itself (a heartbeat, a namespace join), and turns typed commands into messages. It sends
 * nothing itself: what it answers comes back in a {@link Turn}, for the caller to send once the lines are
 * shown, outside any lock of the protocol's (the socket's own thread calls in holding the connection's).
 * One instance per connection; its methods may be called from the socket's thread and the typing thread at once.
 */
public interface AppProtocol {
    /** What one message or command gave: the lines to show, then the messages to send, in order. */
    record Turn(List<Decoded> lines, List<Payload> replies) {
        public Turn {
            lines = List.copyOf(lines);
            replies = List.copyOf(replies);
        }

        public static Turn say(Decoded... lines) {
            return new Turn(List.of(lines), List.of());
        }

        public static Turn send(Payload message) {
            return new Turn(List.of(), List.of(message));
        }

        /**
         * The line to say when the server answered none of the subprotocols a protocol offered (nothing when it
         * answered one): the protocol speaks as {@code speaking} all the same.
         */
        public static List<Decoded> unanswered(String protocol, String subprotocol, List<String> offered, String speaking) {
            return subprotocol.isEmpty()
                    ? List.of(Decoded.problem(protocol, "decode.noSubprotocol", String.join(", ", offered), speaking))
                    : List.of();
        }

        public boolean refused() {
            return lines.stream().anyMatch(Decoded::problem);
        }
    }

    /** The name users type ({@code --decode NAME}). */
    String name();

    /** The connection opened with this subprotocol ("" for none): what the protocol says or sends first. */
    Turn opened(String subprotocol);

    /** A message from the peer, decoded, with what the protocol answers by itself. */
    Turn received(Payload message);

    /** A message we sent (typed, composed or answered), decoded for the log. */
    List<Decoded> sent(Payload message);

    /**
     * Whether something asked for is still to come (an ack, a running operation): {@code connect} waits for
     * it at the end of its input, up to {@code --wait}.
     */
    boolean awaiting();

    /**
     * Whether the session was ended by the protocol's own rule, such as an MQTT DISCONNECT we sent: the
     * server then drops the connection, often with no WebSocket close at all (mosquitto does), and
     * {@code connect} counts that end as the normal one rather than as an abnormal closure.
     */
    default boolean ended() {
        return false;
    }

    /**
     * What the protocol sends on time by itself (a STOMP heart-beat, an MQTT PINGREQ): asked about once a
     * second while the connection is open, with {@link System#nanoTime()}. Nothing, for protocols whose
     * heartbeats only answer the server's.
     */
    default Turn due(long nowNanos) {
        return new Turn(List.of(), List.of());
    }

    /**
     * A typed command of this protocol ({@code /emit …}): the message it sends, or the problem that stopped
     * it. Null when the command is not this protocol's.
     */
    Turn command(String name, String rest);
}
