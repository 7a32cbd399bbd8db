package dev.duplex.model.server;

import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.options.BehaviourInput;
import dev.duplex.options.Checked;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server's misbehaviour switches, edited freely and applied with {@link #apply()}: the running server
 * takes them from its next handshake, message or ping on; a stopped one when it starts. FX thread only.
 */
public final class Behaviours {
    private final BooleanProperty refuseUpgrade = new SimpleBooleanProperty(this, "refuseUpgrade", false);
    private final StringProperty refuseStatus = new SimpleStringProperty(this, "refuseStatus", "403");
    /** Extra header lines of the refusal, one "Name: value" per line. */
    private final StringProperty refuseHeaders = new SimpleStringProperty(this, "refuseHeaders", "");
    private final StringProperty refuseBody = new SimpleStringProperty(this, "refuseBody", "");
    /** "" withholds, "*" answers the client's first offer, a name answers that name. */
    private final StringProperty subprotocolAnswer = new SimpleStringProperty(this, "subprotocolAnswer", "");
    private final StringProperty replyDelay = new SimpleStringProperty(this, "replyDelay", "0");
    private final StringProperty dropEvery = new SimpleStringProperty(this, "dropEvery", "0");
    private final StringProperty closeAfter = new SimpleStringProperty(this, "closeAfter", "0");
    private final StringProperty closeAfterCode = new SimpleStringProperty(this, "closeAfterCode", "1000");
    private final StringProperty closeAfterReason = new SimpleStringProperty(this, "closeAfterReason", "");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    /** What the server does now: NORMAL, or the switches last applied. */
    private final ReadOnlyObjectWrapper<ServerBehaviour> inForce =
            new ReadOnlyObjectWrapper<>(this, "inForce", ServerBehaviour.NORMAL);

    private final LabServer server;
    private final Background io;
    private final Consumer<Notice> notice;

    Behaviours(LabServer server, Background io, Consumer<Notice> notice) {
        this.server = server;
        this.io = io;
        this.notice = notice;
    }

    /** Applies the switches to the server at once; a switch that does not check says so and changes nothing. */
    public void apply() {
        ServerBehaviour b = checked();
        if (b == null) return;
        notice.accept(null);
        io.run(() -> server.setBehaviour(b));
    }

    /** The switches as typed, for the one reading of them that the window and `serve` share. */
    BehaviourInput input() {
        return new BehaviourInput(refuseUpgrade.get(), refuseStatus.get(), refuseHeaders.get(), refuseBody.get(),
                subprotocolAnswer.get(), replyDelay.get(), dropEvery.get(), closeAfter.get(), closeAfterCode.get(),
                closeAfterReason.get(), autoPong.get());
    }

    /**
     * The switches as a behaviour, or null (with the notice saying which field is wrong); when they check,
     * they are what is in force from now on.
     */
    ServerBehaviour checked() {
        Checked<ServerBehaviour> b = input().parse();
        if (!b.isOk()) {
            notice.accept(Notice.of(b.problem()));
            return null;
        }
        inForce.set(b.value());
        return b.value();
    }

    /** What a server started with these switches does. */
    void nowInForce(ServerBehaviour b) {
        inForce.set(b);
    }

    public BooleanProperty refuseUpgradeProperty() { return refuseUpgrade; }
    public StringProperty refuseStatusProperty() { return refuseStatus; }
    public StringProperty refuseHeadersProperty() { return refuseHeaders; }
    public StringProperty refuseBodyProperty() { return refuseBody; }
    public StringProperty subprotocolAnswerProperty() { return subprotocolAnswer; }
    public StringProperty replyDelayProperty() { return replyDelay; }
    public StringProperty dropEveryProperty() { return dropEvery; }
    public StringProperty closeAfterProperty() { return closeAfter; }
    public StringProperty closeAfterCodeProperty() { return closeAfterCode; }
    public StringProperty closeAfterReasonProperty() { return closeAfterReason; }
    /** Whether the server answers pings (a switch like the others, applied with them). */
    public BooleanProperty autoPongProperty() { return autoPong; }
    public ReadOnlyObjectProperty<ServerBehaviour> inForceProperty() { return inForce.getReadOnlyProperty(); }
}
