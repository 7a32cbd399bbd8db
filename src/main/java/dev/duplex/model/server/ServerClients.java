package dev.duplex.model.server;

import java.util.HashMap;
import java.util.Map;

import dev.duplex.net.WsEvent;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server's clients table: one row per connected client in the order they came, counted from the
 * server's events, and the client the lab acts on. A row's counts show once per batch ({@link #publish}).
 * FX thread only.
 */
public final class ServerClients {
    private final ObservableList<ServerClient> rows = FXCollections.observableArrayList();
    private final ObservableList<ServerClient> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, ServerClient> byPeer = new HashMap<>();
    /** The peer address of the client the lab acts on; a newcomer is chosen when nobody is. */
    private final StringProperty selected = new SimpleStringProperty(this, "selected");

    ServerClients() { }

    void onEvent(WsEvent e) {
        if (e instanceof WsEvent.ClientJoined j) {
            ServerClient row = new ServerClient(j.peer(), j.path(), j.origin(), j.subprotocol(), j.at());
            byPeer.put(j.peer(), row);
            rows.add(row);
            if (selected.get() == null || !byPeer.containsKey(selected.get())) selected.set(j.peer());
        } else if (e instanceof WsEvent.ClientLeft l) {
            ServerClient row = byPeer.remove(l.peer());
            if (row != null) rows.remove(row);
        } else if (e instanceof WsEvent.Received r) {
            ServerClient row = byPeer.get(r.peer());
            if (row != null) row.received(r.payload());
        } else if (e instanceof WsEvent.Sent s) {
            ServerClient row = byPeer.get(s.peer());
            if (row != null) row.sent(s.payload());
        } else if (e instanceof WsEvent.Stopped) {
            rows.clear();
            byPeer.clear();
        }
    }

    /** Shows every row's counts of the batch just taken: once per batch, after {@link #onEvent} for each of its events. */
    void publish() {
        for (ServerClient row : rows) row.publish();
    }

    /** Whether {@code peer} is connected now. */
    public boolean has(String peer) {
        return peer != null && byPeer.containsKey(peer);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public ObservableList<ServerClient> rows() { return readOnlyRows; }
    public StringProperty selectedProperty() { return selected; }
}
