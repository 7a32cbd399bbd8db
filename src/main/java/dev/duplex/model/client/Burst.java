package dev.duplex.model.client;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.WsClient;
import dev.duplex.options.Checked;
import dev.duplex.options.LabInput;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A client tab's burst and periodic sending: N messages from a template ({n} counts from 1), all at
 * once or one every T ms, each reply's round trip measured, with exact percentiles and a live chart. FX
 * thread only.
 */
public final class Burst {
    /** What a burst has done so far: counts, rate and round-trip percentiles in ms. */
    public record Stats(int sent, int count, int answered, double perSecond, double p50, double p90, double p99,
            double max) { }

    /** How many round trips the chart shows. */
    static final int CHART_POINTS = 300;

    private final StringProperty template = new SimpleStringProperty(this, "template", "message {n}");
    private final StringProperty count = new SimpleStringProperty(this, "count", "100");
    /** 0 sends them all at once; else one every so many ms. */
    private final StringProperty every = new SimpleStringProperty(this, "every", "0");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Stats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    /** The latest round trips in ms, oldest first, for the live chart. */
    private final ObservableList<Double> recentRoundTrips = FXCollections.observableArrayList();
    private final ObservableList<Double> readOnlyRecent = FXCollections.unmodifiableObservableList(recentRoundTrips);
    private final RoundTrips roundTrips = new RoundTrips();
    private final WsClient client;
    private final Background io;
    private final Gate gate;
    private BurstRun run;

    Burst(WsClient client, Background io, Gate gate) {
        this.client = client;
        this.io = io;
        this.gate = gate;
    }

    /** Sends the burst's messages and measures each reply's round trip. */
    public void start() {
        if (!gate.open() || running.get()) return;
        Checked<LabInput.Burst> typed = LabInput.burst(count.get(), every.get());
        if (!typed.isOk()) {
            gate.notice(Notice.of(typed.problem()));
            return;
        }
        int n = typed.value().count();
        int ms = typed.value().everyMs();
        gate.notice(null);
        if (run != null) run.stop();
        roundTrips.clear();
        recentRoundTrips.clear();
        BurstRun started = new BurstRun(template.get() == null ? "" : template.get(), n, ms);
        run = started;
        running.set(true);
        stats.set(new Stats(0, n, 0, 0, 0, 0, 0, 0));
        started.start(client::send, () -> io.onFx(() -> {
            if (run == started) {
                running.set(false);
                updateStats();
            }
        }));
    }

    /** Stops sending; replies still on their way are counted when they come. */
    public void stop() {
        if (run != null) run.stop();
        running.set(false);
        updateStats();
    }

    /** Matches this batch's replies to the burst's messages. */
    void countRoundTrips(List<WsEvent> events) {
        BurstRun current = run;
        if (current == null) return;
        List<Double> fresh = new ArrayList<>();
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Received r && !r.payload().isBinary()) {
                long rtt = current.replied(r.payload().text(), BurstRun.nanos(r.at()));
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
        updateStats();
    }

    /** The connection ended: a running burst stops with it. */
    void connectionEnded() {
        if (running.get()) stop();
    }

    void shutdown() {
        if (run != null) run.stop();
    }

    private void updateStats() {
        BurstRun current = run;
        if (current == null) return;
        int n = roundTrips.count();
        stats.set(new Stats(current.sent(), current.count(), n, current.replyRate(n), roundTrips.percentile(0.5) / 1e6,
                roundTrips.percentile(0.9) / 1e6, roundTrips.percentile(0.99) / 1e6, roundTrips.max() / 1e6));
    }

    public StringProperty templateProperty() { return template; }
    public StringProperty countProperty() { return count; }
    public StringProperty everyProperty() { return every; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Stats> statsProperty() { return stats.getReadOnlyProperty(); }
    public ObservableList<Double> recentRoundTrips() { return readOnlyRecent; }
}
