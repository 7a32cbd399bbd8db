package dev.duplex.model.decode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.AppProtocols;
import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.options.ClientInput;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A client tab's application protocol, as {@code connect --decode} speaks it: which one (none, auto, or a
 * name of {@link AppProtocols#NAMES}), whether it answers the protocol's heartbeats, and, while connected,
 * the protocol's session: it reads each message, says what it meant in lines of the tab's log, answers what
 * the protocol answers by itself, and runs the commands typed in the message box ({@code /emit …}).
 * FX thread only; what the protocol answers is handed to the tab to send on its own thread.
 */
public final class Decoding {
    /** No protocol: messages are shown as they are. */
    public static final String NONE = "";

    private final StringProperty protocol = new SimpleStringProperty(this, "protocol", NONE);
    private final BooleanProperty heartbeat = new SimpleBooleanProperty(this, "heartbeat", true);
    /** The protocol's own login for its CONNECT (STOMP, MQTT): a user name, and a password; "" for none. */
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    /** GraphQL's connection_init payload, a JSON object as typed; "" for the empty one. */
    private final StringProperty connectionInit = new SimpleStringProperty(this, "connectionInit", "");
    /** STOMP's virtual host, its CONNECT's host header; "" for RabbitMQ's default, /. */
    private final StringProperty virtualHost = new SimpleStringProperty(this, "virtualHost", "");
    /** MQTT's last will, typed as a /publish is; "" for none. */
    private final StringProperty will = new SimpleStringProperty(this, "will", "");
    /** The protocol speaking on the current connection ("" for none): auto resolves to one, or to none. */
    private final ReadOnlyStringWrapper speaking = new ReadOnlyStringWrapper(this, "speaking", NONE);
    private AppProtocol session;
    /**
     * Asks the session once a second what it sends on time (a heart-beat), while connected: a timer thread of
     * its own, made on first use, that hands each tick to the FX thread (no animation timer: the model runs
     * without a toolkit in its tests, and the tick must not wait for a pulse).
     */
    private java.util.concurrent.ScheduledExecutorService timer;
    private java.util.concurrent.ScheduledFuture<?> clock;
    private Consumer<List<WsEvent>> clockLog = e -> { };
    private Consumer<Payload> clockSend = p -> { };
    private Consumer<Runnable> onFx = Runnable::run;

    /** The protocol chosen: {@link #NONE} or one of {@link AppProtocols#NAMES}. */
    public StringProperty protocolProperty() { return protocol; }
    /** Whether the protocol's heartbeats are answered (off, to see a server's timeout). */
    public BooleanProperty heartbeatProperty() { return heartbeat; }
    public StringProperty loginProperty() { return login; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty connectionInitProperty() { return connectionInit; }
    public StringProperty virtualHostProperty() { return virtualHost; }
    public StringProperty willProperty() { return will; }
    /** The protocol that speaks on this connection, once it is chosen at connect; {@link #NONE} otherwise. */
    public ReadOnlyStringProperty speakingProperty() { return speaking.getReadOnlyProperty(); }

    /**
     * The connection as the protocol needs it (a bare Socket.IO address completed, GraphQL's subprotocols
     * offered), with its session made for it. The lines returned say when auto found no protocol.
     */
    public ClientInput.Connection prepare(ClientInput.Connection chosen, List<WsEvent> said) {
        session = null;
        speaking.set(NONE);
        String name = protocol.get() == null ? NONE : protocol.get().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) return chosen;
        ClientOptions o = chosen.options();
        URI url = AppProtocols.completeUrl(name, chosen.url());
        List<String> offered = AppProtocols.offer(name, o.subprotocols());
        dev.duplex.decode.ProtocolSetup setup = new dev.duplex.decode.ProtocolSetup(heartbeat.get(),
                dev.duplex.decode.AppLogin.of(login.get(), password.get()), connectionInit.get(), virtualHost.get(),
                dev.duplex.decode.mqtt.MqttSession.willReads(will.get()) ? will.get() : "");
        if (!setup.connectionInitReads()) {
            // Said, and the protocol speaks with the empty payload rather than sending JSON that does not read.
            said.add(new WsEvent.Meant(Instant.now(), WsEvent.Meant.Way.STATE,
                    Decoded.problem("", "decode.connectionInit.bad", setup.connectionInit())));
            setup = setup.withConnectionInit("");
        }
        if (!dev.duplex.decode.mqtt.MqttSession.willReads(will.get())) {
            // Said, and CONNECT goes without a will rather than with a half-read one.
            said.add(new WsEvent.Meant(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.problem("", "decode.mqtt.willBad", will.get())));
        }
        Optional<AppProtocol> made = AppProtocols.forConnection(name, url, offered, setup);
        if (made.isEmpty()) {
            said.add(new WsEvent.Meant(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.line("", "decode.none.tab")));
            return chosen;
        }
        session = made.get();
        speaking.set(session.name());
        return new ClientInput.Connection(url, new ClientOptions(o.origin(), o.headers(), o.connectTimeoutMs(),
                offered, o.deflate(), o.maxMessage()));
    }

    /**
     * Where the lines and messages the protocol gives on time go: the tab's log, and the tab's sending; and how
     * the timer's thread hands a tick to the FX thread.
     */
    public void onTime(Consumer<List<WsEvent>> log, Consumer<Payload> send, Consumer<Runnable> onFx) {
        clockLog = log;
        clockSend = send;
        this.onFx = onFx;
    }

    /** Stops the clock for good (the tab is closing). */
    public void shutdown() {
        stopClock();
        if (timer != null) timer.shutdownNow();
        timer = null; // a connection after this (none, in the window) would make another
    }

    /**
     * The events of a batch with what the protocol made of each after it, in order; what it answers by
     * itself goes to {@code send}.
     */
    public List<WsEvent> follow(List<WsEvent> events, Consumer<Payload> send) {
        if (session == null) return events;
        List<WsEvent> all = new ArrayList<>(events.size() * 2);
        for (WsEvent e : events) {
            all.add(e);
            if (e instanceof WsEvent.Opened o) {
                play(o.at(), WsEvent.Meant.Way.STATE, session.opened(o.subprotocol()), all, send);
                startClock();
            } else if (e instanceof WsEvent.Closed || e instanceof WsEvent.Failed) {
                stopClock();
            } else if (e instanceof WsEvent.Received r) {
                play(r.at(), WsEvent.Meant.Way.IN, session.received(r.payload()), all, send);
            } else if (e instanceof WsEvent.Sent s) {
                for (Decoded d : session.sent(s.payload())) all.add(new WsEvent.Meant(s.at(), WsEvent.Meant.Way.OUT, d));
            }
        }
        return all;
    }

    /**
     * A line typed in the message box, when it is one of the protocol's commands ({@code /emit chat "hi"}):
     * the lines it gives (a problem, when it does not read) and what it sends. Null when no protocol speaks,
     * or the line is not a command of its: the tab sends it as it is. {@code //text} sends {@code /text}.
     */
    public AppProtocol.Turn command(String typed) {
        if (session == null || typed == null || !typed.startsWith("/")) return null;
        // As on the command line: a message that really starts with a slash is typed with two.
        if (typed.startsWith("//")) return AppProtocol.Turn.send(Payload.text(typed.substring(1)));
        String[] parts = typed.substring(1).split(" ", 2);
        return session.command(parts[0], parts.length > 1 ? parts[1] : "");
    }

    private void startClock() {
        stopClock();
        if (timer == null) {
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "duplex-protocol-clock");
                t.setDaemon(true);
                return t;
            });
        }
        AppProtocol ticking = session;
        clock = timer.scheduleAtFixedRate(() -> onFx.accept(() -> tick(ticking)), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void stopClock() {
        if (clock != null) clock.cancel(false);
        clock = null;
    }

    /** On the FX thread: a tick of the session it was started for (one that was replaced since says nothing). */
    private void tick(AppProtocol ticking) {
        if (session == null || session != ticking || clock == null) return;
        AppProtocol.Turn turn = session.due(System.nanoTime());
        if (!turn.lines().isEmpty()) clockLog.accept(lines(turn));
        turn.replies().forEach(clockSend);
    }

    /** The lines of a command's turn as log events, in the order said. */
    public static List<WsEvent> lines(AppProtocol.Turn turn) {
        Instant at = Instant.now();
        return turn.lines().stream().map(d -> (WsEvent) new WsEvent.Meant(at, WsEvent.Meant.Way.STATE, d)).toList();
    }

    private static void play(Instant at, WsEvent.Meant.Way way, AppProtocol.Turn turn, List<WsEvent> into,
            Consumer<Payload> send) {
        for (Decoded d : turn.lines()) into.add(new WsEvent.Meant(at, way, d));
        turn.replies().forEach(send);
    }
}
