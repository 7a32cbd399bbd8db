package dev.duplex.model;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.duplex.net.ClientOptions;
import dev.duplex.net.CloseCodes;
import dev.duplex.net.EchoClient;
import dev.duplex.net.EchoServer;
import dev.duplex.net.Problem;
import dev.duplex.net.ReplyTemplate;
import dev.duplex.net.ServerBehaviour;
import dev.duplex.session.Conversation;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.session.HarFormat;
import dev.duplex.session.JsonLinesFormat;
import dev.duplex.session.SessionFileException;
import java.nio.file.Path;
import dev.duplex.net.ServerConfig;
import dev.duplex.net.ServerStartException;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import dev.duplex.net.Payload;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.settings.Settings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
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
    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final BooleanProperty sendOrigin = new SimpleBooleanProperty(this, "sendOrigin");
    private final StringProperty origin = new SimpleStringProperty(this, "origin");
    /** The message box, its modes, history and saved messages. */
    private final Composer composer = new Composer();
    // ---- client options ----
    /** Extra handshake headers, one "Name: value" per line. */
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    /** Subprotocols to offer, separated by commas or spaces. */
    private final StringProperty subprotocols = new SimpleStringProperty(this, "subprotocols", "");
    private final BooleanProperty deflate = new SimpleBooleanProperty(this, "deflate", false);
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Integer.toString(ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS));
    // ---- the client's control-frame lab ----
    private final StringProperty pingPayload = new SimpleStringProperty(this, "pingPayload", "");
    private final StringProperty pingEvery = new SimpleStringProperty(this, "pingEvery", "5");
    private final ReadOnlyBooleanWrapper pinging = new ReadOnlyBooleanWrapper(this, "pinging");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty fragmentSize = new SimpleStringProperty(this, "fragmentSize", "4");
    // ---- the server's lab ----
    private final BooleanProperty serverAutoPong = new SimpleBooleanProperty(this, "serverAutoPong", true);
    private final StringProperty serverPingInterval = new SimpleStringProperty(this, "serverPingInterval",
            Integer.toString(ServerConfig.DEFAULT_PING_INTERVAL));
    private final StringProperty serverMaxMessage = new SimpleStringProperty(this, "serverMaxMessage",
            Integer.toString(ServerConfig.Limits.DEFAULT_MAX_MESSAGE));
    /** Origins allowed to connect, separated by commas or spaces; empty allows any. */
    private final StringProperty serverAllowedOrigins = new SimpleStringProperty(this, "serverAllowedOrigins", "");
    private final javafx.collections.ObservableList<String> serverClientList =
            javafx.collections.FXCollections.observableArrayList();
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
    // ---- saved connections, in named collections ----
    private final StringProperty connectionCollection = new SimpleStringProperty(this, "connectionCollection", "");
    private final StringProperty connectionName = new SimpleStringProperty(this, "connectionName", "");
    private final javafx.collections.ObservableList<ConnectionStore.SavedConnection> savedConnections =
            javafx.collections.FXCollections.observableArrayList();
    private ConnectionStore connectionStore;
    // ---- burst and periodic sending ----
    private final StringProperty burstTemplate = new SimpleStringProperty(this, "burstTemplate", "message {n}");
    private final StringProperty burstCount = new SimpleStringProperty(this, "burstCount", "100");
    /** 0 sends them all at once; else one every so many ms. */
    private final StringProperty burstEvery = new SimpleStringProperty(this, "burstEvery", "0");
    private final ReadOnlyBooleanWrapper bursting = new ReadOnlyBooleanWrapper(this, "bursting");
    private final ReadOnlyObjectWrapper<BurstStats> burstStats = new ReadOnlyObjectWrapper<>(this, "burstStats");
    /** The latest round trips in ms, oldest first, for the live chart. */
    private final javafx.collections.ObservableList<Double> recentRoundTrips = javafx.collections.FXCollections.observableArrayList();
    private final RoundTrips roundTrips = new RoundTrips();
    private BurstRun burst;
    private final FrameTotals clientTotals = new FrameTotals();
    private final FrameTotals serverTotals = new FrameTotals();
    /** Sends the periodic pings; a daemon, so it never keeps the app alive. */
    private final java.util.concurrent.ScheduledExecutorService pingTimer =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "duplex-ping");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ScheduledFuture<?> periodicPing;
    private final IntegerProperty logCap = new SimpleIntegerProperty(this, "logCap");
    private final StringProperty language = new SimpleStringProperty(this, "language");

    // ---- what the network decides ----
    private final ReadOnlyObjectWrapper<ServerState> serverState =
            new ReadOnlyObjectWrapper<>(this, "serverState", ServerState.STOPPED);
    private final ReadOnlyStringWrapper serverUrl = new ReadOnlyStringWrapper(this, "serverUrl", "");
    private final ReadOnlyIntegerWrapper serverClients = new ReadOnlyIntegerWrapper(this, "serverClients");
    private final ReadOnlyBooleanWrapper serverAllInterfaces = new ReadOnlyBooleanWrapper(this, "serverAllInterfaces");
    private final ReadOnlyObjectWrapper<Notice> serverNotice = new ReadOnlyObjectWrapper<>(this, "serverNotice");
    private final ReadOnlyObjectWrapper<ClientState> clientState =
            new ReadOnlyObjectWrapper<>(this, "clientState", ClientState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Notice> clientNotice = new ReadOnlyObjectWrapper<>(this, "clientNotice");
    private final ReadOnlyObjectWrapper<Notice> appNotice = new ReadOnlyObjectWrapper<>(this, "appNotice");

    private final LogBuffer serverLog;
    private final LogBuffer clientLog;
    /** Every frame, both ways, for the frame inspectors; kept apart from the event logs. */
    private final LogBuffer serverFrames;
    private final LogBuffer clientFrames;
    private final ReadOnlyObjectWrapper<WsEvent.Handshake> clientHandshake =
            new ReadOnlyObjectWrapper<>(this, "clientHandshake");
    private final ReadOnlyObjectWrapper<WsEvent.Handshake> serverHandshake =
            new ReadOnlyObjectWrapper<>(this, "serverHandshake");

    private final Dispatcher dispatcher;
    /** Every call that may block on the network (start, stop, close) runs here, never on the UI thread. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplex-io");
        t.setDaemon(true);
        return t;
    });
    private final EchoServer server;
    private final EchoClient client;
    private CompletableFuture<Void> shutdown;

    public ConnectionModel(Settings settings, Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        // One sink object per log: the dispatcher groups consecutive events by sink identity, and a
        // method reference written at each post would be a new object every time (batches of one).
        Consumer<List<WsEvent>> serverSink = this::onServerEvents;
        Consumer<List<WsEvent>> clientSink = this::onClientEvents;
        this.server = new EchoServer(event -> dispatcher.post(serverSink, event));
        this.client = new EchoClient(event -> dispatcher.post(clientSink, event));
        serverLog = new LogBuffer(settings.logCap());
        clientLog = new LogBuffer(settings.logCap());
        serverFrames = new LogBuffer(settings.logCap());
        clientFrames = new LogBuffer(settings.logCap());
        port.set(Integer.toString(settings.port()));
        bindAddress.set(settings.bindAddress());
        path.set(settings.path());
        replyTemplate.set(settings.replyTemplate());
        url.set(settings.lastUrl());
        sendOrigin.set(settings.sendOrigin());
        origin.set(settings.origin());
        logCap.set(settings.logCap());
        language.set(settings.language());
        autoPong.addListener((o, a, on) -> client.setAutoPong(on));
        logCap.addListener((obs, old, cap) -> {
            int c = Math.max(Settings.MIN_LOG_CAP, Math.min(Settings.MAX_LOG_CAP, cap.intValue()));
            serverLog.setCap(c);
            clientLog.setCap(c);
            serverFrames.setCap(c);
            clientFrames.setCap(c);
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
                server.start(config);
            } catch (ServerStartException e) {
                dispatcher.run(() -> startFailed(e.problem()));
            }
        });
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
                    server.start(config.withPort(candidate));
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
            URI current = WsUrl.parse(url.get());
            String host = current.getHost();
            boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
            if (local && clientState.get() == ClientState.DISCONNECTED) url.set(serverUrl.get());
        } catch (WsUrl.InvalidUrlException e) {
            url.set(serverUrl.get());
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
        if (code == null || !dev.duplex.net.CloseCodes.sendable(code)) {
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

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Integer intIn(String typed, int min, int max) {
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

    /** Checks the URL and starts connecting in the background. */
    public void connect() {
        if (clientState.get() != ClientState.DISCONNECTED) return;
        clientNotice.set(null);
        URI uri;
        try {
            uri = WsUrl.parse(url.get());
        } catch (WsUrl.InvalidUrlException e) {
            clientNotice.set(Notice.of(e.key(), e.detail()));
            return;
        }
        String originHeader = null;
        if (sendOrigin.get()) {
            String typed = origin.get() == null ? "" : origin.get().strip();
            originHeader = typed.isEmpty() ? WsUrl.defaultOrigin(uri) : typed;
        }
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (String line : (headers.get() == null ? "" : headers.get()).split("\\R")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                clientNotice.set(Notice.of("form.header", line.strip()));
                return;
            }
            extra.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        int timeout;
        try {
            timeout = Integer.parseInt(connectTimeout.get().strip());
            if (timeout < 1 || timeout > 600_000) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.timeout"));
            return;
        }
        List<String> offered = java.util.Arrays.stream((subprotocols.get() == null ? "" : subprotocols.get()).split("[,\\s]+"))
                .filter(x -> !x.isBlank()).toList();
        ClientOptions options = new ClientOptions(originHeader, extra, timeout, offered, deflate.get());
        clientTotals.reset();
        clientFrames.clear();
        clientState.set(ClientState.CONNECTING);
        io.execute(() -> client.connect(uri, options));
    }

    /** Closes the connection with 1000 (normal closure); onclose follows when the server answers. */
    public void disconnect() {
        ClientState s = clientState.get();
        if (s != ClientState.OPEN && s != ClientState.CONNECTING) return;
        clientState.set(ClientState.CLOSING);
        io.execute(() -> client.close(CloseCodes.NORMAL, ""));
    }

    /**
     * Sends the message box as its mode says: text (an empty message is a valid message), JSON (checked
     * first), or binary typed as hex or base64.
     */
    public void send() {
        Payload payload = readyToSend();
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        onClient(() -> {
            if (payload.isBinary()) client.send(payload.bytes());
            else client.send(payload.text());
        });
    }

    // ---- saved connections ----

    /** Where saved connections are kept; reads them now (a small local file). */
    public void useConnectionStore(ConnectionStore store) {
        connectionStore = store;
        ConnectionStore.Loaded loaded = store.load();
        savedConnections.setAll(loaded.connections());
        if (loaded.movedAside() != null) appNotice.set(Notice.of("connections.reset", loaded.movedAside().toString()));
    }

    /**
     * Saves the client's URL, options and saved messages under the collection and name typed, replacing a
     * connection of the same collection and name. Written off the UI thread.
     */
    public void saveConnection() {
        String name = text(connectionName.get()).strip();
        String collection = text(connectionCollection.get()).strip();
        if (name.isEmpty()) {
            clientNotice.set(Notice.of("connections.needName"));
            return;
        }
        Integer timeout = intIn(connectTimeout.get(), 1, 600_000);
        if (timeout == null) {
            clientNotice.set(Notice.of("form.timeout"));
            return;
        }
        if (collection.isEmpty()) collection = DEFAULT_COLLECTION;
        List<ConnectionStore.Message> messages = composer.saved().stream()
                .map(m -> new ConnectionStore.Message(m.name(), m.mode().name(), m.text())).toList();
        var saved = new ConnectionStore.SavedConnection(collection, name, text(url.get()).strip(), sendOrigin.get(),
                text(origin.get()), text(headers.get()).lines().filter(l -> !l.isBlank()).map(String::strip).toList(),
                java.util.Arrays.stream(text(subprotocols.get()).split("[,\\s]+")).filter(x -> !x.isBlank()).toList(),
                deflate.get(), timeout, messages);
        savedConnections.removeIf(c -> c.collection().equals(saved.collection()) && c.name().equals(saved.name()));
        savedConnections.add(saved);
        savedConnections.sort(java.util.Comparator.comparing(ConnectionStore.SavedConnection::label));
        persistConnections(Notice.of("connections.saved", saved.label()));
    }

    /** Fills the client's URL and options from a saved connection; its messages join the saved messages. */
    public void openConnection(ConnectionStore.SavedConnection c) {
        if (c == null) return;
        url.set(c.url());
        sendOrigin.set(c.sendOrigin());
        origin.set(c.origin());
        headers.set(String.join("\n", c.headers()));
        subprotocols.set(String.join(", ", c.subprotocols()));
        deflate.set(c.deflate());
        connectTimeout.set(Integer.toString(c.timeoutMs()));
        connectionCollection.set(c.collection());
        connectionName.set(c.name());
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
        clientNotice.set(Notice.of("connections.opened", c.label()));
    }

    public void deleteConnection(ConnectionStore.SavedConnection c) {
        if (c == null || !savedConnections.remove(c)) return;
        persistConnections(Notice.of("connections.deleted", c.label()));
    }

    private void persistConnections(Notice done) {
        ConnectionStore store = connectionStore;
        if (store == null) return;
        List<ConnectionStore.SavedConnection> snapshot = List.copyOf(savedConnections);
        io.execute(() -> {
            Notice result = done;
            try {
                store.save(snapshot);
            } catch (java.io.IOException | RuntimeException e) {
                result = Notice.of("file.cannotWrite", store.file().toString(), String.valueOf(e.getMessage()));
            }
            Notice shown = result;
            dispatcher.run(() -> clientNotice.set(shown));
        });
    }

    /** The collection a connection goes to when none is typed. */
    public static final String DEFAULT_COLLECTION = "Duplex";

    // ---- keeping and sharing a conversation ----

    /**
     * The client's conversation as it stands: the last handshake, every frame the frame view holds, and how
     * the last connection ended. (The frame view keeps the newest frames up to the log limit.)
     */
    private Conversation currentConversation() {
        List<WsEvent> events = new ArrayList<>();
        WsEvent.Opened opened = null;
        WsEvent.Closed closed = null;
        for (WsEvent e : clientLog.events()) {
            if (e instanceof WsEvent.Opened o) {
                opened = o;
                closed = null;
            } else if (e instanceof WsEvent.Closed c) {
                closed = c;
            }
        }
        if (clientHandshake.get() != null) events.add(clientHandshake.get());
        if (opened != null) events.add(opened);
        events.addAll(clientFrames.events());
        if (closed != null) events.add(closed);
        if (opened == null && clientHandshake.get() == null && clientFrames.events().isEmpty()) return null;
        return Conversation.allOf(events).get(0);
    }

    /**
     * Saves the client's conversation (handshake, every frame with its time, the close) as HAR when the file
     * ends in .har, else as JSON Lines. Written off the UI thread, atomically; the notice says how it went.
     */
    public void saveConversation(Path file) {
        Conversation c;
        try {
            c = currentConversation();
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null) {
            clientNotice.set(Notice.of("file.nothing"));
            return;
        }
        Conversation conversation = c;
        boolean har = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + HarFormat.EXTENSION);
        writeOffThread(file, out -> {
            if (har) HarFormat.write(conversation, out);
            else JsonLinesFormat.write(conversation, out);
        }, Notice.of("file.saved", conversation.frames().size(), file.getFileName().toString()));
    }

    /** Saves lines of text (the log as shown) to a file, off the UI thread. */
    public void saveText(Path file, List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        writeOffThread(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Notice.of("file.savedLog", lines.size(), file.getFileName().toString()));
    }

    private interface Writing {
        void to(java.io.OutputStream out) throws java.io.IOException;
    }

    private void writeOffThread(Path file, Writing writing, Notice done) {
        io.execute(() -> {
            Notice result = done;
            try {
                // Written beside, then moved over: a crash never leaves half a file under the chosen name.
                Path dir = file.toAbsolutePath().getParent();
                Path tmp = java.nio.file.Files.createTempFile(dir, ".duplex-", ".tmp");
                try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
                    writing.to(out);
                }
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException | RuntimeException e) {
                result = Notice.of("file.cannotWrite", file.getFileName().toString(), String.valueOf(e.getMessage()));
            }
            Notice shown = result;
            dispatcher.run(() -> clientNotice.set(shown));
        });
    }

    /**
     * Opens a conversation saved as JSON Lines or HAR (a browser's export included) into the client's frame
     * and handshake views, to read it there. Only while disconnected: a live connection owns those views.
     */
    public void openConversation(Path file) {
        if (clientState.get() != ClientState.DISCONNECTED) {
            clientNotice.set(Notice.of("file.disconnectFirst"));
            return;
        }
        String name = file.getFileName().toString();
        boolean har = name.toLowerCase(java.util.Locale.ROOT).endsWith("." + HarFormat.EXTENSION);
        io.execute(() -> {
            List<Conversation> found;
            Notice problem = null;
            try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
                found = har ? HarFormat.read(in) : List.of(JsonLinesFormat.read(in));
            } catch (SessionFileException e) {
                found = List.of();
                problem = Notice.of("file.bad", name, e.line(), e.problem());
            } catch (java.io.IOException | RuntimeException e) {
                found = List.of();
                problem = Notice.of("file.cannotRead", name, String.valueOf(e.getMessage()));
            }
            List<Conversation> conversations = found;
            Notice failed = problem;
            dispatcher.run(() -> {
                if (failed != null) {
                    clientNotice.set(failed);
                } else if (conversations.isEmpty()) {
                    clientNotice.set(Notice.of("file.noWebSocket", name));
                } else {
                    show(conversations.get(0));
                    clientNotice.set(Notice.of(conversations.size() > 1 ? "file.openedFirst" : "file.opened",
                            conversations.get(0).frames().size(), conversations.get(0).url().toString(), conversations.size()));
                }
            });
        });
    }

    /** Puts a conversation read from a file into the frame and handshake views. */
    private void show(Conversation c) {
        String peer = c.url().toString();
        List<WsEvent> frames = new ArrayList<>();
        for (Conversation.Frame f : c.frames()) frames.add(f.toEvent(peer));
        clientFrames.clear();
        clientTotals.reset();
        clientFrames.addAll(frames);
        clientTotals.add(frames);
        clientHandshake.set(c.handshake() == null ? null : new WsEvent.Handshake(c.handshake().at(), peer, c.handshake().record()));
    }

    /** What a burst has done so far: counts, rate and round-trip percentiles in ms. */
    public record BurstStats(int sent, int count, int answered, double perSecond, double p50, double p90, double p99,
            double max) { }

    /** How many round trips the chart shows. */
    static final int CHART_POINTS = 300;

    /**
     * Sends the burst's messages from its template ({n} counts from 1), all at once or one every so many
     * ms, and measures each reply's round trip.
     */
    public void startBurst() {
        if (!checkOpen() || bursting.get()) return;
        Integer count = null;
        Integer every = null;
        try {
            count = Integer.parseInt(burstCount.get().strip());
            every = Integer.parseInt(burstEvery.get().strip());
        } catch (RuntimeException e) {
            // reported below
        }
        if (count == null || count < 1 || count > BurstRun.MAX_COUNT || every == null || every < 0 || every > 3_600_000) {
            clientNotice.set(Notice.of("form.burst"));
            return;
        }
        clientNotice.set(null);
        if (burst != null) burst.stop();
        roundTrips.clear();
        recentRoundTrips.clear();
        burst = new BurstRun(burstTemplate.get() == null ? "" : burstTemplate.get(), count, every);
        BurstRun run = burst;
        bursting.set(true);
        burstStats.set(new BurstStats(0, count, 0, 0, 0, 0, 0, 0));
        run.start(client::send, () -> dispatcher.run(() -> {
            if (burst == run) {
                bursting.set(false);
                updateBurstStats();
            }
        }));
    }

    /** Stops sending; replies still on their way are counted when they come. */
    public void stopBurst() {
        if (burst != null) burst.stop();
        bursting.set(false);
        updateBurstStats();
    }

    private void updateBurstStats() {
        BurstRun run = burst;
        if (run == null) return;
        int n = roundTrips.count();
        burstStats.set(new BurstStats(run.sent(), run.count(), n, run.replyRate(n), roundTrips.percentile(0.5) / 1e6,
                roundTrips.percentile(0.9) / 1e6, roundTrips.percentile(0.99) / 1e6, roundTrips.max() / 1e6));
    }

    /** Matches this batch's replies to the burst's messages. */
    private void countRoundTrips(List<WsEvent> events) {
        BurstRun run = burst;
        if (run == null) return;
        List<Double> fresh = new ArrayList<>();
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Received r && !r.payload().isBinary()) {
                long rtt = run.replied(r.payload().text(), BurstRun.nanos(r.at()));
                if (rtt >= 0) {
                    roundTrips.add(rtt);
                    fresh.add(rtt / 1e6);
                }
            }
        }
        if (fresh.isEmpty()) return;
        // One change to the chart's list per batch, not one per reply.
        if (fresh.size() >= CHART_POINTS) {
            recentRoundTrips.setAll(fresh.subList(fresh.size() - CHART_POINTS, fresh.size()));
        } else {
            int overflow = recentRoundTrips.size() + fresh.size() - CHART_POINTS;
            if (overflow > 0) recentRoundTrips.remove(0, overflow);
            recentRoundTrips.addAll(fresh);
        }
        updateBurstStats();
    }

    /** Sends the message box cut into frames of the lab's fragment size. */
    public void sendFragmented() {
        int size;
        try {
            size = Integer.parseInt(fragmentSize.get().strip());
            if (size < 1) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.fragmentSize"));
            return;
        }
        Payload payload = readyToSend();
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        onClient(() -> client.sendFragmented(payload, size));
    }

    /** Pings with the lab's payload (UTF-8 of what is typed). */
    public void ping() {
        if (!checkOpen()) return;
        byte[] payload = EchoClient.utf8(pingPayload.get() == null ? "" : pingPayload.get());
        onClient(() -> client.ping(payload));
    }

    /** Sends an unsolicited pong with the lab's payload (a heartbeat that needs no answer). */
    public void pong() {
        if (!checkOpen()) return;
        byte[] payload = EchoClient.utf8(pingPayload.get() == null ? "" : pingPayload.get());
        onClient(() -> client.pong(payload));
    }

    /** Starts or stops pinging every {@code pingEvery} seconds. */
    public void togglePeriodicPing() {
        if (periodicPing != null) {
            stopPeriodicPing();
            return;
        }
        if (!checkOpen()) return;
        double seconds;
        try {
            seconds = Double.parseDouble(pingEvery.get().strip());
            if (!(seconds >= 0.05 && seconds <= 3600)) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.pingEvery"));
            return;
        }
        byte[] payload = EchoClient.utf8(pingPayload.get() == null ? "" : pingPayload.get());
        long period = (long) (seconds * 1000);
        periodicPing = pingTimer.scheduleAtFixedRate(() -> io.execute(() -> {
            try {
                client.ping(payload);
            } catch (RuntimeException closed) {
                // the connection ended; the Closed event stops the timer
            }
        }), period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        pinging.set(true);
    }

    private void stopPeriodicPing() {
        if (periodicPing != null) periodicPing.cancel(false);
        periodicPing = null;
        pinging.set(false);
    }

    /**
     * Closes with the lab's code and reason. A code and reason a close frame may carry go through the
     * closing handshake; any other (999, 1005, 1006, a reason over 123 bytes, or no code at all when
     * the code box is empty) goes out as typed, to see what the server does.
     */
    public void closeWith() {
        if (!checkOpen()) return;
        Integer typed = typedCloseCode(closeCode.get());
        if (typed == null) {
            clientNotice.set(Notice.of("form.closeCode"));
            return;
        }
        int code = typed;
        String reason = closeReason.get() == null ? "" : closeReason.get();
        byte[] reasonBytes = EchoClient.utf8(reason);
        boolean valid = code != CloseRequest.NO_CODE && new CloseRequest(code, reason).valid();
        clientState.set(ClientState.CLOSING);
        onClient(() -> {
            if (valid) client.close(code, reason);
            else client.closeRaw(code, reasonBytes);
        });
    }

    /**
     * A close code as typed in a lab: {@link CloseRequest#NO_CODE} when the box is empty (a close frame
     * without code), null when it is not a number that fits two bytes.
     */
    private static Integer typedCloseCode(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return CloseRequest.NO_CODE;
        try {
            int code = Integer.parseInt(t);
            return code >= 0 && code <= 65535 ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean checkOpen() {
        if (clientState.get() != ClientState.OPEN) {
            clientNotice.set(Notice.of("form.notOpen"));
            return false;
        }
        clientNotice.set(null);
        return true;
    }

    private Payload readyToSend() {
        if (!checkOpen()) return null;
        Composer.Encoded encoded = composer.encode();
        if (encoded instanceof Composer.Invalid bad) {
            clientNotice.set(bad.why());
            return null;
        }
        return ((Composer.Ready) encoded).payload();
    }

    /** Runs a client call off the UI thread; a connection that closed meanwhile becomes a notice. */
    private void onClient(Runnable call) {
        io.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                dispatcher.run(() -> clientNotice.set(Notice.of("form.notOpen")));
            }
        });
    }

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
        byte[] payload = EchoClient.utf8(serverPingPayload.get() == null ? "" : serverPingPayload.get());
        onServer(() -> server.ping(peer, payload));
    }

    /** Closes the chosen client with the lab's code and reason (invalid ones go out as typed). */
    public void closeClient() {
        String peer = chosenClient();
        if (peer == null) return;
        Integer typed = typedCloseCode(serverCloseCode.get());
        if (typed == null) {
            serverNotice.set(Notice.of("form.closeCode"));
            return;
        }
        int code = typed;
        String reason = serverCloseReason.get() == null ? "" : serverCloseReason.get();
        byte[] reasonBytes = EchoClient.utf8(reason);
        boolean valid = code != CloseRequest.NO_CODE && new CloseRequest(code, reason).valid();
        onServer(() -> {
            if (valid) server.close(peer, code, reason);
            else server.closeRaw(peer, code, reasonBytes);
        });
    }

    private String chosenClient() {
        String peer = selectedClient.get();
        if (serverState.get() != ServerState.RUNNING || peer == null || !serverClientList.contains(peer)) {
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

    public void clearClientLog() {
        clientLog.clear();
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
            pingTimer.shutdownNow();
            if (burst != null) burst.stop();
            shutdown = CompletableFuture.runAsync(() -> {
                client.close(CloseCodes.GOING_AWAY, "Duplex is closing");
                server.stop();
            }, io).whenComplete((v, e) -> io.shutdown());
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
        return new Settings(url.get(), p, bindAddress.get(), path.get(), replyTemplate.get(), sendOrigin.get(),
                origin.get(), serverLog.cap(), language.get(), width, height);
    }

    // ================= events from the network, on the UI thread =================

    /**
     * Puts a batch's frames into the frame list and totals of their side and its last handshake into the
     * handshake view; returns the rest, for the log.
     */
    private static List<WsEvent> takeFrames(List<WsEvent> all, LogBuffer frames, FrameTotals totals,
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
                serverClientList.clear();
                serverClientRows.clear();
                serverClientByPeer.clear();
                serverState.set(ServerState.STOPPED);
                serverAllInterfaces.set(false);
                serverClients.set(0);
            } else if (e instanceof WsEvent.ClientJoined j) {
                serverClients.set(j.clients());
                serverClientList.add(j.peer());
                ServerClient row = new ServerClient(j.peer(), j.path(), j.origin(), j.subprotocol(), j.at());
                serverClientByPeer.put(j.peer(), row);
                serverClientRows.add(row);
                if (selectedClient.get() == null || !serverClientList.contains(selectedClient.get())) {
                    selectedClient.set(j.peer());
                }
            } else if (e instanceof WsEvent.ClientLeft l) {
                serverClients.set(l.clients());
                serverClientList.remove(l.peer());
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

    private void onClientEvents(List<WsEvent> all) {
        List<WsEvent> events = takeFrames(all, clientFrames, clientTotals, clientHandshake);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Opened) {
                clientState.set(ClientState.OPEN);
            } else if (e instanceof WsEvent.Closed) {
                clientState.set(ClientState.DISCONNECTED);
                stopPeriodicPing();
                if (bursting.get()) stopBurst();
            }
        }
        countRoundTrips(events);
        clientLog.addAll(events);
    }

    // ================= properties =================

    public StringProperty portProperty() { return port; }
    public StringProperty bindAddressProperty() { return bindAddress; }
    public StringProperty pathProperty() { return path; }
    public StringProperty replyTemplateProperty() { return replyTemplate; }
    public StringProperty urlProperty() { return url; }
    public BooleanProperty sendOriginProperty() { return sendOrigin; }
    public StringProperty originProperty() { return origin; }
    public StringProperty messageProperty() { return composer.textProperty(); }
    public Composer composer() { return composer; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty subprotocolsProperty() { return subprotocols; }
    public BooleanProperty deflateProperty() { return deflate; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty pingPayloadProperty() { return pingPayload; }
    public StringProperty pingEveryProperty() { return pingEvery; }
    public ReadOnlyBooleanProperty pingingProperty() { return pinging.getReadOnlyProperty(); }
    public BooleanProperty autoPongProperty() { return autoPong; }
    public StringProperty closeCodeProperty() { return closeCode; }
    public StringProperty closeReasonProperty() { return closeReason; }
    public StringProperty fragmentSizeProperty() { return fragmentSize; }
    public BooleanProperty serverAutoPongProperty() { return serverAutoPong; }
    public StringProperty serverPingIntervalProperty() { return serverPingInterval; }
    public StringProperty serverMaxMessageProperty() { return serverMaxMessage; }
    public StringProperty serverAllowedOriginsProperty() { return serverAllowedOrigins; }
    public javafx.collections.ObservableList<String> serverClientList() {
        return javafx.collections.FXCollections.unmodifiableObservableList(serverClientList);
    }
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
    public FrameTotals clientTotals() { return clientTotals; }
    public StringProperty burstTemplateProperty() { return burstTemplate; }
    public StringProperty connectionCollectionProperty() { return connectionCollection; }
    public StringProperty connectionNameProperty() { return connectionName; }
    public javafx.collections.ObservableList<ConnectionStore.SavedConnection> savedConnections() { return savedConnections; }
    public StringProperty burstCountProperty() { return burstCount; }
    public StringProperty burstEveryProperty() { return burstEvery; }
    public ReadOnlyBooleanProperty burstingProperty() { return bursting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BurstStats> burstStatsProperty() { return burstStats.getReadOnlyProperty(); }
    public javafx.collections.ObservableList<Double> recentRoundTrips() { return recentRoundTrips; }
    public FrameTotals serverTotals() { return serverTotals; }
    public IntegerProperty logCapProperty() { return logCap; }
    public StringProperty languageProperty() { return language; }

    public ReadOnlyObjectProperty<ServerState> serverStateProperty() { return serverState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverUrlProperty() { return serverUrl.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty serverClientsProperty() { return serverClients.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty serverAllInterfacesProperty() { return serverAllInterfaces.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> serverNoticeProperty() { return serverNotice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClientState> clientStateProperty() { return clientState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> clientNoticeProperty() { return clientNotice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> appNoticeProperty() { return appNotice.getReadOnlyProperty(); }
    public LogBuffer serverLog() { return serverLog; }
    public LogBuffer clientLog() { return clientLog; }
    public LogBuffer serverFrames() { return serverFrames; }
    public LogBuffer clientFrames() { return clientFrames; }
    public ReadOnlyObjectProperty<WsEvent.Handshake> clientHandshakeProperty() { return clientHandshake.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WsEvent.Handshake> serverHandshakeProperty() { return serverHandshake.getReadOnlyProperty(); }
}
