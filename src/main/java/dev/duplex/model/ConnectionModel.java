package dev.duplex.model;

import java.net.URI;
import java.time.Instant;
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
import dev.duplex.net.ServerConfig;
import dev.duplex.net.ServerStartException;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
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
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
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
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 0 || p > 65535) throw new NumberFormatException();
        } catch (RuntimeException e) {
            serverNotice.set(Notice.of("form.port"));
            return;
        }
        if (bindAddress.get() == null || bindAddress.get().isBlank()) {
            serverNotice.set(Notice.of("form.bind"));
            return;
        }
        ServerConfig config = new ServerConfig(bindAddress.get(), p, path.get(), new ReplyTemplate(replyTemplate.get()));
        serverState.set(ServerState.STARTING);
        io.execute(() -> {
            try {
                server.start(config);
            } catch (ServerStartException e) {
                Problem problem = e.problem();
                dispatcher.run(() -> {
                    serverState.set(ServerState.STOPPED);
                    serverNotice.set(Notice.of("problem." + problem.kind().name(), problem.detail(), ""));
                    serverLog.addAll(List.of(new WsEvent.Failed(Instant.now(), "", problem)));
                });
            }
        });
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
        ClientOptions options = new ClientOptions(originHeader, Map.of(), ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS);
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

    /** Sends the message box as a text message (an empty message is a valid message). */
    public void send() {
        if (clientState.get() != ClientState.OPEN) {
            clientNotice.set(Notice.of("form.notOpen"));
            return;
        }
        clientNotice.set(null);
        String text = message.get() == null ? "" : message.get();
        io.execute(() -> {
            try {
                client.send(text);
            } catch (RuntimeException e) {
                // The connection closed between the check above and the send.
                dispatcher.run(() -> clientNotice.set(Notice.of("form.notOpen")));
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

    private void onServerEvents(List<WsEvent> all) {
        List<WsEvent> events = new java.util.ArrayList<>(all.size());
        List<WsEvent> frames = new java.util.ArrayList<>();
        for (WsEvent e : all) {
            if (e instanceof WsEvent.Frame) frames.add(e);
            else events.add(e);
            if (e instanceof WsEvent.Handshake h) serverHandshake.set(h);
        }
        serverFrames.addAll(frames);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Listening l) {
                serverState.set(ServerState.RUNNING);
                serverUrl.set(l.url().toString());
                serverAllInterfaces.set(l.allInterfaces());
                serverClients.set(0);
            } else if (e instanceof WsEvent.Stopped) {
                serverState.set(ServerState.STOPPED);
                serverAllInterfaces.set(false);
                serverClients.set(0);
            } else if (e instanceof WsEvent.ClientJoined j) {
                serverClients.set(j.clients());
            } else if (e instanceof WsEvent.ClientLeft l) {
                serverClients.set(l.clients());
            }
        }
        serverLog.addAll(events);
    }

    private void onClientEvents(List<WsEvent> all) {
        List<WsEvent> events = new java.util.ArrayList<>(all.size());
        List<WsEvent> frames = new java.util.ArrayList<>();
        for (WsEvent e : all) {
            if (e instanceof WsEvent.Frame) frames.add(e);
            else events.add(e);
            if (e instanceof WsEvent.Handshake h) clientHandshake.set(h);
        }
        clientFrames.addAll(frames);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Opened) {
                clientState.set(ClientState.OPEN);
            } else if (e instanceof WsEvent.Closed) {
                clientState.set(ClientState.DISCONNECTED);
            }
        }
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
    public StringProperty messageProperty() { return message; }
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
