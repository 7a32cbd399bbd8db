package dev.duplex.model.library;

import java.util.Comparator;
import java.util.List;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.client.ConnectionOptions;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.ConnectionStore.SavedConnection;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved connections in named collections, kept in {@code connections.json}: saved from a tab, opened
 * into a tab, deleted. Each intent acts on the tab that asked and tells that tab how it went; the file is
 * written off the FX thread. FX thread only.
 */
public final class SavedConnections {
    /** The collection a connection goes to when none is typed. */
    public static final String DEFAULT_COLLECTION = "Duplex";

    private final ObservableList<SavedConnection> all = FXCollections.observableArrayList();
    private final ObservableList<SavedConnection> readOnly = FXCollections.unmodifiableObservableList(all);
    private final ConnectionStore store;
    private final MessageLibrary library;
    private final Background io;
    private final Notice movedAside;

    /** Reads the store now: a small local file, read once at start. */
    public SavedConnections(ConnectionStore store, MessageLibrary library, Background io) {
        this.store = store;
        this.library = library;
        this.io = io;
        ConnectionStore.Loaded loaded = store.load();
        all.setAll(loaded.connections());
        movedAside = loaded.movedAside() == null ? null : Notice.of("connections.reset", loaded.movedAside().toString());
    }

    /** What to tell the user when the file could not be read and was moved aside; null when it was fine. */
    public Notice problemAtStart() {
        return movedAside;
    }

    /**
     * Saves {@code tab}'s URL, options and the app's saved messages under the collection and name typed in
     * that tab, replacing a connection of the same collection and name.
     */
    public void save(ClientTab tab) {
        ConnectionOptions o = tab.options();
        String name = text(o.nameProperty().get()).strip();
        String collection = text(o.collectionProperty().get()).strip();
        if (name.isEmpty()) {
            tab.notice(Notice.of("connections.needName"));
            return;
        }
        Checked<Integer> timeout = ClientInput.connectTimeout(o.connectTimeoutProperty().get());
        Checked<java.util.List<String>> headerLines = ClientInput.headerLines(o.headersProperty().get());
        Checked<java.util.List<String>> offered = ClientInput.subprotocols(o.subprotocolsProperty().get());
        for (Checked<?> field : java.util.List.of(timeout, headerLines, offered)) {
            if (!field.isOk()) {
                tab.notice(Notice.of(field.problem()));
                return;
            }
        }
        if (collection.isEmpty()) collection = DEFAULT_COLLECTION;
        var saved = new SavedConnection(collection, name, text(tab.urlProperty().get()).strip(),
                o.sendOriginProperty().get(), text(o.originProperty().get()), headerLines.value(), offered.value(),
                o.deflateProperty().get(), timeout.value(), List.copyOf(library.saved()));
        all.removeIf(x -> x.collection().equals(saved.collection()) && x.name().equals(saved.name()));
        all.add(saved);
        all.sort(Comparator.comparing(SavedConnection::label));
        persist(tab, Notice.of("connections.saved", saved.label()));
    }

    /** Fills {@code tab}'s URL and options from a saved connection; its messages join the library. */
    public void open(SavedConnection c, ClientTab tab) {
        if (c == null) return;
        ConnectionOptions o = tab.options();
        tab.urlProperty().set(c.url());
        o.sendOriginProperty().set(c.sendOrigin());
        o.originProperty().set(c.origin());
        o.headersProperty().set(String.join("\n", c.headers()));
        o.subprotocolsProperty().set(String.join(", ", c.subprotocols()));
        o.deflateProperty().set(c.deflate());
        o.connectTimeoutProperty().set(Integer.toString(c.timeoutMs()));
        o.collectionProperty().set(c.collection());
        o.nameProperty().set(c.name());
        c.messages().forEach(library::addIfNew);
        tab.notice(Notice.of("connections.opened", c.label()));
    }

    public void delete(SavedConnection c, ClientTab tab) {
        if (c == null || !all.remove(c)) return;
        persist(tab, Notice.of("connections.deleted", c.label()));
    }

    private void persist(ClientTab asked, Notice done) {
        List<SavedConnection> snapshot = List.copyOf(all);
        io.call(() -> {
            store.save(snapshot);
            return done;
        }, asked::notice, e -> asked.notice(Notice.of("file.cannotWrite", store.file().toString(),
                String.valueOf(e.getMessage()))));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<SavedConnection> all() { return readOnly; }
}
