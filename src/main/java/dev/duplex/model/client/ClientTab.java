package dev.duplex.model.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.LogBuffer;
import dev.duplex.model.Notice;
import dev.duplex.model.WireLog;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.decode.AppProtocol;
import dev.duplex.model.decode.Decoding;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.net.outbound.ProxyEnvironment;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.tls.client.ClientTls;
import dev.duplex.net.client.WsClient;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.tls.Fingerprint;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One client connection of the window, as its tab shows it: the URL, what the network decided (state,
 * notice, log, frames, handshake), certificate trust, and its options, composer, control frames and
 * burst as models of their own. Several tabs can be open at once, each with its own connection and its
 * own background thread; they share the dispatcher, so the FX thread still gets one batch per pulse.
 * FX thread only.
 */
public final class ClientTab {
    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final ReadOnlyObjectWrapper<ClientState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ClientState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    /** The fingerprint of the certificate last refused in a way the user may overrule, or null. */
    private final ReadOnlyStringWrapper refusedCertificate = new ReadOnlyStringWrapper(this, "refusedCertificate");
    private final Set<Fingerprint> trustedCertificates = new LinkedHashSet<>();
    /** How this tab's URL would go out with its proxy field, and why; null while either does not read. */
    private final ReadOnlyObjectWrapper<ProxyRoute> route = new ReadOnlyObjectWrapper<>(this, "route");
    /** Where the proxy variables are read: the process's environment, unless a test gives another. */
    private Map<String, String> environment = System.getenv();
    private final LogBuffer log;
    private final WireLog wire;

    private final Background io;
    private final WsClient client;
    private final ConnectionOptions options;
    private final Composer composer;
    private final ControlFrames controlFrames;
    private final Burst burst;
    private final ConversationFiles files;
    private final SharedCommands commands;
    private final Login login = new Login();
    private final Decoding decoding = new Decoding();
    private final dev.duplex.model.rules.TabRules rules = new dev.duplex.model.rules.TabRules();
    private CompletableFuture<Void> shutdown;

    /** What this tab's labs may ask of it. */
    private final Gate gate = new Gate() {
        @Override
        public boolean open() {
            if (state.get() != ClientState.OPEN) {
                notice.set(Notice.of("form.notOpen"));
                return false;
            }
            notice.set(null);
            return true;
        }

        @Override
        public void notice(Notice n) {
            notice.set(n);
        }

        @Override
        public void closing() {
            rules.closing(); // a close typed in the tab is the user's too: never undone by a reconnect
            state.set(ClientState.CLOSING);
        }
    };

    public ClientTab(Dispatcher dispatcher, MessageLibrary library, String initialUrl, boolean sendOrigin,
            String origin, int logCap) {
        this.io = new Background(dispatcher, "duplex-client-io");
        // One sink object for this tab: the dispatcher groups consecutive events by sink identity.
        Consumer<List<WsEvent>> sink = this::onEvents;
        this.client = new WsClient(event -> dispatcher.post(sink, event));
        this.log = new LogBuffer(logCap);
        this.wire = new WireLog(logCap);
        this.options = new ConnectionOptions(sendOrigin, origin);
        this.composer = new Composer(library, io);
        this.controlFrames = new ControlFrames(client, io, gate, composer);
        this.burst = new Burst(client, io, gate);
        this.files = new ConversationFiles(log, wire, io, notice::set, () -> state.get() == ClientState.DISCONNECTED);
        this.commands = new SharedCommands(url, options, login, notice::set);
        files.secretParams(login::secretParams);
        decoding.onTime(log::addAll, this::sendAnswer, io::onFx);
        rules.reconnectWith(() -> {
            if (shutdown == null) connect(false);
        }, io::onFx);
        url.set(initialUrl);
        url.addListener((o, was, now) -> updateRoute());
        options.proxyProperty().addListener((o, was, now) -> updateRoute());
        updateRoute();
    }

    /** Reads the proxy variables from this map instead of the process's environment (for tests). */
    public void environment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
        io.run(() -> client.environment(environment));
        updateRoute();
    }

    private void updateRoute() {
        Checked<ProxyChoice> choice = options.proxyChoice();
        Checked<URI> at = ClientInput.url(url.get());
        route.set(choice.isOk() && at.isOk() ? ProxyEnvironment.route(at.value(), choice.value(), environment) : null);
    }

    /** Checks the URL and the options and starts connecting in the background. */
    public void connect() {
        connect(true);
    }

    /** @param fresh whether the rules start anew (a Connect), or go on (their own reconnect) */
    private void connect(boolean fresh) {
        if (state.get() != ClientState.DISCONNECTED) return;
        notice.set(null);
        List<WsEvent> said = new java.util.ArrayList<>();
        // The rules and the environment first: their variables fill {{name}} in the URL and the headers.
        if (fresh) rules.prepare(said);
        log.addAll(said); // said even when a field below does not check
        said.clear();
        Checked<ClientInput.Connection> chosen = options.connection(url.get(), rules::fill);
        if (!chosen.isOk()) {
            notice.set(Notice.of(chosen.problem()));
            return;
        }
        Checked<dev.duplex.options.AuthInput.Auth> auth = login.auth();
        if (!auth.isOk()) {
            notice.set(Notice.of(auth.problem()));
            return;
        }
        Checked<ProxyChoice> through = options.proxyChoice();
        if (!through.isOk()) {
            notice.set(Notice.of(through.problem()));
            return;
        }
        ClientTlsInput tls = options.clientTls();
        Checked<?> named = tls.files();
        if (!named.isOk()) {
            notice.set(Notice.of(named.problem()));
            return;
        }
        ClientInput.Connection c = decoding.prepare(auth.value().applyTo(chosen.value()), said);
        if (fresh) wire.clear();
        log.addAll(said);
        state.set(ClientState.CONNECTING);
        io.run(() -> {
            // The certificate, key and CA files are read here, off the FX thread; one that does not do is
            // said on the tab, and the tab stays disconnected.
            Checked<ClientTls> loaded = tls.load();
            if (!loaded.isOk()) {
                io.onFx(() -> {
                    state.set(ClientState.DISCONNECTED);
                    notice.set(Notice.of(loaded.problem()));
                });
                return;
            }
            client.clientTls(loaded.value());
            client.proxy(through.value());
            client.connect(c.url(), c.options());
        });
    }

    /** Closes the connection with 1000 (normal closure); onclose follows when the server answers. */
    public void disconnect() {
        ClientState s = state.get();
        rules.closing();
        if (s != ClientState.OPEN && s != ClientState.CONNECTING) return;
        state.set(ClientState.CLOSING);
        io.run(() -> client.close(CloseCodes.NORMAL, ""));
    }

    /** Sends the message box as its mode says: text, JSON (checked first), or bytes typed as hex or base64. */
    public void send() {
        if (!gate.open()) return;
        AppProtocol.Turn command = decoding.command(composer.textProperty().get());
        if (command != null) {
            // One of the protocol's commands (/emit …): its lines in the log, its message sent.
            composer.remember(composer.textProperty().get());
            log.addAll(Decoding.lines(command));
            command.replies().forEach(this::sendAnswer);
            return;
        }
        Payload payload = composer.payloadOrSayWhyNot(gate::notice);
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        // {{name}} filled from the rules' variables here, on the FX thread that owns them.
        String text = payload.isBinary() ? null : rules.fill(payload.text());
        io.runOr(() -> {
            if (payload.isBinary()) client.send(payload.bytes());
            else client.send(text);
        }, () -> notice.set(Notice.of("form.notOpen")));
    }

    /**
     * Trusts the certificate the server last showed and this tab refused, by its SHA-256 fingerprint, for
     * this tab's next connections. Every other certificate keeps the normal checks.
     */
    public void trustRefusedCertificate() {
        String fingerprint = refusedCertificate.get();
        if (fingerprint == null) return;
        trustedCertificates.add(Fingerprint.parse(fingerprint));
        client.trust(trustedCertificates);
        refusedCertificate.set(null);
        notice.set(Notice.of("client.trusted", fingerprint));
    }

    /** Saves the conversation as HAR when the file ends in .har, else as JSON Lines. */
    public void saveConversation(Path file) {
        files.save(file);
    }

    /** Saves lines of text (the log as shown) to a file. */
    public void saveText(Path file, List<String> lines) {
        files.saveText(file, lines);
    }

    /** Opens a JSON Lines or HAR file (a browser's too) into the Frames and Handshake views, while disconnected. */
    public void openConversation(Path file) {
        files.open(file);
    }

    public void clearLog() {
        log.clear();
    }

    /** Says something in this tab's notice line (a saved connection opened, say). */
    public void notice(Notice n) {
        notice.set(n);
    }

    /** Whether the connection is open or on its way. */
    public boolean busy() {
        return state.get() != ClientState.DISCONNECTED;
    }

    /** The host, port and path of the URL, for the tab's title. */
    public String title() {
        String u = Objects.requireNonNullElse(url.get(), "");
        try {
            URI uri = WsUrl.parse(u);
            return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath());
        } catch (WsUrl.InvalidUrlException e) {
            return u.isBlank() ? "?" : u;
        }
    }

    public void setLogCap(int cap) {
        log.setCap(cap);
        wire.setCap(cap);
    }

    /** Closes the connection with 1001 and stops this tab's timers; completes when done. */
    public CompletableFuture<Void> shutdown() {
        if (shutdown == null) {
            controlFrames.shutdown();
            rules.shutdown();
            decoding.shutdown();
            burst.shutdown();
            shutdown = io.finish(() -> client.close(CloseCodes.GOING_AWAY, "Duplex is closing"));
        }
        return shutdown;
    }

    private void onEvents(List<WsEvent> all) {
        List<WsEvent> events = wire.take(all);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Opened) {
                state.set(ClientState.OPEN);
                refusedCertificate.set(null);
            } else if (e instanceof WsEvent.Failed f && offersTrust(f.problem())) {
                refusedCertificate.set(f.problem().detail());
            } else if (e instanceof WsEvent.Closed) {
                state.set(ClientState.DISCONNECTED);
                controlFrames.connectionEnded();
                burst.connectionEnded();
            }
        }
        burst.countRoundTrips(events);
        log.addAll(rules.follow(decoding.follow(events, this::sendAnswer), this::sendAnswer));
    }

    /**
     * A message the protocol sends (its heartbeat's answer, a command's), from the tab's own thread; once
     * the tab is closing, a ping still coming in is left unanswered.
     */
    private void sendAnswer(Payload payload) {
        if (shutdown != null) return;
        io.runOr(() -> {
            if (payload.isBinary()) client.send(payload.bytes());
            else client.send(payload.text());
        }, () -> { });
    }

    /** Refusals a user may overrule by trusting that one certificate (not a wrong host: that is a real mismatch). */
    private static boolean offersTrust(Problem p) {
        return (p.kind() == Problem.Kind.TLS_UNKNOWN_ISSUER || p.kind() == Problem.Kind.TLS_EXPIRED)
                && !p.detail().isEmpty();
    }

    public ConnectionOptions options() { return options; }
    public Composer composer() { return composer; }
    public ControlFrames controlFrames() { return controlFrames; }
    public Burst burst() { return burst; }

    public StringProperty urlProperty() { return url; }
    /** Whether files saved from this tab keep the secrets of its handshake (masked by default). */
    public javafx.beans.property.BooleanProperty includeSecretsProperty() { return files.includeSecretsProperty(); }
    /** The login helpers: Basic, Bearer, cookies, a query-string token. */
    public Login login() { return login; }
    /** The application protocol this tab decodes and speaks (Socket.IO, GraphQL, JSON-RPC), if any. */
    public Decoding decoding() { return decoding; }
    /** The rules that answer, extract, assert and mark on this tab's connection. */
    public dev.duplex.model.rules.TabRules rules() { return rules; }
    /** Pasting a browser's cURL in, and writing the tab as a command out. */
    public SharedCommands commands() { return commands; }
    public ReadOnlyObjectProperty<ClientState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Which proxy this tab goes through and why, for its URL and proxy field; null while they do not read. */
    public ReadOnlyObjectProperty<ProxyRoute> routeProperty() { return route.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusedCertificateProperty() { return refusedCertificate.getReadOnlyProperty(); }
    public LogBuffer log() { return log; }
    public WireLog wire() { return wire; }
}
