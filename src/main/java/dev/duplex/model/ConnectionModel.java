package dev.duplex.model;

import dev.duplex.protocol.Utf8;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.Problem;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.conversation.Conversation;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.ServerCertificates;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.conversation.ConversationFileException;
import java.nio.file.Path;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import dev.duplex.net.Payload;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.settings.Settings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the window shows and what the user can ask of it, for the embedded server and the client.
 *
 * <p>The form fields are plain properties the views bind to both ways; everything the network decides
 * (states, counts, logs, notices) is read-only outside. The intent methods ({@link #startServer()},
 * {@link #connect()}, {@link #send()} …) check the form here, below the view, and hand the network
 * work to a background thread; results come back through the {@link Dispatcher}. UI thread only.
 */
public final class ConnectionModel {

    public enum ServerState { STOPPED, STARTING, RUNNING, STOPPING }

    public enum ClientState { DISCONNECTED, CONNECTING, OPEN, CLOSING }

    // ---- the forms: bound both ways by the views ----
    private final StringProperty port = new SimpleStringProperty(this, "port");
    private final StringProperty bindAddress = new SimpleStringProperty(this, "bindAddress");
    private final StringProperty path = new SimpleStringProperty(this, "path");
    private final StringProperty replyTemplate = new SimpleStringProperty(this, "replyTemplate");
    // ---- the server's lab ----
    private final BooleanProperty serverAutoPong = new SimpleBooleanProperty(this, "serverAutoPong", true);
    private final StringProperty serverPingInterval = new SimpleStringProperty(this, "serverPingInterval",
            Integer.toString(ServerConfig.DEFAULT_PING_INTERVAL));
    private final StringProperty serverMaxMessage = new SimpleStringProperty(this, "serverMaxMessage",
            Integer.toString(ServerConfig.Limits.DEFAULT_MAX_MESSAGE));
    /** Origins allowed to connect, separated by commas or spaces; empty allows any. */
    private final StringProperty serverAllowedOrigins = new SimpleStringProperty(this, "serverAllowedOrigins", "");
    /** The clients table: one row per connected client, in the order they came. */
    private final javafx.collections.ObservableList<ServerClient> serverClientRows =
            javafx.collections.FXCollections.observableArrayList();
    private final Map<String, ServerClient> serverClientByPeer = new java.util.HashMap<>();
    // ---- the server's behaviours (misbehaving on purpose), applied with applyBehaviour() ----
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
    /** What the running server does now: NORMAL, or the switches last applied. */
    private final ReadOnlyObjectWrapper<ServerBehaviour> behaviour =
            new ReadOnlyObjectWrapper<>(this, "behaviour", ServerBehaviour.NORMAL);
    private final StringProperty selectedClient = new SimpleStringProperty(this, "selectedClient");
    private final StringProperty serverPush = new SimpleStringProperty(this, "serverPush", "");
    private final StringProperty serverPingPayload = new SimpleStringProperty(this, "serverPingPayload", "");
    private final StringProperty serverCloseCode = new SimpleStringProperty(this, "serverCloseCode", "1000");
    private final StringProperty serverCloseReason = new SimpleStringProperty(this, "serverCloseReason", "");
    private final javafx.collections.ObservableList<ConnectionStore.SavedConnection> savedConnections =
            javafx.collections.FXCollections.observableArrayList();
    private ConnectionStore connectionStore;
    // ---- wss:// on the embedded server ----
    private final BooleanProperty serverTls = new SimpleBooleanProperty(this, "serverTls", false);
    /** A PKCS#12 file of the user's; empty serves Duplex's own self-signed certificate. */
    private final StringProperty serverPkcs12 = new SimpleStringProperty(this, "serverPkcs12", "");
    private final StringProperty serverPkcs12Password = new SimpleStringProperty(this, "serverPkcs12Password", "");
    /** The SHA-256 fingerprint of the certificate served, "" on ws://. */
    private final ReadOnlyStringWrapper serverFingerprint = new ReadOnlyStringWrapper(this, "serverFingerprint", "");
    /** Where Duplex's own server certificate is kept (with the saved connections). */
    private Path dataDir = dev.duplex.AppDirs.data();
    private final FrameTotals serverTotals = new FrameTotals();
    private final IntegerProperty logCap = new SimpleIntegerProperty(this, "logCap");
    private final StringProperty language = new SimpleStringProperty(this, "language");

    // ---- what the network decides ----
    private final ReadOnlyObjectWrapper<ServerState> serverState =
            new ReadOnlyObjectWrapper<>(this, "serverState", ServerState.STOPPED);
    private final ReadOnlyStringWrapper serverUrl = new ReadOnlyStringWrapper(this, "serverUrl", "");
    private final ReadOnlyIntegerWrapper serverClients = new ReadOnlyIntegerWrapper(this, "serverClients");
    private final ReadOnlyBooleanWrapper serverAllInterfaces = new ReadOnlyBooleanWrapper(this, "serverAllInterfaces");
    private final ReadOnlyObjectWrapper<Notice> serverNotice = new ReadOnlyObjectWrapper<>(this, "serverNotice");
    private final ReadOnlyObjectWrapper<Notice> appNotice = new ReadOnlyObjectWrapper<>(this, "appNotice");

    private final LogBuffer serverLog;
    /** Every frame, both ways, for the frame inspectors; kept apart from the event logs. */
    private final LogBuffer serverFrames;
    private final ReadOnlyObjectWrapper<WsEvent.Handshake> serverHandshake =
            new ReadOnlyObjectWrapper<>(this, "serverHandshake");

    private final Dispatcher dispatcher;
    /** Every call that may block on the network (start, stop, close) runs here, never on the UI thread. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplex-io");
        t.setDaemon(true);
        return t;
    });
    private final LabServer server;
    private final javafx.collections.ObservableList<ClientSession> sessions = javafx.collections.FXCollections.observableArrayList();
    private final ObjectProperty<ClientSession> current = new SimpleObjectProperty<>(this, "currentSession");
    private CompletableFuture<Void> shutdown;

    public ConnectionModel(Settings settings, Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        // One sink object per log: the dispatcher groups consecutive events by sink identity, and a
        // method reference written at each post would be a new object every time (batches of one).
        Consumer<List<WsEvent>> serverSink = this::onServerEvents;
        this.server = new LabServer(event -> dispatcher.post(serverSink, event));
        serverLog = new LogBuffer(settings.logCap());
        serverFrames = new LogBuffer(settings.logCap());
        port.set(Integer.toString(settings.port()));
        bindAddress.set(settings.bindAddress());
        path.set(settings.path());
        replyTemplate.set(settings.replyTemplate());
        logCap.set(settings.logCap());
        language.set(settings.language());
        ClientSession first = new ClientSession(dispatcher, settings.lastUrl(), settings.sendOrigin(), settings.origin(),
                settings.logCap());
        sessions.add(first);
        current.set(first);
        logCap.addListener((obs, old, cap) -> {
            int c = Math.max(Settings.MIN_LOG_CAP, Math.min(Settings.MAX_LOG_CAP, cap.intValue()));
            serverLog.setCap(c);
            for (ClientSession session : sessions) session.setLogCap(c);
            serverFrames.setCap(c);
        });
    }

    // ================= intents =================

    /** Checks the server form and starts listening in the background. */
    public void startServer() {
        if (serverState.get() != ServerState.STOPPED) return;
        serverNotice.set(null);
        ServerConfig config = serverConfigFromForm();
        if (config == null) return;
        serverState.set(ServerState.STARTING);
        io.execute(() -> {
            try {
                server.start(withTls(config));
            } catch (ServerStartException e) {
                dispatcher.run(() -> startFailed(e.problem()));
            }
        });
    }

    /**
     * The configuration with the certificate the form asks for (on the background thread: reading a file,
     * or making Duplex's own the first time); the form's fingerprint shows which one is served.
     */
    private ServerConfig withTls(ServerConfig config) throws ServerStartException {
        if (!serverTls.get()) {
            dispatcher.run(() -> serverFingerprint.set(""));
            return config;
        }
        String file = text(serverPkcs12.get()).strip();
        try {
            var identity = file.isEmpty() ? ServerCertificates.ownIn(dataDir)
                    : ServerCertificates.fromFile(Path.of(file), text(serverPkcs12Password.get()));
            String fingerprint = identity.fingerprint().toString();
            dispatcher.run(() -> serverFingerprint.set(fingerprint));
            return config.withTls(identity);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ServerStartException(new Problem(Problem.Kind.TLS_FAILED,
                    (file.isEmpty() ? "" : file + ": ") + e.getMessage()), e);
        }
    }

    /**
     * What a double-click should give: the echo server started on the form's port or, when that is
     * taken, on the next free one (said plainly at the top of the window), and the client pointed at it
     * when it was pointed at this machine.
     */
    public void startServerForFirstUse() {
        if (serverState.get() != ServerState.STOPPED) return;
        ServerConfig config = serverConfigFromForm();
        if (config == null) return;
        serverState.set(ServerState.STARTING);
        io.execute(() -> {
            int wanted = config.port();
            for (int offset = 0; offset < 20; offset++) {
                int candidate = wanted == 0 ? 0 : wanted + offset;
                if (candidate > 65535) break;
                try {
                    server.start(withTls(config.withPort(candidate)));
                    int used = server.url().getPort();
                    dispatcher.run(() -> firstUseStarted(wanted, used));
                    return;
                } catch (ServerStartException e) {
                    if (e.problem().kind() != Problem.Kind.PORT_IN_USE || wanted == 0) {
                        dispatcher.run(() -> startFailed(e.problem()));
                        return;
                    }
                }
            }
            dispatcher.run(() -> startFailed(new Problem(Problem.Kind.PORT_IN_USE, config.bindAddress() + ":" + wanted)));
        });
    }

    private void firstUseStarted(int wanted, int used) {
        if (used != wanted && wanted != 0) {
            appNotice.set(Notice.of("autostart.otherPort", wanted, used));
            port.set(Integer.toString(used));
        }
        try {
            URI aimed = WsUrl.parse(first().urlProperty().get());
            String host = aimed.getHost();
            boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
            if (local && !first().busy()) first().urlProperty().set(serverUrl.get());
        } catch (WsUrl.InvalidUrlException e) {
            first().urlProperty().set(serverUrl.get());
        }
    }

    private void startFailed(Problem problem) {
        serverState.set(ServerState.STOPPED);
        serverNotice.set(Notice.of("problem." + problem.kind().name(), problem.detail(), ""));
        serverLog.addAll(List.of(new WsEvent.Failed(Instant.now(), "", problem)));
    }

    /** The server form as a configuration, or null (with the notice saying why) when it does not check. */
    private ServerConfig serverConfigFromForm() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 0 || p > 65535) throw new NumberFormatException();
        } catch (RuntimeException e) {
            serverNotice.set(Notice.of("form.port"));
            return null;
        }
        if (bindAddress.get() == null || bindAddress.get().isBlank()) {
            serverNotice.set(Notice.of("form.bind"));
            return null;
        }
        int interval;
        try {
            interval = Integer.parseInt(serverPingInterval.get().strip());
            if (interval < 0 || interval > 86_400) throw new NumberFormatException();
        } catch (RuntimeException e) {
            serverNotice.set(Notice.of("form.pingInterval"));
            return null;
        }
        int maxMessage;
        try {
            maxMessage = Integer.parseInt(serverMaxMessage.get().strip());
            if (maxMessage < 1) throw new NumberFormatException();
        } catch (RuntimeException e) {
            serverNotice.set(Notice.of("form.maxMessage"));
            return null;
        }
        List<String> origins = java.util.Arrays.stream((serverAllowedOrigins.get() == null ? "" : serverAllowedOrigins.get())
                .split("[,\\s]+")).filter(o -> !o.isBlank()).toList();
        ServerBehaviour b = behaviourFromForm();
        if (b == null) return null;
        serverTotals.reset();
        serverFrames.clear();
        return new ServerConfig(bindAddress.get(), p, path.get(), new ReplyTemplate(replyTemplate.get()),
                interval, b, ServerConfig.Limits.DEFAULT.withMaxMessage(maxMessage).withAllowedOrigins(origins));
    }

    /**
     * The behaviour switches as a behaviour, or null (with the notice saying which field is wrong).
     * Sets {@link #behaviourProperty()} when they check.
     */
    private ServerBehaviour behaviourFromForm() {
        ServerConfig.Refusal refusal = null;
        if (refuseUpgrade.get()) {
            Integer status = intIn(refuseStatus.get(), 200, 599);
            if (status == null || status == 101) {
                serverNotice.set(Notice.of("form.refuseStatus"));
                return null;
            }
            List<String> lines = java.util.Arrays.stream(text(refuseHeaders.get()).split("\\R"))
                    .filter(l -> !l.isBlank()).map(String::strip).toList();
            try {
                refusal = new ServerConfig.Refusal(status, reasonPhrase(status), text(refuseBody.get()), lines);
            } catch (IllegalArgumentException e) {
                serverNotice.set(Notice.of("form.refuseHeaders"));
                return null;
            }
        }
        Integer delay = intIn(replyDelay.get(), 0, ServerBehaviour.MAX_DELAY_MS);
        if (delay == null) {
            serverNotice.set(Notice.of("form.replyDelay"));
            return null;
        }
        Integer drop = intIn(dropEvery.get(), 0, Integer.MAX_VALUE);
        Integer after = intIn(closeAfter.get(), 0, Integer.MAX_VALUE);
        if (drop == null || after == null) {
            serverNotice.set(Notice.of("form.count"));
            return null;
        }
        Integer code = intIn(closeAfterCode.get(), 1000, 4999);
        if (code == null || !dev.duplex.protocol.CloseCodes.sendable(code)) {
            serverNotice.set(Notice.of("form.closeCode"));
            return null;
        }
        try {
            ServerBehaviour b = new ServerBehaviour(refusal, text(subprotocolAnswer.get()), delay, drop, after, code,
                    text(closeAfterReason.get()), serverAutoPong.get());
            behaviour.set(b);
            return b;
        } catch (IllegalArgumentException e) {
            serverNotice.set(Notice.of(e.getMessage().startsWith("subprotocol") ? "form.subprotocol" : "form.closeReason"));
            return null;
        }
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

    /**
     * Applies the behaviour switches to the running server at once (from its next handshake, message or
     * ping on); a stopped server takes them when it starts.
     */
    public void applyBehaviour() {
        ServerBehaviour b = behaviourFromForm();
        if (b == null) return;
        serverNotice.set(null);
        io.execute(() -> server.setBehaviour(b));
    }

    /** Sends the push box to every connected client. */
    public void broadcast() {
        if (serverState.get() != ServerState.RUNNING || serverClientRows.isEmpty()) {
            serverNotice.set(Notice.of("form.noClient"));
            return;
        }
        serverNotice.set(null);
        String message = text(serverPush.get());
        onServer(() -> server.broadcast(message));
    }

    /** Closes every client with 1001 and stops listening, in the background. */
    public void stopServer() {
        if (serverState.get() != ServerState.RUNNING) return;
        serverState.set(ServerState.STOPPING);
        io.execute(server::stop);
    }




    // ---- saved connections ----

    /** Where saved connections are kept; reads them now (a small local file). */
    public void useConnectionStore(ConnectionStore store) {
        connectionStore = store;
        dataDir = store.file().getParent();
        ConnectionStore.Loaded loaded = store.load();
        savedConnections.setAll(loaded.connections());
        if (loaded.movedAside() != null) appNotice.set(Notice.of("connections.reset", loaded.movedAside().toString()));
    }

    /**
     * Saves the client's URL, options and saved messages under the collection and name typed, replacing a
     * connection of the same collection and name. Written off the UI thread.
     */
    public void saveConnection() {
        ClientSession c = current();
        String name = text(c.connectionNameProperty().get()).strip();
        String collection = text(c.connectionCollectionProperty().get()).strip();
        if (name.isEmpty()) {
            c.notice(Notice.of("connections.needName"));
            return;
        }
        Integer timeout = intIn(c.connectTimeoutProperty().get(), 1, 600_000);
        if (timeout == null) {
            c.notice(Notice.of("form.timeout"));
            return;
        }
        if (collection.isEmpty()) collection = DEFAULT_COLLECTION;
        List<ConnectionStore.Message> messages = c.composer().saved().stream()
                .map(m -> new ConnectionStore.Message(m.name(), m.mode().name(), m.text())).toList();
        var saved = new ConnectionStore.SavedConnection(collection, name, text(c.urlProperty().get()).strip(),
                c.sendOriginProperty().get(), text(c.originProperty().get()),
                text(c.headersProperty().get()).lines().filter(l -> !l.isBlank()).map(String::strip).toList(),
                java.util.Arrays.stream(text(c.subprotocolsProperty().get()).split("[,\\s]+")).filter(x -> !x.isBlank()).toList(),
                c.deflateProperty().get(), timeout, messages);
        savedConnections.removeIf(x -> x.collection().equals(saved.collection()) && x.name().equals(saved.name()));
        savedConnections.add(saved);
        savedConnections.sort(java.util.Comparator.comparing(ConnectionStore.SavedConnection::label));
        persistConnections(Notice.of("connections.saved", saved.label()));
    }

    /** Fills the client's URL and options from a saved connection; its messages join the saved messages. */
    public void openConnection(ConnectionStore.SavedConnection c) {
        if (c == null) return;
        ClientSession into = current();
        into.urlProperty().set(c.url());
        into.sendOriginProperty().set(c.sendOrigin());
        into.originProperty().set(c.origin());
        into.headersProperty().set(String.join("\n", c.headers()));
        into.subprotocolsProperty().set(String.join(", ", c.subprotocols()));
        into.deflateProperty().set(c.deflate());
        into.connectTimeoutProperty().set(Integer.toString(c.timeoutMs()));
        into.connectionCollectionProperty().set(c.collection());
        into.connectionNameProperty().set(c.name());
        Composer composer = into.composer();
        for (ConnectionStore.Message m : c.messages()) {
            boolean known = composer.saved().stream().anyMatch(s -> s.name().equals(m.name()));
            if (known) continue;
            Composer.Mode mode;
            try {
                mode = Composer.Mode.valueOf(m.mode());
            } catch (IllegalArgumentException e) {
                mode = Composer.Mode.TEXT;
            }
            composer.saved().add(new Composer.Saved(m.name(), mode, m.text()));
        }
        into.notice(Notice.of("connections.opened", c.label()));
    }

    public void deleteConnection(ConnectionStore.SavedConnection c) {
        if (c == null || !savedConnections.remove(c)) return;
        persistConnections(Notice.of("connections.deleted", c.label()));
    }

    private void persistConnections(Notice done) {
        ConnectionStore store = connectionStore;
        if (store == null) return;
        ClientSession asked = current();
        List<ConnectionStore.SavedConnection> snapshot = List.copyOf(savedConnections);
        io.execute(() -> {
            Notice result = done;
            try {
                store.save(snapshot);
            } catch (java.io.IOException | RuntimeException e) {
                result = Notice.of("file.cannotWrite", store.file().toString(), String.valueOf(e.getMessage()));
            }
            Notice shown = result;
            dispatcher.run(() -> asked.notice(shown));
        });
    }

    /** The collection a connection goes to when none is typed. */
    public static final String DEFAULT_COLLECTION = "Duplex";

    // ---- keeping and sharing a conversation ----
























    // ---- the server's lab: toward the client chosen in the list ----

    /** Sends the push box to the chosen client: the server speaks first. */
    public void pushToClient() {
        String peer = chosenClient();
        if (peer == null) return;
        String text = serverPush.get() == null ? "" : serverPush.get();
        onServer(() -> server.send(peer, text));
    }

    public void pingClient() {
        String peer = chosenClient();
        if (peer == null) return;
        byte[] payload = Utf8.bytes(serverPingPayload.get() == null ? "" : serverPingPayload.get());
        onServer(() -> server.ping(peer, payload));
    }

    /** Closes the chosen client with the lab's code and reason (invalid ones go out as typed). */
    public void closeClient() {
        String peer = chosenClient();
        if (peer == null) return;
        Integer typed = ClientSession.typedCloseCode(serverCloseCode.get());
        if (typed == null) {
            serverNotice.set(Notice.of("form.closeCode"));
            return;
        }
        int code = typed;
        String reason = serverCloseReason.get() == null ? "" : serverCloseReason.get();
        byte[] reasonBytes = Utf8.bytes(reason);
        boolean valid = code != CloseRequest.NO_CODE && new CloseRequest(code, reason).valid();
        onServer(() -> {
            if (valid) server.close(peer, code, reason);
            else server.closeRaw(peer, code, reasonBytes);
        });
    }

    private String chosenClient() {
        String peer = selectedClient.get();
        if (serverState.get() != ServerState.RUNNING || peer == null || !serverClientByPeer.containsKey(peer)) {
            serverNotice.set(Notice.of("form.noClient"));
            return null;
        }
        serverNotice.set(null);
        return peer;
    }

    private void onServer(Runnable call) {
        io.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                dispatcher.run(() -> serverNotice.set(Notice.of("form.noClient")));
            }
        });
    }

    public void clearServerLog() {
        serverLog.clear();
    }


    /** Shows a note for the whole app, such as "settings were reset". */
    public void setAppNotice(Notice notice) {
        appNotice.set(notice);
    }

    /**
     * Drops the client and stops the server, off the UI thread; completes when both are done. Calling it
     * again returns the same future.
     */
    public synchronized CompletableFuture<Void> shutdown() {
        if (shutdown == null) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (ClientSession session : sessions) all.add(session.shutdown());
            all.add(CompletableFuture.runAsync(server::stop, io).whenComplete((v, e) -> io.shutdown()));
            shutdown = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }
        return shutdown;
    }

    /** The forms and window size as settings to save. */
    public Settings toSettings(double width, double height) {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 0 || p > 65535) p = Settings.defaults().port();
        } catch (RuntimeException e) {
            p = Settings.defaults().port();
        }
        ClientSession c = first();
        return new Settings(c.urlProperty().get(), p, bindAddress.get(), path.get(), replyTemplate.get(),
                c.sendOriginProperty().get(), c.originProperty().get(), serverLog.cap(), language.get(), width, height);
    }

    // ================= events from the network, on the UI thread =================

    /**
     * Puts a batch's frames into the frame list and totals of their side and its last handshake into the
     * handshake view; returns the rest, for the log.
     */
    static List<WsEvent> takeFrames(List<WsEvent> all, LogBuffer frames, FrameTotals totals,
            ReadOnlyObjectWrapper<WsEvent.Handshake> handshake) {
        List<WsEvent> events = new java.util.ArrayList<>(all.size());
        List<WsEvent> batch = new java.util.ArrayList<>();
        for (WsEvent e : all) {
            if (e instanceof WsEvent.Frame) batch.add(e);
            else events.add(e);
            if (e instanceof WsEvent.Handshake h) handshake.set(h);
        }
        frames.addAll(batch);
        totals.add(batch);
        return events;
    }

    private void onServerEvents(List<WsEvent> all) {
        List<WsEvent> events = takeFrames(all, serverFrames, serverTotals, serverHandshake);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Listening l) {
                serverState.set(ServerState.RUNNING);
                serverUrl.set(l.url().toString());
                serverAllInterfaces.set(l.allInterfaces());
                serverClients.set(0);
            } else if (e instanceof WsEvent.Stopped) {
                serverClientRows.clear();
                serverClientByPeer.clear();
                serverState.set(ServerState.STOPPED);
                serverAllInterfaces.set(false);
                serverClients.set(0);
            } else if (e instanceof WsEvent.ClientJoined j) {
                serverClients.set(j.clients());
                ServerClient row = new ServerClient(j.peer(), j.path(), j.origin(), j.subprotocol(), j.at());
                serverClientByPeer.put(j.peer(), row);
                serverClientRows.add(row);
                if (selectedClient.get() == null || !serverClientByPeer.containsKey(selectedClient.get())) {
                    selectedClient.set(j.peer());
                }
            } else if (e instanceof WsEvent.ClientLeft l) {
                serverClients.set(l.clients());
                ServerClient row = serverClientByPeer.remove(l.peer());
                if (row != null) serverClientRows.remove(row);
            } else if (e instanceof WsEvent.Received r) {
                ServerClient row = serverClientByPeer.get(r.peer());
                if (row != null) row.received(r.payload());
            } else if (e instanceof WsEvent.Sent s) {
                ServerClient row = serverClientByPeer.get(s.peer());
                if (row != null) row.sent(s.payload());
            }
        }
        serverLog.addAll(events);
    }


    // ================= client tabs =================

    /** Opens another client, aimed at the embedded server when it runs, else where the current one is. */
    public ClientSession addSession() {
        String aim = serverState.get() == ServerState.RUNNING ? serverUrl.get() : current().urlProperty().get();
        ClientSession s = new ClientSession(dispatcher, aim, current().sendOriginProperty().get(),
                current().originProperty().get(), serverLog.cap());
        sessions.add(s);
        current.set(s);
        return s;
    }

    /** Closes a client tab and its connection (1001); the last one stays. */
    public void closeSession(ClientSession s) {
        if (sessions.size() <= 1 || !sessions.contains(s)) return;
        int at = sessions.indexOf(s);
        sessions.remove(s);
        if (current.get() == s) current.set(sessions.get(Math.max(0, at - 1)));
        s.shutdown();
    }

    /** The client tabs, in order; never empty. */
    public javafx.collections.ObservableList<ClientSession> sessions() { return sessions; }
    /** The client tab in front: what the client intents below act on. */
    public ObjectProperty<ClientSession> currentSessionProperty() { return current; }
    public ClientSession current() { return current.get(); }
    /** The first client tab: the one first use aims at the server and the settings remember. */
    public ClientSession first() { return sessions.get(0); }

    // ---- the client intents, for the tab in front ----
    public void connect() { current().connect(); }
    public void disconnect() { current().disconnect(); }
    public void send() { current().send(); }
    public void sendFragmented() { current().sendFragmented(); }
    public void ping() { current().ping(); }
    public void pong() { current().pong(); }
    public void togglePeriodicPing() { current().togglePeriodicPing(); }
    public void closeWith() { current().closeWith(); }
    public void clearClientLog() { current().clearClientLog(); }
    public void startBurst() { current().startBurst(); }
    public void stopBurst() { current().stopBurst(); }
    public void saveConversation(Path file) { current().saveConversation(file); }
    public void saveText(Path file, List<String> lines) { current().saveText(file, lines); }
    public void openConversation(Path file) { current().openConversation(file); }

    // ================= properties =================

    // ---- the client tab in front ----
    public StringProperty urlProperty() { return current().urlProperty(); }
    public BooleanProperty sendOriginProperty() { return current().sendOriginProperty(); }
    public StringProperty originProperty() { return current().originProperty(); }
    public StringProperty messageProperty() { return current().messageProperty(); }
    public Composer composer() { return current().composer(); }
    public StringProperty headersProperty() { return current().headersProperty(); }
    public StringProperty subprotocolsProperty() { return current().subprotocolsProperty(); }
    public BooleanProperty deflateProperty() { return current().deflateProperty(); }
    public StringProperty connectTimeoutProperty() { return current().connectTimeoutProperty(); }
    public StringProperty pingPayloadProperty() { return current().pingPayloadProperty(); }
    public StringProperty pingEveryProperty() { return current().pingEveryProperty(); }
    public ReadOnlyBooleanProperty pingingProperty() { return current().pingingProperty(); }
    public BooleanProperty autoPongProperty() { return current().autoPongProperty(); }
    public StringProperty closeCodeProperty() { return current().closeCodeProperty(); }
    public StringProperty closeReasonProperty() { return current().closeReasonProperty(); }
    public StringProperty fragmentSizeProperty() { return current().fragmentSizeProperty(); }
    public FrameTotals clientTotals() { return current().clientTotals(); }
    public StringProperty burstTemplateProperty() { return current().burstTemplateProperty(); }
    public StringProperty connectionCollectionProperty() { return current().connectionCollectionProperty(); }
    public StringProperty connectionNameProperty() { return current().connectionNameProperty(); }
    public StringProperty burstCountProperty() { return current().burstCountProperty(); }
    public StringProperty burstEveryProperty() { return current().burstEveryProperty(); }
    public ReadOnlyBooleanProperty burstingProperty() { return current().burstingProperty(); }
    public ReadOnlyObjectProperty<ClientSession.BurstStats> burstStatsProperty() { return current().burstStatsProperty(); }
    public javafx.collections.ObservableList<Double> recentRoundTrips() { return current().recentRoundTrips(); }
    public ReadOnlyObjectProperty<ClientState> clientStateProperty() { return current().clientStateProperty(); }
    public ReadOnlyObjectProperty<Notice> clientNoticeProperty() { return current().clientNoticeProperty(); }
    public LogBuffer clientLog() { return current().clientLog(); }
    public LogBuffer clientFrames() { return current().clientFrames(); }
    public ReadOnlyObjectProperty<WsEvent.Handshake> clientHandshakeProperty() { return current().clientHandshakeProperty(); }

    // ---- the server and the app ----

    public StringProperty portProperty() { return port; }
    public StringProperty bindAddressProperty() { return bindAddress; }
    public StringProperty pathProperty() { return path; }
    public StringProperty replyTemplateProperty() { return replyTemplate; }
    public BooleanProperty serverAutoPongProperty() { return serverAutoPong; }
    public StringProperty serverPingIntervalProperty() { return serverPingInterval; }
    public StringProperty serverMaxMessageProperty() { return serverMaxMessage; }
    public StringProperty serverAllowedOriginsProperty() { return serverAllowedOrigins; }
    public StringProperty selectedClientProperty() { return selectedClient; }
    public javafx.collections.ObservableList<ServerClient> serverClientRows() { return serverClientRows; }
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
    public ReadOnlyObjectProperty<ServerBehaviour> behaviourProperty() { return behaviour.getReadOnlyProperty(); }
    public StringProperty serverPushProperty() { return serverPush; }
    public StringProperty serverPingPayloadProperty() { return serverPingPayload; }
    public StringProperty serverCloseCodeProperty() { return serverCloseCode; }
    public StringProperty serverCloseReasonProperty() { return serverCloseReason; }
    public javafx.collections.ObservableList<ConnectionStore.SavedConnection> savedConnections() { return savedConnections; }
    public BooleanProperty serverTlsProperty() { return serverTls; }
    public StringProperty serverPkcs12Property() { return serverPkcs12; }
    public StringProperty serverPkcs12PasswordProperty() { return serverPkcs12Password; }
    public ReadOnlyStringProperty serverFingerprintProperty() { return serverFingerprint.getReadOnlyProperty(); }
    public FrameTotals serverTotals() { return serverTotals; }
    public IntegerProperty logCapProperty() { return logCap; }
    public StringProperty languageProperty() { return language; }

    public ReadOnlyObjectProperty<ServerState> serverStateProperty() { return serverState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverUrlProperty() { return serverUrl.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty serverClientsProperty() { return serverClients.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty serverAllInterfacesProperty() { return serverAllInterfaces.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> serverNoticeProperty() { return serverNotice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> appNoticeProperty() { return appNotice.getReadOnlyProperty(); }
    public LogBuffer serverLog() { return serverLog; }
    public LogBuffer serverFrames() { return serverFrames; }
    public ReadOnlyObjectProperty<WsEvent.Handshake> serverHandshakeProperty() { return serverHandshake.getReadOnlyProperty(); }
}
