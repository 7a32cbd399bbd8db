package dev.duplex.model.clientcheck;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.HtmlReport;
import dev.duplex.check.JsonReport;
import dev.duplex.check.client.ClientCheckServer;
import dev.duplex.i18n.Texts;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.model.Background;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Notice;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import dev.duplex.options.Checked;
import dev.duplex.options.ServerInput;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server pane's "Check a client": for clients that cannot be spawned (an app, a device, a browser), the
 * server pane's port serves Duplex's client cases instead of the echo ({@link ClientCheckServer}): each
 * connection to {@code /check} runs the next case, and the results come in here as each ends, through the
 * dispatcher. The echo server stops while the check runs on its port, and starts again when the check is
 * turned off, if it was running. FX thread only; the sockets are on background threads.
 */
public final class ClientCheckModel {
    private final ServerModel server;
    private final Dispatcher dispatcher;
    private final Background io;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "on");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper checkUrl = new ReadOnlyStringWrapper(this, "checkUrl", "");
    private final ReadOnlyStringWrapper reportUrl = new ReadOnlyStringWrapper(this, "reportUrl", "");
    private final ReadOnlyStringWrapper browserUrl = new ReadOnlyStringWrapper(this, "browserUrl", "");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<CaseResult> results = FXCollections.observableArrayList();
    private final ObservableList<CaseResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    /** One sink object: the dispatcher groups consecutive results by sink identity. */
    private final Consumer<List<CaseResult>> sink = results::addAll;
    private ClientCheckServer running;
    /** Whether the echo server was running when the check took its port: it comes back when the check ends. */
    private boolean echoWasRunning;

    public ClientCheckModel(ServerModel server, Dispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.io = new Background(dispatcher, "duplex-client-check");
    }

    /** Serves the client cases on the server pane's port, once the echo server there has stopped. */
    public void turnOn() {
        if (on.get() || busy.get()) return;
        Checked<Integer> typed = ServerInput.port(server.portProperty().get());
        if (!typed.isOk()) {
            notice.set(Notice.of(typed.problem()));
            return;
        }
        // The port the echo server really has (the form may say 0, any free port), else the form's.
        String echo = server.urlProperty().get();
        int port = server.stateProperty().get() == ServerState.RUNNING && !echo.isEmpty()
                ? java.net.URI.create(echo).getPort() : typed.value();
        String bind = server.bindAddressProperty().get() == null || server.bindAddressProperty().get().isBlank()
                ? "127.0.0.1" : server.bindAddressProperty().get().strip();
        notice.set(null);
        busy.set(true);
        echoWasRunning = server.stateProperty().get() != ServerState.STOPPED;
        var certificate = server.certificateFromForm();
        whenEchoStopped(() -> listen(bind, port, certificate));
        server.stop();
    }

    /** Stops serving the cases; the echo server comes back if it was running before. */
    public void turnOff() {
        ClientCheckServer s = running;
        if (!on.get() || s == null) return;
        running = null;
        busy.set(true);
        io.call(() -> {
            s.close();
            return s;
        }, closed -> ended(), e -> ended());
    }

    /** Saves the results so far (while the check is on): HTML (self-contained) for a name ending in .html, else JSON. */
    public void save(Path file, Function<String, String> words) {
        save(file, words, CaseTitleText.of(java.util.Locale.ENGLISH));
    }

    /** As {@link #save(Path, Function)}, the HTML page's case titles in the language of {@code titles} (the JSON stays English). */
    public void save(Path file, Function<String, String> words, CaseTitleText titles) {
        ClientCheckServer s = running;
        if (s == null || results.isEmpty()) {
            notice.set(Notice.of("check.nothing"));
            return;
        }
        CheckReport report = s.report();
        boolean html = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html");
        io.call(() -> {
            if (html) HtmlReport.write(titles.withTitles(report), file, words);
            else JsonReport.write(report, file);
            return Notice.of("check.wrote", file.getFileName().toString());
        }, notice::set, e -> notice.set(Notice.of("check.cannotWrite", file.getFileName().toString(),
                String.valueOf(e.getMessage()))));
    }

    private void whenEchoStopped(Runnable then) {
        if (server.stateProperty().get() == ServerState.STOPPED) {
            then.run();
            return;
        }
        ChangeListener<ServerState> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ServerState> o, ServerState was, ServerState now) {
                if (now != ServerState.STOPPED) return;
                server.stateProperty().removeListener(this);
                then.run();
            }
        };
        server.stateProperty().addListener(once);
    }

    /** Serves the cases, over wss:// when the server form asks for TLS, with the certificate it names. */
    private void listen(String bind, int port, java.util.concurrent.Callable<ServerIdentity> certificate) {
        results.clear();
        io.call(() -> {
            ServerIdentity identity;
            try {
                identity = certificate.call();
            } catch (Exception e) {
                throw new CertificateUnusable(e);
            }
            return ClientCheckServer.start(bind, port, ClientCheckServer.GROUPS, dev.duplex.options.CheckInput.caseTimeout(null).value(),
                    r -> dispatcher.post(sink, r), Texts.of(Texts.localeFor("")),
                    identity == null ? null : TlsContexts.server(identity));
        }, s -> {
                    running = s;
                    total.set(s.caseIds().size());
                    checkUrl.set(s.checkUrl().toString());
                    reportUrl.set(s.reportUrl().toString());
                    browserUrl.set(s.browserUrl().toString());
                    busy.set(false);
                    on.set(true);
                }, e -> {
                    notice.set(e instanceof CertificateUnusable bad
                            ? Notice.of("problem.TLS_FAILED", String.valueOf(bad.getCause().getMessage()), "")
                            : Notice.of("clientCheck.cannotListen", bind + ":" + port, String.valueOf(e.getMessage())));
                    ended();
                });
    }

    /** The server form's certificate could not be read or made: said as the server says it, not as a port. */
    private static final class CertificateUnusable extends Exception {
        CertificateUnusable(Exception cause) {
            super(cause);
        }
    }

    private void ended() {
        on.set(false);
        busy.set(false);
        checkUrl.set("");
        reportUrl.set("");
        browserUrl.set("");
        if (echoWasRunning) server.start();
    }

    /** Stops serving for good (the app is closing). */
    public void shutdown() {
        ClientCheckServer s = running;
        running = null;
        if (s != null) io.run(s::close);
    }

    public ReadOnlyBooleanProperty onProperty() { return on.getReadOnlyProperty(); }
    /** Between a switch and its outcome (the echo server stopping, the port opening). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty checkUrlProperty() { return checkUrl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reportUrlProperty() { return reportUrl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty browserUrlProperty() { return browserUrl.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** The cases ended so far, in the order they ended. */
    public ObservableList<CaseResult> results() { return readOnlyResults; }
}
