package dev.duplex.cli;

import java.time.Instant;
import java.util.List;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.WsClient;

/**
 * {@code connect --decode}: the application protocol of one connection on the console. After each message
 * in or out it prints what the message meant (one line each, under the protocol's name); what the protocol
 * answers by itself goes out on the client; its typed commands ({@code /emit …}) are tried here first.
 */
final class ProtocolConsole {
    private final AppProtocol protocol;
    private final Console console;
    private final Texts texts;
    private final WsClient client;
    /** Asks the protocol once a second what it sends on time, while the connection is open. */
    private java.util.concurrent.ScheduledExecutorService clock;

    ProtocolConsole(AppProtocol protocol, Console console, WsClient client) {
        this.protocol = protocol;
        this.console = console;
        this.texts = console.texts();
        this.client = client;
    }

    /** Called after the event's own line is printed: the protocol's lines, then what it answers. */
    void after(WsEvent event) {
        if (event instanceof WsEvent.Opened o) {
            play(o.at(), EventText.Direction.STATE, protocol.opened(o.subprotocol()));
            startClock();
        } else if (event instanceof WsEvent.Closed || event instanceof WsEvent.Failed) {
            stopClock();
        } else if (event instanceof WsEvent.Received r) {
            play(r.at(), EventText.Direction.IN, protocol.received(r.payload()));
        } else if (event instanceof WsEvent.Sent s) {
            print(s.at(), EventText.Direction.OUT, protocol.sent(s.payload()));
        }
    }

    private synchronized void startClock() {
        if (clock != null) return;
        clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duplex-protocol-clock");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(() -> play(Instant.now(), EventText.Direction.STATE, protocol.due(System.nanoTime())),
                1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private synchronized void stopClock() {
        if (clock != null) clock.shutdownNow();
        clock = null;
    }

    /** Whether the protocol still waits for something it asked for. */
    boolean awaiting() {
        return protocol.awaiting();
    }

    /** Whether the protocol ended its session by its own rule (see {@link AppProtocol#ended()}). */
    boolean ended() {
        return protocol.ended();
    }

    /** What became of a typed slash command. */
    enum Outcome { NOT_THE_PROTOCOLS, SENT, REFUSED }

    /** A typed slash command, tried as one of the protocol's: sent, or its problem said. */
    Outcome command(String name, String rest) {
        AppProtocol.Turn turn = protocol.command(name, rest);
        if (turn == null) return Outcome.NOT_THE_PROTOCOLS;
        play(Instant.now(), EventText.Direction.ERROR, turn);
        return turn.refused() ? Outcome.REFUSED : Outcome.SENT;
    }

    private void play(Instant at, EventText.Direction direction, AppProtocol.Turn turn) {
        print(at, direction, turn.lines());
        for (Payload reply : turn.replies()) {
            if (reply.isBinary()) {
                client.send(reply.bytes());
            } else {
                client.send(reply.text());
            }
        }
    }

    private void print(Instant at, EventText.Direction direction, List<Decoded> lines) {
        for (Decoded d : lines) {
            EventText.Line line = new EventText.Line(EventText.time(at), d.problem() ? EventText.Direction.ERROR : direction,
                    d.protocol(), EventText.decoded(texts, d));
            (d.problem() ? console.err() : console.out()).println(line);
        }
    }
}
