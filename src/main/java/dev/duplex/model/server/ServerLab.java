package dev.duplex.model.server;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.server.LabServer;
import dev.duplex.options.Checked;
import dev.duplex.options.CloseInput;
import dev.duplex.options.LabInput;
import dev.duplex.protocol.CloseRequest;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server's lab: what the server says on its own to the client chosen in the clients table (or to
 * all of them): a message (the server speaks first), a ping with a payload, a close with any code and
 * reason. FX thread only; the network calls run in the background.
 */
public final class ServerLab {
    private final StringProperty push = new SimpleStringProperty(this, "push", "");
    private final StringProperty pingPayload = new SimpleStringProperty(this, "pingPayload", "");
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");

    private final LabServer server;
    private final Background io;
    private final ServerClients clients;
    private final BooleanSupplier running;
    private final Consumer<Notice> notice;

    ServerLab(LabServer server, Background io, ServerClients clients, BooleanSupplier running, Consumer<Notice> notice) {
        this.server = server;
        this.io = io;
        this.clients = clients;
        this.running = running;
        this.notice = notice;
    }

    /** Sends the push box to the chosen client. */
    public void pushToClient() {
        String peer = chosenClient();
        if (peer == null) return;
        String text = Objects.requireNonNullElse(push.get(), "");
        onServer(() -> server.send(peer, text));
    }

    /** Sends the push box to every connected client. */
    public void broadcast() {
        if (!running.getAsBoolean() || clients.isEmpty()) {
            notice.accept(Notice.of("form.noClient"));
            return;
        }
        notice.accept(null);
        String message = Objects.requireNonNullElse(push.get(), "");
        onServer(() -> server.broadcast(message));
    }

    public void pingClient() {
        String peer = chosenClient();
        if (peer == null) return;
        byte[] payload = LabInput.pingPayload(pingPayload.get());
        onServer(() -> server.ping(peer, payload));
    }

    /** Closes the chosen client with the lab's code and reason (invalid ones go out as typed). */
    public void closeClient() {
        String peer = chosenClient();
        if (peer == null) return;
        Checked<CloseRequest> typed = new CloseInput(closeCode.get(), closeReason.get()).request();
        if (!typed.isOk()) {
            notice.accept(Notice.of(typed.problem()));
            return;
        }
        CloseRequest close = typed.value();
        onServer(() -> close.sendThrough((code, reason) -> server.close(peer, code, reason),
                (code, reason) -> server.closeRaw(peer, code, reason)));
    }

    private String chosenClient() {
        String peer = clients.selectedProperty().get();
        if (!running.getAsBoolean() || !clients.has(peer)) {
            notice.accept(Notice.of("form.noClient"));
            return null;
        }
        notice.accept(null);
        return peer;
    }

    /** A client that left meanwhile becomes a notice, not an error. */
    private void onServer(Runnable call) {
        io.runOr(call, () -> notice.accept(Notice.of("form.noClient")));
    }

    public StringProperty pushProperty() { return push; }
    public StringProperty pingPayloadProperty() { return pingPayload; }
    public StringProperty closeCodeProperty() { return closeCode; }
    public StringProperty closeReasonProperty() { return closeReason; }
}
