package dev.duplex.model.library;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.client.ConnectionOptions;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.model.decode.Decoding;
import dev.duplex.settings.SavedProtocol;
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

    /** @param saved what the store held at start (read before the window, off the FX thread) */
    public SavedConnections(ConnectionStore store, List<SavedConnection> saved, MessageLibrary library, Background io) {
        this.store = store;
        this.library = library;
        this.io = io;
        all.setAll(saved);
    }

    /**
     * Saves {@code tab}'s URL, options and the app's saved messages under the collection and name typed in
     * that tab, replacing a connection of the same collection and name.
     */
    public void save(ClientTab tab) {
        ConnectionOptions o = tab.options();
        String name = Objects.requireNonNullElse(o.nameProperty().get(), "").strip();
        String collection = Objects.requireNonNullElse(o.collectionProperty().get(), "").strip();
        if (name.isEmpty()) {
            tab.notice(Notice.of("connections.needName"));
            return;
        }
        Checked<Integer> timeout = ClientInput.connectTimeout(o.connectTimeoutProperty().get());
        Checked<List<String>> headerLines = ClientInput.headerLines(o.headersProperty().get());
        Checked<List<String>> offered = ClientInput.subprotocols(o.subprotocolsProperty().get());
        for (Checked<?> field : List.of(timeout, headerLines, offered)) {
            if (!field.isOk()) {
                tab.notice(Notice.of(field.problem()));
                return;
            }
        }
        if (collection.isEmpty()) collection = DEFAULT_COLLECTION;
        String url = Objects.requireNonNullElse(tab.urlProperty().get(), "").strip();
        String origin = Objects.requireNonNullElse(o.originProperty().get(), "");
        List<String> lines = headerLines.value();
        int left = 0;
        if (!o.saveSecretsProperty().get()) {
            // Secrets stay out of connections.json unless the box says otherwise: masked where they were.
            String masked = dev.duplex.secrets.Secrets.maskedTarget(url, java.util.Set.of());
            if (!masked.equals(url)) left++;
            url = masked;
            List<String> kept = new java.util.ArrayList<>();
            for (String line : lines) {
                if (dev.duplex.secrets.Secrets.isSecretHeaderLine(line)) left++;
                else kept.add(line);
            }
            lines = kept;
        }
        SavedProtocol protocol = protocolOf(tab.decoding(), o.saveSecretsProperty().get());
        left += secretsLeftOut(tab.decoding(), protocol);
        var saved = new SavedConnection(collection, name, url, o.sendOriginProperty().get(), origin,
                lines, offered.value(),
                o.deflateProperty().get(), o.deflateParamsProperty().get(), timeout.value(), List.copyOf(library.saved()),
                Objects.requireNonNullElse(tab.rules().textProperty().get(), ""),
                Objects.requireNonNullElse(tab.rules().environmentProperty().get(), ""), protocol);
        all.removeIf(x -> x.collection().equals(saved.collection()) && x.name().equals(saved.name()));
        all.add(saved);
        all.sort(Comparator.comparing(SavedConnection::label));
        persist(tab, left == 0 ? Notice.of("connections.saved", saved.label())
                : Notice.of("connections.savedWithoutSecrets", saved.label(), left));
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
        o.deflateParamsProperty().set(c.deflateParams());
        o.connectTimeoutProperty().set(Integer.toString(c.timeoutMs()));
        o.collectionProperty().set(c.collection());
        o.nameProperty().set(c.name());
        c.messages().forEach(library::addIfNew);
        tab.rules().textProperty().set(c.rules());
        tab.rules().environmentProperty().set(c.environment());
        Decoding d = tab.decoding();
        d.protocolProperty().set(c.protocol().name());
        d.heartbeatProperty().set(c.protocol().heartbeat());
        d.loginProperty().set(c.protocol().login());
        d.passwordProperty().set(c.protocol().password());
        d.connectionInitProperty().set(c.protocol().connectionInit());
        d.virtualHostProperty().set(c.protocol().virtualHost());
        d.willProperty().set(c.protocol().will());
        tab.notice(Notice.of("connections.opened", c.label()));
    }

    /**
     * The tab's protocol as it will be saved: the password only with the secrets, and the connection_init
     * payload only with them when it has a field named like one (a token, say).
     */
    private static SavedProtocol protocolOf(Decoding d, boolean withSecrets) {
        String init = Objects.requireNonNullElse(d.connectionInitProperty().get(), "");
        boolean initSecret = dev.duplex.secrets.Secrets.hasSecretField(init);
        return new SavedProtocol(d.protocolProperty().get(), d.heartbeatProperty().get(), d.loginProperty().get(),
                withSecrets ? d.passwordProperty().get() : "", withSecrets || !initSecret ? init : "",
                d.virtualHostProperty().get(), d.willProperty().get());
    }

    /** How many of the tab's protocol fields {@code saved} left out as secrets. */
    private static int secretsLeftOut(Decoding d, SavedProtocol saved) {
        int left = 0;
        if (!Objects.requireNonNullElse(d.passwordProperty().get(), "").equals(saved.password())) left++;
        if (!Objects.requireNonNullElse(d.connectionInitProperty().get(), "").equals(saved.connectionInit())) left++;
        return left;
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

    public ObservableList<SavedConnection> all() { return readOnly; }
}
