package dev.duplex.model.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Notice;
import dev.duplex.net.Problem;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.proxy.ProxyServer;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.options.Checked;
import dev.duplex.options.Field;
import dev.duplex.options.FieldProblem;
import dev.duplex.options.ProxyInput;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's Proxy pane: its form (where to listen, the upstream, the rules as typed on the command line,
 * one a line, answer pings, trusted fingerprints), starting and stopping {@link ProxyServer} off the FX thread,
 * the URL clients connect to, and one {@link ProxyPair} per client (the newest {@link #MAX_PAIRS}; pairs that
 * are over go first), and a person's hand in it ({@link Interceptor}). The proxy's events come through the
 * dispatcher, in batches. FX thread only.
 */
public final class ProxyModel {
    /** Where the proxy is. */
    public enum State { STOPPED, STARTING, RUNNING, STOPPING }

    /** The most pairs kept: a proxy that runs for days must not keep every client it ever had. */
    public static final int MAX_PAIRS = 200;

    private final StringProperty listen = new SimpleStringProperty(this, "listen", "127.0.0.1:0");
    private final StringProperty upstream = new SimpleStringProperty(this, "upstream", "");
    private final StringProperty rewrites = new SimpleStringProperty(this, "rewrites", "");
    private final StringProperty drops = new SimpleStringProperty(this, "drops", "");
    private final StringProperty delays = new SimpleStringProperty(this, "delays", "");
    private final StringProperty trust = new SimpleStringProperty(this, "trust", "");
    private final StringProperty setHeaders = new SimpleStringProperty(this, "setHeaders", "");
    private final StringProperty removeHeaders = new SimpleStringProperty(this, "removeHeaders", "");
    private final BooleanProperty answerPings = new SimpleBooleanProperty(this, "answerPings");
    /** wss:// toward the clients, with Duplex's own certificate (the embedded server's, made once and kept). */
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls");
    /** The SHA-256 fingerprint of the certificate clients get on wss://, "" on ws://. */
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    /** Where Duplex's own certificate is kept; null: none to serve (wss:// toward clients refused). */
    private Path dataDir;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.STOPPED);
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyObjectWrapper<FieldProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<ProxyPair> pairs = FXCollections.observableArrayList();
    private final ObservableList<ProxyPair> readOnlyPairs = FXCollections.unmodifiableObservableList(pairs);
    private final ObjectProperty<ProxyPair> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<Integer, ProxyPair> byNumber = new LinkedHashMap<>();
    private final Background io;
    private final ProxyServer server;
    private final ProxyExport export;
    private final Interceptor interceptor;
    private int cap;

    public ProxyModel(Dispatcher dispatcher, int logCap) {
        this.cap = logCap;
        this.io = new Background(dispatcher, "duplex-proxy-io");
        // One sink object: the dispatcher groups consecutive events by sink identity.
        Consumer<List<ProxyEvent>> sink = this::onEvents;
        this.server = new ProxyServer(event -> dispatcher.post(sink, event));
        this.export = new ProxyExport(io, notice::set);
        this.interceptor = new Interceptor(server, io);
    }

    /** Fills the form as it was kept from an earlier run. */
    public void restore(dev.duplex.settings.ProxyForm form) {
        listen.set(form.listen());
        upstream.set(form.upstream());
        rewrites.set(form.rewrites());
        drops.set(form.drops());
        delays.set(form.delays());
        trust.set(form.trust());
        setHeaders.set(form.setHeaders());
        removeHeaders.set(form.removeHeaders());
        answerPings.set(form.answerPings());
        tls.set(form.tls());
    }

    /** The form as it is to be kept for the next run. */
    public dev.duplex.settings.ProxyForm toKeep() {
        return new dev.duplex.settings.ProxyForm(listen.get(), upstream.get(), rewrites.get(), drops.get(), delays.get(),
                trust.get(), setHeaders.get(), removeHeaders.get(), answerPings.get(), tls.get());
    }

    /** Checks the form (each problem said next to its field) and starts listening in the background. */
    public void start() {
        if (state.get() != State.STOPPED) return;
        notice.set(null);
        Checked<ProxyConfig> checked = input().config();
        problem.set(checked.problem());
        if (!checked.isOk()) return;
        ProxyConfig plain = checked.value();
        boolean wss = tls.get();
        Path certificates = dataDir;
        state.set(State.STARTING);
        io.run(() -> {
            try {
                ProxyConfig config = plain;
                String served = "";
                if (wss) {
                    // Read (or made) here, off the FX thread: the same certificate as the embedded server's.
                    var identity = dev.duplex.settings.ServerCertificates.ownIn(certificates);
                    served = identity.fingerprint().toString();
                    config = plain.withTls(identity);
                }
                String shown = served;
                io.onFx(() -> fingerprint.set(shown));
                server.start(config);
            } catch (java.io.IOException | RuntimeException e) {
                io.onFx(() -> startFailed(new Problem(Problem.Kind.TLS_FAILED, String.valueOf(e.getMessage()))));
            } catch (ServerStartException e) {
                io.onFx(() -> startFailed(e.problem()));
            }
        });
    }

    /** Closes every client with 1001 (their upstream legs follow) and stops listening, in the background. */
    public void stop() {
        if (state.get() != State.RUNNING) return;
        state.set(State.STOPPING);
        io.run(() -> {
            server.stop();
            io.onFx(this::stopped);
        });
    }

    /** The form as the options layer reads it: the rule boxes hold one rule a line. */
    ProxyInput input() {
        return new ProxyInput(listen.get(), upstream.get(), lines(rewrites.get()), lines(drops.get()),
                lines(delays.get()), lines(trust.get()), answerPings.get(), null, lines(setHeaders.get()),
                lines(removeHeaders.get()));
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\\R")) if (!line.isBlank()) out.add(line.strip());
        return out;
    }

    /** Saves the selected pair's server leg: HAR for .har, else JSON Lines. */
    public void exportSelected(Path file) {
        export.save(selected.get(), file);
    }

    /** Saves the chosen pair's log as text, its lines as the pane shows them (made by the caller, in its language). */
    public void saveSelectedLog(Path file, java.util.function.Function<ProxyEvent, String> asLine) {
        ProxyPair pair = selected.get();
        if (pair == null || pair.log().isEmpty()) {
            notice.set(Notice.of("file.nothing"));
            return;
        }
        export.saveText(file, pair.log().stream().map(asLine).toList());
    }

    /** Forgets the pairs that are over (the selection too, when it is one of them). */
    public void clearClosed() {
        pairs.removeIf(p -> {
            if (!p.isOver()) return false;
            byNumber.remove(p.number());
            return true;
        });
        if (selected.get() != null && !pairs.contains(selected.get())) selected.set(null);
    }

    public void setLogCap(int logCap) {
        cap = logCap;
        for (ProxyPair p : pairs) p.setCap(logCap);
    }

    /** Stops the proxy for good (the app is closing); completes when it has. */
    public CompletableFuture<Void> shutdown() {
        return io.finish(server::stop);
    }

    private void startFailed(Problem p) {
        state.set(State.STOPPED);
        boolean listenField = p.kind() == Problem.Kind.PORT_IN_USE || p.kind() == Problem.Kind.BAD_BIND_ADDRESS;
        if (listenField) problem.set(FieldProblem.of(Field.LISTEN, "problem." + p.kind().name(), p.detail(), ""));
        else notice.set(Notice.of("problem." + p.kind().name(), p.detail(), ""));
    }

    private void stopped() {
        state.set(State.STOPPED);
        url.set("");
        for (ProxyPair p : pairs) p.ended();
        interceptor.clear();
    }

    /** One batch of the proxy's events, as the dispatcher hands it over (package-private for the tests). */
    void onEvents(List<ProxyEvent> batch) {
        Map<ProxyPair, List<ProxyEvent>> perPair = new LinkedHashMap<>();
        List<HeldMessage> held = new ArrayList<>();
        for (ProxyEvent e : batch) {
            if (e instanceof ProxyEvent.Listening l) {
                state.set(State.RUNNING);
                url.set(l.url().toString());
                continue;
            }
            if (e instanceof ProxyEvent.Stopped) continue;
            ProxyPair pair = e instanceof ProxyEvent.Arrived a ? arrived(a) : byNumber.get(e.pair());
            if (pair != null) perPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(e);
            if (e instanceof ProxyEvent.Held h) held.add(new HeldMessage(h.at(), h.pair(), h.id(), h.direction(), h.payload()));
            if (e instanceof ProxyEvent.Closed || e instanceof ProxyEvent.Refused) {
                if (!held.isEmpty()) interceptor.onHeld(List.copyOf(held));
                held.clear();
                interceptor.pairOver(e.pair());
            }
        }
        if (!held.isEmpty()) interceptor.onHeld(held);
        perPair.forEach(ProxyPair::take);
        trimPairs();
    }

    private ProxyPair arrived(ProxyEvent.Arrived a) {
        ProxyPair pair = new ProxyPair(a, cap);
        byNumber.put(pair.number(), pair);
        pairs.add(pair);
        if (selected.get() == null) selected.set(pair);
        return pair;
    }

    /** Forgets pairs past {@link #MAX_PAIRS}: those over first, then the oldest. After a batch, so states are known. */
    private void trimPairs() {
        while (pairs.size() > MAX_PAIRS) {
            ProxyPair gone = pairs.stream().filter(ProxyPair::isOver).findFirst().orElse(pairs.get(0));
            pairs.remove(gone);
            byNumber.remove(gone.number());
            if (selected.get() == gone) selected.set(pairs.get(pairs.size() - 1));
        }
    }

    public StringProperty listenProperty() { return listen; }
    public StringProperty upstreamProperty() { return upstream; }
    /** Rewrite rules, one a line: {@code up:REGEX=>TEXT} or {@code down:REGEX=>TEXT}. */
    public StringProperty rewritesProperty() { return rewrites; }
    /** Drop rules, one a line: {@code up:REGEX} or {@code down:REGEX}. */
    public StringProperty dropsProperty() { return drops; }
    /** SHA-256 fingerprints trusted on a wss:// upstream, one a line. */
    public StringProperty trustProperty() { return trust; }
    /** Headers set on each upgrade passed up, one {@code Name: value} a line. */
    public StringProperty setHeadersProperty() { return setHeaders; }
    /** Header names removed from each upgrade passed up, one a line. */
    public StringProperty removeHeadersProperty() { return removeHeaders; }
    /** Delay rules, one a line: {@code up:REGEX=>MS} or {@code down:REGEX=>MS}. */
    public StringProperty delaysProperty() { return delays; }
    /** Pausing on messages, the held ones, injecting and closing a leg by hand. */
    public Interceptor interceptor() { return interceptor; }
    public BooleanProperty answerPingsProperty() { return answerPings; }
    public BooleanProperty tlsProperty() { return tls; }
    public ReadOnlyStringProperty fingerprintProperty() { return fingerprint.getReadOnlyProperty(); }

    /** Where Duplex's own certificate is kept, for wss:// toward the clients. */
    public void certificatesIn(Path dir) {
        dataDir = dir;
    }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** Where clients connect while it runs, else "". */
    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }
    /** The field that did not check at the last Start, or null. */
    public ReadOnlyObjectProperty<FieldProblem> problemProperty() { return problem.getReadOnlyProperty(); }
    /** A note not about one field (a failed start, an export), or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** One pair per client, oldest first; read-only. */
    public ObservableList<ProxyPair> pairs() { return readOnlyPairs; }
    /** The pair whose log, handshakes and frames show; the first client by default. */
    public ObjectProperty<ProxyPair> selectedProperty() { return selected; }
}
