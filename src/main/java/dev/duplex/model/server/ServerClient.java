package dev.duplex.model.server;

import java.time.Instant;

import dev.duplex.net.Payload;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * One client of the embedded server, as its row in the clients table: who it is, what it asked for, and
 * what went each way since it connected. Counted from the server's events on the FX thread: counted as
 * plain numbers per event and published to the properties once per batch ({@link #publish}), so a flood
 * costs the table one update per row per pulse, not four property events per message.
 */
public final class ServerClient {
    private final String peer;
    private final String path;
    private final String origin;
    private final String subprotocol;
    private final Instant connectedAt;
    private final ReadOnlyLongWrapper messagesIn = new ReadOnlyLongWrapper(this, "messagesIn");
    private final ReadOnlyLongWrapper bytesIn = new ReadOnlyLongWrapper(this, "bytesIn");
    private final ReadOnlyLongWrapper messagesOut = new ReadOnlyLongWrapper(this, "messagesOut");
    private final ReadOnlyLongWrapper bytesOut = new ReadOnlyLongWrapper(this, "bytesOut");
    private long countedMessagesIn;
    private long countedBytesIn;
    private long countedMessagesOut;
    private long countedBytesOut;
    private boolean unpublished;

    ServerClient(String peer, String path, String origin, String subprotocol, Instant connectedAt) {
        this.peer = peer;
        this.path = path;
        this.origin = origin;
        this.subprotocol = subprotocol;
        this.connectedAt = connectedAt;
    }

    void received(Payload p) {
        countedMessagesIn++;
        countedBytesIn += p.size();
        unpublished = true;
    }

    void sent(Payload p) {
        countedMessagesOut++;
        countedBytesOut += p.size();
        unpublished = true;
    }

    /** Shows what was counted since the last call in the properties; whether anything had changed. */
    boolean publish() {
        if (!unpublished) return false;
        unpublished = false;
        messagesIn.set(countedMessagesIn);
        bytesIn.set(countedBytesIn);
        messagesOut.set(countedMessagesOut);
        bytesOut.set(countedBytesOut);
        return true;
    }

    /** Its address as the server logs it, such as {@code 127.0.0.1:51234}. */
    public String peer() { return peer; }
    public String path() { return path; }
    /** The Origin it sent, or "" for none. */
    public String origin() { return origin; }
    /** The subprotocol the server answered, or "" for none. */
    public String subprotocol() { return subprotocol; }
    public Instant connectedAt() { return connectedAt; }
    public ReadOnlyLongProperty messagesInProperty() { return messagesIn.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bytesInProperty() { return bytesIn.getReadOnlyProperty(); }
    public ReadOnlyLongProperty messagesOutProperty() { return messagesOut.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bytesOutProperty() { return bytesOut.getReadOnlyProperty(); }
}
