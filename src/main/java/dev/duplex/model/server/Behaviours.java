package dev.duplex.model.server;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.protocol.CloseCodes;
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

    /**
     * The switches as a behaviour, or null (with the notice saying which field is wrong); when they check,
     * they are what is in force from now on.
     */
    ServerBehaviour checked() {
        ServerConfig.Refusal refusal = null;
        if (refuseUpgrade.get()) {
            Integer status = intIn(refuseStatus.get(), 200, 599);
            if (status == null || status == 101) return fail("form.refuseStatus");
            List<String> lines = Arrays.stream(text(refuseHeaders.get()).split("\\R"))
                    .filter(l -> !l.isBlank()).map(String::strip).toList();
            try {
                refusal = new ServerConfig.Refusal(status, reasonPhrase(status), text(refuseBody.get()), lines);
            } catch (IllegalArgumentException e) {
                return fail("form.refuseHeaders");
            }
        }
        Integer delay = intIn(replyDelay.get(), 0, ServerBehaviour.MAX_DELAY_MS);
        if (delay == null) return fail("form.replyDelay");
        Integer drop = intIn(dropEvery.get(), 0, Integer.MAX_VALUE);
        Integer after = intIn(closeAfter.get(), 0, Integer.MAX_VALUE);
        if (drop == null || after == null) return fail("form.count");
        Integer code = intIn(closeAfterCode.get(), 1000, 4999);
        if (code == null || !CloseCodes.sendable(code)) return fail("form.closeCode");
        try {
            ServerBehaviour b = new ServerBehaviour(refusal, text(subprotocolAnswer.get()), delay, drop, after, code,
                    text(closeAfterReason.get()), autoPong.get());
            inForce.set(b);
            return b;
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage().startsWith("subprotocol") ? "form.subprotocol" : "form.closeReason");
        }
    }

    private ServerBehaviour fail(String key) {
        notice.accept(Notice.of(key));
        return null;
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static Integer intIn(String typed, int min, int max) {
        try {
            int n = Integer.parseInt(text(typed).strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The usual reason phrase of an HTTP status, for the refusal's status line. */
    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
        };
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
