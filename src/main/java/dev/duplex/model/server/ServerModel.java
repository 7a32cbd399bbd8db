package dev.duplex.model.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.LogBuffer;
import dev.duplex.model.Notice;
import dev.duplex.model.WireLog;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.options.Checked;
import dev.duplex.options.DeflateInput;
import dev.duplex.options.ServerInput;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.settings.ServerCertificates;
import dev.duplex.settings.Settings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The embedded lab server as its pane shows it: the form (port, bind address, path, reply, limits, TLS),
 * what the server is doing (state, URL, clients, log, frames, last handshake), and its behaviours,
 * clients table and lab as models of their own. The form is bound both ways by the view; the rest is
 * read-only outside. Intents check the form here and run the network work in the background. FX thread
 * only.
 */
public final class ServerModel {
    private final StringProperty port = new SimpleStringProperty(this, "port");
    private final StringProperty bindAddress = new SimpleStringProperty(this, "bindAddress");
    private final StringProperty path = new SimpleStringProperty(this, "path");
    private final StringProperty replyTemplate = new SimpleStringProperty(this, "replyTemplate");
    private final StringProperty pingInterval = new SimpleStringProperty(this, "pingInterval",
            Integer.toString(ServerConfig.DEFAULT_PING_INTERVAL));
    private final StringProperty maxMessage = new SimpleStringProperty(this, "maxMessage",
            Integer.toString(ServerConfig.Limits.DEFAULT_MAX_MESSAGE));
    /** Origins allowed to connect, separated by commas or spaces; empty allows any. */
    private final StringProperty allowedOrigins = new SimpleStringProperty(this, "allowedOrigins", "");
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls", false);
    /** Take a client's permessage-deflate offer: applies to the next connection, while the server runs too. */
    private final BooleanProperty deflate = new SimpleBooleanProperty(this, "deflate", false);
    /** What the server asks when it takes an offer, as the header writes it; empty asks nothing more. */
    private final StringProperty deflateParams = new SimpleStringProperty(this, "deflateParams", "");
    private Notice deflateNotice;
    /** A PKCS#12 file of the user's; empty serves Duplex's own self-signed certificate. */
    private final StringProperty pkcs12 = new SimpleStringProperty(this, "pkcs12", "");
    private final StringProperty pkcs12Password = new SimpleStringProperty(this, "pkcs12Password", "");

    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state", ServerState.STOPPED);
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyIntegerWrapper clientCount = new ReadOnlyIntegerWrapper(this, "clientCount");
    private final ReadOnlyBooleanWrapper allInterfaces = new ReadOnlyBooleanWrapper(this, "allInterfaces");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    /** The SHA-256 fingerprint of the certificate served, "" on ws://. */
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final LogBuffer log;
    private final WireLog wire;

    private final Background io;
    private final LabServer server;
    private final Path dataDir;
    private final Behaviours behaviours;
    private final ServerClients clients = new ServerClients();
    private final ServerLab lab;

    /** @param dataDir where Duplex's own server certificate is kept */
    public ServerModel(Settings settings, Dispatcher dispatcher, Path dataDir) {
        this.dataDir = dataDir;
        this.io = new Background(dispatcher, "duplex-server-io");
        // One sink object: the dispatcher groups consecutive events by sink identity.
        Consumer<List<WsEvent>> sink = this::onEvents;
        this.server = new LabServer(event -> dispatcher.post(sink, event));
        // A volatile switch the server reads at each new connection: no hop to the background is needed.
        deflate.addListener((o, was, on) -> applyDeflate());
        deflateParams.addListener((o, was, now) -> applyDeflate());
        this.log = new LogBuffer(settings.logCap());
        this.wire = new WireLog(settings.logCap());
        this.behaviours = new Behaviours(server, io, notice::set);
        this.lab = new ServerLab(server, io, clients, () -> state.get() == ServerState.RUNNING, notice::set);
        port.set(Integer.toString(settings.port()));
        bindAddress.set(settings.bindAddress());
        path.set(settings.path());
        replyTemplate.set(settings.replyTemplate());
    }

    /** Checks the form and starts listening in the background. */
    public void start() {
        if (state.get() != ServerState.STOPPED) return;
        notice.set(null);
        ServerConfig config = configFromForm();
        if (config == null) return;
        TlsChoice certificate = tlsFromForm();
        state.set(ServerState.STARTING);
        io.run(() -> {
            try {
                server.start(withTls(config, certificate));
            } catch (ServerStartException e) {
                io.onFx(() -> startFailed(e.problem()));
            }
        });
    }

    /**
     * What a double-click should give: the server started on the form's port or, when that is taken, on
     * the next free one (said in {@code movedPort}, with the port wanted and the port used); then
     * {@code started} gets the URL it listens on.
     */
    public void startForFirstUse(Consumer<Notice> movedPort, Consumer<String> started) {
        if (state.get() != ServerState.STOPPED) return;
        ServerConfig config = configFromForm();
        if (config == null) return;
        TlsChoice certificate = tlsFromForm();
        state.set(ServerState.STARTING);
        io.run(() -> {
            int wanted = config.port();
            for (int offset = 0; offset < 20; offset++) {
                int candidate = wanted == 0 ? 0 : wanted + offset;
                if (candidate > 65535) break;
                try {
                    server.start(withTls(config.withPort(candidate), certificate));
                    int used = server.url().getPort();
                    io.onFx(() -> {
                        if (used != wanted && wanted != 0) {
                            movedPort.accept(Notice.of("autostart.otherPort", wanted, used));
                            port.set(Integer.toString(used));
                        }
                        started.accept(url.get());
                    });
                    return;
                } catch (ServerStartException e) {
                    if (e.problem().kind() != Problem.Kind.PORT_IN_USE || wanted == 0) {
                        io.onFx(() -> startFailed(e.problem()));
                        return;
                    }
                }
            }
            io.onFx(() -> startFailed(new Problem(Problem.Kind.PORT_IN_USE, config.bindAddress() + ":" + wanted)));
        });
    }

    /** Closes every client with 1001 and stops listening, in the background. */
    public void stop() {
        if (state.get() != ServerState.RUNNING) return;
        state.set(ServerState.STOPPING);
        io.run(server::stop);
    }

    public void clearLog() {
        log.clear();
    }

    /** Stops the server for good (the app is closing); completes when it has. */
    public java.util.concurrent.CompletableFuture<Void> shutdown() {
        return io.finish(server::stop);
    }

    public void setLogCap(int cap) {
        log.setCap(cap);
        wire.setCap(cap);
    }

    /** The port as typed, or the default when it is not one. */
    public int portForSettings() {
        Checked<Integer> p = ServerInput.port(port.get());
        return p.isOk() ? p.value() : Settings.defaults().port();
    }

    /** The form's TLS fields, read on the FX thread so the background thread never reads a property. */
    private record TlsChoice(boolean on, String pkcs12File, String password) { }

    private TlsChoice tlsFromForm() {
        return new TlsChoice(tls.get(), Objects.requireNonNullElse(pkcs12.get(), "").strip(),
                Objects.requireNonNullElse(pkcs12Password.get(), ""));
    }

    /**
     * The configuration with the certificate the form asked for (on the background thread: reading a file,
     * or making Duplex's own the first time); the fingerprint shows which one is served.
     */
    private ServerConfig withTls(ServerConfig config, TlsChoice certificate) throws ServerStartException {
        if (!certificate.on()) {
            io.onFx(() -> fingerprint.set(""));
            return config;
        }
        String file = certificate.pkcs12File();
        try {
            var identity = load(certificate);
            String served = identity.fingerprint().toString();
            io.onFx(() -> fingerprint.set(served));
            return config.withTls(identity);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ServerStartException(new Problem(Problem.Kind.TLS_FAILED,
                    (file.isEmpty() ? "" : file + ": ") + e.getMessage()), e);
        }
    }

    /**
     * The certificate the form asks for, for another server on this pane's port (the client check): read
     * from the form now, on the FX thread; made or loaded when called, on a background thread. It returns
     * null when the form serves ws://, and throws when the file cannot be used.
     */
    public java.util.concurrent.Callable<dev.duplex.tls.ServerIdentity> certificateFromForm() {
        TlsChoice certificate = tlsFromForm();
        return () -> certificate.on() ? load(certificate) : null;
    }

    /** The certificate of {@code certificate}'s file, or Duplex's own (made the first time). */
    private dev.duplex.tls.ServerIdentity load(TlsChoice certificate) throws java.io.IOException {
        String file = certificate.pkcs12File();
        return file.isEmpty() ? ServerCertificates.ownIn(dataDir) : ServerCertificates.fromFile(Path.of(file), certificate.password());
    }

    private void startFailed(Problem problem) {
        state.set(ServerState.STOPPED);
        notice.set(Notice.of("problem." + problem.kind().name(), problem.detail(), ""));
        log.addAll(List.of(new WsEvent.Failed(Instant.now(), "", problem)));
    }

    /**
     * The form as a configuration, read by the options layer as `serve` reads its options, or null (with
     * the notice saying which field is wrong) when it does not check.
     */
    private ServerConfig configFromForm() {
        Checked<ServerConfig> config = new ServerInput(port.get(), bindAddress.get(), path.get(), replyTemplate.get(),
                pingInterval.get(), maxMessage.get(), allowedOrigins.get(), null, null).config(behaviours.input());
        if (!config.isOk()) {
            notice.set(Notice.of(config.problem()));
            return null;
        }
        behaviours.nowInForce(config.value().behaviour());
        wire.clear();
        return config.value();
    }

    private void onEvents(List<WsEvent> all) {
        List<WsEvent> events = wire.take(all);
        for (WsEvent e : events) {
            clients.onEvent(e);
            if (e instanceof WsEvent.Listening l) {
                state.set(ServerState.RUNNING);
                url.set(l.url().toString());
                allInterfaces.set(l.allInterfaces());
                clientCount.set(0);
            } else if (e instanceof WsEvent.Stopped) {
                state.set(ServerState.STOPPED);
                allInterfaces.set(false);
                clientCount.set(0);
            } else if (e instanceof WsEvent.ClientJoined j) {
                clientCount.set(j.clients());
            } else if (e instanceof WsEvent.ClientLeft l) {
                clientCount.set(l.clients());
            }
        }
        clients.publish();
        log.addAll(events);
    }

    public Behaviours behaviours() { return behaviours; }
    public ServerClients clients() { return clients; }
    public ServerLab lab() { return lab; }

    public StringProperty portProperty() { return port; }
    public StringProperty bindAddressProperty() { return bindAddress; }
    public StringProperty pathProperty() { return path; }
    public StringProperty replyTemplateProperty() { return replyTemplate; }
    public StringProperty pingIntervalProperty() { return pingInterval; }
    public StringProperty maxMessageProperty() { return maxMessage; }
    public StringProperty allowedOriginsProperty() { return allowedOrigins; }
    public BooleanProperty tlsProperty() { return tls; }
    public BooleanProperty deflateProperty() { return deflate; }
    public StringProperty deflateParamsProperty() { return deflateParams; }

    /** Parameters that do not read leave the last ones that did, and say why. */
    private void applyDeflate() {
        if (!deflate.get()) {
            server.setDeflate((DeflateParams) null);
            return;
        }
        Checked<DeflateParams> params = DeflateInput.params(deflateParams.get());
        if (params.isOk()) {
            server.setDeflate(params.value());
            // A mistake named while the parameters were half typed is over once they read.
            if (notice.get() != null && notice.get() == deflateNotice) notice.set(null);
        } else {
            deflateNotice = Notice.of(params.problem());
            notice.set(deflateNotice);
        }
    }
    public StringProperty pkcs12Property() { return pkcs12; }
    public StringProperty pkcs12PasswordProperty() { return pkcs12Password; }

    public ReadOnlyObjectProperty<ServerState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty clientCountProperty() { return clientCount.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty allInterfacesProperty() { return allInterfaces.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fingerprintProperty() { return fingerprint.getReadOnlyProperty(); }
    public LogBuffer log() { return log; }
    public WireLog wire() { return wire; }
}
