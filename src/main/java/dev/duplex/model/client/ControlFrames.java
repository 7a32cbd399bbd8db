package dev.duplex.model.client;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.Payload;
import dev.duplex.net.client.WsClient;
import dev.duplex.options.Checked;
import dev.duplex.options.CloseInput;
import dev.duplex.options.LabInput;
import dev.duplex.protocol.CloseRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A client tab's control-frame lab: a ping or a lone pong with a payload, pings every N seconds, whether
 * pings are answered, a close with any code and reason, and the message box sent in fragments. FX thread
 * only; the network calls run on the tab's background thread.
 */
public final class ControlFrames {
    private final StringProperty pingPayload = new SimpleStringProperty(this, "pingPayload", "");
    private final StringProperty pingEvery = new SimpleStringProperty(this, "pingEvery", "5");
    private final ReadOnlyBooleanWrapper pinging = new ReadOnlyBooleanWrapper(this, "pinging");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    /** Send back every message received (an echo client, for echo-based checkers). */
    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo", false);
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty fragmentSize = new SimpleStringProperty(this, "fragmentSize", "4");

    private final WsClient client;
    private final Background io;
    private final Gate gate;
    private final Composer composer;
    /** Sends the periodic pings; a daemon, so it never keeps the app alive. */
    private final ScheduledExecutorService pingTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duplex-ping");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> periodicPing;

    ControlFrames(WsClient client, Background io, Gate gate, Composer composer) {
        this.client = client;
        this.io = io;
        this.gate = gate;
        this.composer = composer;
        autoPong.addListener((o, a, on) -> client.setAutoPong(on));
        echo.addListener((o, a, on) -> client.setEcho(on));
    }

    /** Pings with the lab's payload (UTF-8 of what is typed). */
    public void ping() {
        if (!gate.open()) return;
        byte[] payload = LabInput.pingPayload(pingPayload.get());
        io.runOr(() -> client.ping(payload), this::notOpen);
    }

    /** The forge's line: a frame as {@code /frame} takes it on the command line, or raw hex. */
    private final javafx.beans.property.StringProperty forged = new javafx.beans.property.SimpleStringProperty(this, "forged", "");

    public javafx.beans.property.StringProperty forgedProperty() { return forged; }

    /**
     * Sends the forge's line as one frame exactly as asked ({@code fin=0 rsv=4 op=3 mask=off len=9 text:…},
     * see {@link dev.duplex.options.FrameInput}), or, with {@code raw}, its hex as bytes onto the socket.
     */
    public void sendForged(boolean raw) {
        if (!gate.open()) return;
        send(raw ? dev.duplex.options.FrameInput.raw(forged.get())
                : dev.duplex.options.FrameInput.frame(forged.get()).map(dev.duplex.forge.ForgedFrame::bytes));
    }

    /**
     * Sends the forge's line as a message split into fragments with control frames between them
     * ({@code 3,5,* ping@1=6869 text:…}, as {@code /split} takes it; see {@link dev.duplex.options.SplitInput}).
     */
    public void sendSplit() {
        if (!gate.open()) return;
        send(dev.duplex.options.SplitInput.split(forged.get()).map(dev.duplex.forge.ForgedSplit::bytes));
    }

    /** All of a forged line's frames in one write, through the library's queue, so nothing comes between them. */
    private void send(Checked<byte[]> bytes) {
        if (!bytes.isOk()) {
            gate.notice(Notice.of(bytes.problem()));
            return;
        }
        byte[] out = bytes.value();
        io.runOr(() -> client.sendRaw(out), this::notOpen);
    }

    /** Sends an unsolicited pong with the lab's payload (a heartbeat that needs no answer). */
    public void pong() {
        if (!gate.open()) return;
        byte[] payload = LabInput.pingPayload(pingPayload.get());
        io.runOr(() -> client.pong(payload), this::notOpen);
    }

    /** Starts or stops pinging every {@code pingEvery} seconds. */
    public void togglePeriodicPing() {
        if (periodicPing != null) {
            stopPeriodicPing();
            return;
        }
        if (!gate.open()) return;
        Checked<Long> every = LabInput.pingEveryMs(pingEvery.get());
        if (!every.isOk()) {
            gate.notice(Notice.of(every.problem()));
            return;
        }
        byte[] payload = LabInput.pingPayload(pingPayload.get());
        long period = every.value();
        periodicPing = pingTimer.scheduleAtFixedRate(() -> io.run(() -> {
            try {
                client.ping(payload);
            } catch (RuntimeException closed) {
                // the connection ended; the Closed event stops the timer
            }
        }), period, period, TimeUnit.MILLISECONDS);
        pinging.set(true);
    }

    /**
     * Closes with the lab's code and reason. A code and reason a close frame may carry go through the
     * closing handshake; any other (999, 1005, 1006, a reason over 123 bytes, or no code at all when the
     * code box is empty) goes out as typed, to see what the server does.
     */
    public void closeWith() {
        if (!gate.open()) return;
        Checked<CloseRequest> typed = new CloseInput(closeCode.get(), closeReason.get()).request();
        if (!typed.isOk()) {
            gate.notice(Notice.of(typed.problem()));
            return;
        }
        CloseRequest close = typed.value();
        gate.closing();
        io.runOr(() -> close.sendThrough(client::close, client::closeRaw), this::notOpen);
    }

    /** Sends the message box cut into frames of the lab's fragment size. */
    public void sendFragmented() {
        Checked<Integer> fragment = LabInput.fragmentSize(fragmentSize.get());
        if (!fragment.isOk()) {
            gate.notice(Notice.of(fragment.problem()));
            return;
        }
        int size = fragment.value();
        if (!gate.open()) return;
        Payload payload = composer.payloadOrSayWhyNot(gate::notice);
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        io.runOr(() -> client.sendFragmented(payload, size), this::notOpen);
    }

    /** The connection ended: periodic pings stop with it. */
    void connectionEnded() {
        stopPeriodicPing();
    }

    void shutdown() {
        pingTimer.shutdownNow();
    }

    private void stopPeriodicPing() {
        if (periodicPing != null) periodicPing.cancel(false);
        periodicPing = null;
        pinging.set(false);
    }

    /** A connection that closed meanwhile becomes a notice, not an error. */
    private void notOpen() {
        gate.notice(Notice.of("form.notOpen"));
    }

    public StringProperty pingPayloadProperty() { return pingPayload; }
    public StringProperty pingEveryProperty() { return pingEvery; }
    public ReadOnlyBooleanProperty pingingProperty() { return pinging.getReadOnlyProperty(); }
    public BooleanProperty autoPongProperty() { return autoPong; }
    public BooleanProperty echoProperty() { return echo; }
    public StringProperty closeCodeProperty() { return closeCode; }
    public StringProperty closeReasonProperty() { return closeReason; }
    public StringProperty fragmentSizeProperty() { return fragmentSize; }
}
