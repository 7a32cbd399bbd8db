package dev.duplex.model.check;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.Checker;
import dev.duplex.check.HtmlReport;
import dev.duplex.check.JsonReport;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.model.Background;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Notice;
import dev.duplex.check.Outbound;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.options.CheckInput;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.client.ClientTls;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Check pane: a server checked against RFC 6455 by {@link Checker} (as {@code duplex check} does), its
 * cases' results coming in as each ends, through the dispatcher, and the report saved as HTML or JSON. FX
 * thread only; the run is on a background thread.
 */
public final class CheckModel {
    /** Where a run is. */
    public enum State { IDLE, RUNNING, DONE }

    /** How long the reachability probe may take before the cases start. */
    private static final int PROBE_MS = 5_000;

    private final StringProperty url = new SimpleStringProperty(this, "url", "ws://127.0.0.1:8080/");
    /** Group numbers, comma separated; empty for all. */
    private final StringProperty groups = new SimpleStringProperty(this, "groups", "");
    private final BooleanProperty full = new SimpleBooleanProperty(this, "full", false);
    // The options, as a client tab's Connection options and duplex check's options read them.
    private final BooleanProperty sendOrigin = new SimpleBooleanProperty(this, "sendOrigin", true);
    /** Empty: the Origin a page on the same host would send. */
    private final StringProperty origin = new SimpleStringProperty(this, "origin", "");
    /** Name: value, one a line. */
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    /** SHA-256 fingerprints, separated by spaces, commas or lines. */
    private final StringProperty trust = new SimpleStringProperty(this, "trust", "");
    /** Empty: the environment's; "none": none. */
    private final StringProperty proxy = new SimpleStringProperty(this, "proxy", "");
    private final StringProperty clientCert = new SimpleStringProperty(this, "clientCert", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    private final StringProperty clientPassword = new SimpleStringProperty(this, "clientPassword", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyObjectWrapper<CheckReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<CaseResult> results = FXCollections.observableArrayList();
    private final ObservableList<CaseResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final Background io;
    private final Dispatcher dispatcher;
    /** One sink object: the dispatcher groups consecutive results by sink identity. */
    private final Consumer<List<CaseResult>> sink = results::addAll;

    public CheckModel(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.io = new Background(dispatcher, "duplex-check-run");
    }

    /** Checks the form and runs the cases in the background; each result shows as it comes. */
    public void start() {
        if (state.get() == State.RUNNING) return;
        notice.set(null);
        Checked<ClientInput.Connection> c = new ClientInput(url.get(), sendOrigin.get(), origin.get(), headers.get(),
                null, false, null).connection();
        Checked<Set<Integer>> chosen = CheckInput.groups(groups.get());
        Checked<List<Fingerprint>> trusted = CheckInput.trusted(trust.get());
        Checked<ProxyChoice> route = ClientInput.proxy(proxy.get());
        ClientTlsInput tls = new ClientTlsInput(clientCert.get(), clientKey.get(), clientPassword.get(), caFile.get());
        for (Checked<?> field : List.of(c, chosen, trusted, route, tls.files())) {
            if (!field.isOk()) {
                notice.set(Notice.of(field.problem()));
                return;
            }
        }
        URI at = c.value().url();
        Checker.Plan typed = new Checker.Plan(at, c.value().options().origin(), c.value().options().headers(), chosen.value(),
                full.get(), CheckInput.caseTimeout(null).value(), Checker.Plan.defaultRunMs(full.get()), trusted.value());
        results.clear();
        report.set(null);
        total.set(Checker.count(chosen.value(), full.get()));
        state.set(State.RUNNING);
        io.run(() -> {
            // The TLS files are read here, off the FX thread; one that does not do is said as a field's problem.
            Checked<ClientTls> own = tls.load();
            if (!own.isOk()) {
                io.onFx(() -> {
                    notice.set(Notice.of(own.problem()));
                    state.set(State.IDLE);
                });
                return;
            }
            Checker.Plan plan = new Checker.Plan(typed.url(), typed.origin(), typed.headers(), typed.groups(), typed.full(),
                    typed.caseMs(), typed.runMs(), typed.trusted(), new Outbound(route.value(), own.value()));
            String unreachable = Checker.unreachable(plan, PROBE_MS);
            if (unreachable != null) {
                io.onFx(() -> {
                    notice.set(Notice.of("check.cannotConnect", at, unreachable));
                    state.set(State.IDLE);
                });
                return;
            }
            CheckReport done = Checker.run(plan, r -> dispatcher.post(sink, r));
            io.onFx(() -> {
                // Live, the cases came in the order they ended; done, they stand in the catalogue's order.
                results.setAll(done.results());
                report.set(done);
                state.set(State.DONE);
            });
        });
    }

    /** Saves the last run's report: HTML (self-contained) for a name ending in .html, else JSON. */
    public void save(Path file, Function<String, String> words) {
        save(file, words, CaseTitleText.of(java.util.Locale.ENGLISH));
    }

    /** As {@link #save(Path, Function)}, the HTML page's case titles in the language of {@code titles}. */
    public void save(Path file, Function<String, String> words, CaseTitleText titles) {
        CheckReport r = report.get();
        if (r == null) {
            notice.set(Notice.of("check.nothing"));
            return;
        }
        boolean html = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html");
        io.call(() -> {
            if (html) HtmlReport.write(titles.withTitles(r), file, words);
            else JsonReport.write(r, file);
            return Notice.of("check.wrote", file.getFileName().toString());
        }, notice::set, e -> notice.set(Notice.of("check.cannotWrite", file.getFileName().toString(), String.valueOf(e.getMessage()))));
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty groupsProperty() { return groups; }
    public BooleanProperty fullProperty() { return full; }
    public BooleanProperty sendOriginProperty() { return sendOrigin; }
    public StringProperty originProperty() { return origin; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty trustProperty() { return trust; }
    public StringProperty proxyProperty() { return proxy; }
    public StringProperty clientCertProperty() { return clientCert; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty clientPasswordProperty() { return clientPassword; }
    public StringProperty caFileProperty() { return caFile; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** The cases ended so far, in the order they ended; once the run is over, in their numbers' order. */
    public ObservableList<CaseResult> results() { return readOnlyResults; }
}
