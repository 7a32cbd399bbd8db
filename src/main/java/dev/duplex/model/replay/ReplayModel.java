package dev.duplex.model.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.duplex.model.Background;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.tls.client.ClientTls;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Notice;
import dev.duplex.net.WsEvent;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.replay.RecordedSession;
import dev.duplex.replay.ReplayEvent;
import dev.duplex.replay.Replayer;
import dev.duplex.replay.Timing;
import dev.duplex.tls.Fingerprint;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One Replay tab of the window: a recording read from a file (off the FX thread), where and how to replay
 * it (URL, timing, wait, trusted certificates), and the comparison as it runs, on the same engine as
 * {@code duplex replay} ({@link Replayer}). The engine's events reach this model through the window's
 * {@link Dispatcher}, in batches. A file that cannot be replayed is said in the notice, and whatever the tab
 * held before stays. FX thread only.
 */
public final class ReplayModel {
    private final Dispatcher dispatcher;
    private final Background io;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Notice> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ObjectProperty<Timing> timing = new SimpleObjectProperty<>(this, "timing", Timing.ORIGINAL);
    private final StringProperty waitMs = new SimpleStringProperty(this, "waitMs", "");
    private final StringProperty trust = new SimpleStringProperty(this, "trust", "");
    /** A client certificate, its key, their password (never saved) and a CA file, as typed; blank for none. */
    private final StringProperty clientCert = new SimpleStringProperty(this, "clientCert", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    private final StringProperty clientCertPassword = new SimpleStringProperty(this, "clientCertPassword", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final ReadOnlyObjectWrapper<ReplayState> state = new ReadOnlyObjectWrapper<>(this, "state", ReplayState.NO_FILE);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<ReplayEvent.AwaitingStep> awaiting = new ReadOnlyObjectWrapper<>(this, "awaiting");
    private final ReadOnlyObjectWrapper<WsEvent> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyObjectWrapper<Tally> tally = new ReadOnlyObjectWrapper<>(this, "tally");
    private final ObservableList<ReplayRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReplayRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** Where the engine's events go on the FX thread: one sink, so that a flood of them comes in lists. */
    private final Consumer<List<Tagged>> sink = this::onEvents;

    private Recording recording;
    /** The URL last filled in from a recording: replaced by the next one's unless the user typed another. */
    private String prefilled = "";
    private Run current;
    private CompletableFuture<Void> shutdown;

    /** An event of one replay: those of a replay no longer shown are dropped. */
    private record Tagged(Run run, ReplayEvent event) { }

    /** One replay: its engine, and a future that completes when the engine finished (on its thread). */
    private static final class Run {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        Replayer replayer;
    }

    public ReplayModel(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.io = new Background(dispatcher, "duplex-replay-files");
    }

    /** Reads a recording (JSON Lines, our HAR or a browser's HAR) off the FX thread; not while replaying. */
    public void open(Path path) {
        if (path == null || busy() || state.get() == ReplayState.READING) return;
        ReplayState before = state.get();
        state.set(ReplayState.READING);
        io.call(() -> Recording.read(path), this::show, e -> {
            state.set(before);
            notice.set(e instanceof Recording.Unreadable u ? u.notice()
                    : Notice.of("file.cannotRead", String.valueOf(path.getFileName()), String.valueOf(e.getMessage())));
        });
    }

    private void show(Recording read) {
        recording = read;
        RecordedSession session = read.session();
        file.set(read.file());
        String recordedUrl = session.url().toString();
        if (url.get() == null || url.get().isBlank() || url.get().equals(prefilled)) url.set(recordedUrl);
        prefilled = recordedUrl;
        plan.set(read.connections() > 1
                ? Notice.of("replay.window.planFirst", session.steps().size(), session.recordedReplies(), recordedUrl,
                        read.connections())
                : Notice.of("replay.window.plan", session.steps().size(), session.recordedReplies(), recordedUrl));
        rows.clear();
        tally.set(null);
        connection.set(null);
        awaiting.set(null);
        notice.set(null);
        state.set(ReplayState.READY);
    }

    /** Replays the recording to the URL with the timing chosen; a field that does not check is said instead. */
    public void start() {
        if (state.get() != ReplayState.READY || recording == null) return;
        RecordedSession session = recording.session();
        Checked<ClientInput.Connection> to = input(session.handshake()).connection();
        Checked<Integer> quiet = ClientInput.replyWaitMs(blankToNull(waitMs.get()));
        Checked<List<Fingerprint>> trusted = ClientInput.trusted(fingerprints(trust.get()));
        ClientTlsInput tls = new ClientTlsInput(clientCert.get(), clientKey.get(), clientCertPassword.get(), caFile.get());
        for (Checked<?> c : List.of(to, quiet, trusted, tls.files())) {
            if (!c.isOk()) {
                notice.set(Notice.of(c.problem()));
                return;
            }
        }
        notice.set(null);
        // The certificate and CA files are read off the FX thread; meanwhile the tab is busy as while reading.
        state.set(ReplayState.READING);
        io.call(tls::load, loaded -> {
            state.set(ReplayState.READY);
            if (loaded.isOk()) begin(session, to.value(), quiet.value(), trusted.value(), loaded.value());
            else notice.set(Notice.of(loaded.problem()));
        }, e -> {
            state.set(ReplayState.READY);
            notice.set(Notice.of("file.cannotRead", "", String.valueOf(e.getMessage())));
        });
    }

    private void begin(RecordedSession session, ClientInput.Connection to, int quiet, List<Fingerprint> trusted,
            ClientTls clientTls) {
        rows.clear();
        connection.set(null);
        awaiting.set(null);
        tally.set(Tally.of(session.steps().size()));
        Run run = new Run();
        run.replayer = new Replayer(session, timing.get(), quiet, event -> {
            dispatcher.post(sink, new Tagged(run, event));
            if (event instanceof ReplayEvent.Finished) run.finished.complete(null);
        });
        run.replayer.trust(trusted);
        run.replayer.clientTls(clientTls);
        current = run;
        state.set(ReplayState.RUNNING);
        run.replayer.start(to.url(), to.options());
    }

    /** In step timing: sends the next message. */
    public void next() {
        Run run = current;
        if (run == null || awaiting.get() == null) return;
        awaiting.set(null);
        // Off the FX thread: the engine's lock is held while it hands out events, which may wait for the window.
        io.run(run.replayer::step);
    }

    /** Sends no more messages; the replay waits for the replies to the last one sent, then closes. */
    public void stop() {
        Run run = current;
        if (run == null || state.get() != ReplayState.RUNNING) return;
        state.set(ReplayState.STOPPING);
        awaiting.set(null);
        io.run(run.replayer::stop);
    }

    /** Whether a replay runs (or is stopping). */
    public boolean busy() {
        return state.get() == ReplayState.RUNNING || state.get() == ReplayState.STOPPING;
    }

    private void onEvents(List<Tagged> events) {
        for (Tagged t : events) {
            if (t.run() != current) continue;
            ReplayEvent e = t.event();
            if (e instanceof ReplayEvent.Connection c) {
                WsEvent w = c.event();
                // An onerror stays in sight: the onclose that follows it says less.
                boolean failedBefore = connection.get() instanceof WsEvent.Failed;
                if (w instanceof WsEvent.Opened || w instanceof WsEvent.Failed
                        || w instanceof WsEvent.Closed && !failedBefore) connection.set(w);
            } else if (e instanceof ReplayEvent.Sent s) {
                rows.add(ReplayRow.sent(s.step(), s.message()));
                tally.set(tally.get().withSent());
            } else if (e instanceof ReplayEvent.AwaitingStep a) {
                if (state.get() == ReplayState.RUNNING) awaiting.set(a);
            } else if (e instanceof ReplayEvent.NotSent n) {
                rows.add(ReplayRow.notSent(n.step(), n.message()));
            } else if (e instanceof ReplayEvent.Judged j) {
                rows.add(ReplayRow.judged(j.verdict()));
                tally.set(tally.get().with(j.verdict().kind()));
            } else if (e instanceof ReplayEvent.Finished) {
                current = null;
                awaiting.set(null);
                state.set(ReplayState.READY);
            }
        }
    }

    /**
     * The connection as the recording asked for it, to the URL typed: its Origin (none when it sent none),
     * its subprotocols, and permessage-deflate when it offered it; as {@code duplex replay} does with no options.
     */
    private ClientInput input(RecordedSession.RecordedHandshake recorded) {
        boolean sendOrigin = !(recorded.captured() && recorded.origin() == null);
        String origin = recorded.origin() != null ? recorded.origin() : "";
        String offered = recorded.subprotocols().isEmpty() ? null : String.join(",", recorded.subprotocols());
        return new ClientInput(url.get(), sendOrigin, origin, null, offered, recorded.deflate(), null);
    }

    /** Fingerprints typed one after the other, separated by spaces, commas or lines. */
    static List<String> fingerprints(String typed) {
        if (typed == null || typed.isBlank()) return List.of();
        return Arrays.stream(typed.strip().split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Stops a replay that runs and lets the file thread end; completes when both are done. */
    public CompletableFuture<Void> shutdown() {
        if (shutdown == null) {
            Run run = current;
            CompletableFuture<Void> replay = CompletableFuture.completedFuture(null);
            if (run != null) {
                io.run(run.replayer::stop);
                replay = run.finished;
            }
            shutdown = CompletableFuture.allOf(replay, io.finish(() -> { }));
        }
        return shutdown;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    /** What the recording holds, in words still to be put in a language; null before one is read. */
    public ReadOnlyObjectProperty<Notice> planProperty() { return plan.getReadOnlyProperty(); }
    /** Where to replay: filled in from the recording, and typed over. */
    public StringProperty urlProperty() { return url; }
    public ObjectProperty<Timing> timingProperty() { return timing; }
    /** How long to wait for a reply that has not come, in ms as typed; blank is the engine's default. */
    public StringProperty waitMsProperty() { return waitMs; }
    /** SHA-256 fingerprints of certificates to trust on wss://, as typed. */
    public StringProperty trustProperty() { return trust; }
    public StringProperty clientCertProperty() { return clientCert; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty clientCertPasswordProperty() { return clientCertPassword; }
    public StringProperty caFileProperty() { return caFile; }
    public ReadOnlyObjectProperty<ReplayState> stateProperty() { return state.getReadOnlyProperty(); }
    /** What went wrong (a file, a field), or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** In step timing, the message that waits for {@link #next()}; else null. */
    public ReadOnlyObjectProperty<ReplayEvent.AwaitingStep> awaitingProperty() { return awaiting.getReadOnlyProperty(); }
    /** The connection's last onopen or onclose in this replay (an onerror is kept over the onclose after it), or null. */
    public ReadOnlyObjectProperty<WsEvent> connectionProperty() { return connection.getReadOnlyProperty(); }
    /** The counts of the replay shown, or null before the first. */
    public ReadOnlyObjectProperty<Tally> tallyProperty() { return tally.getReadOnlyProperty(); }
    /** The comparison, one row per message sent and per reply judged, in order. */
    public ObservableList<ReplayRow> rows() { return readOnlyRows; }
}
