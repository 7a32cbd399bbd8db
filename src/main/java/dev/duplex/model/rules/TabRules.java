package dev.duplex.model.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.rules.RuleFile;
import dev.duplex.rules.RuleRun;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * A client tab's rules, the same JSON as {@code connect --rules} (see {@link RuleFile}): read at connect, then
 * each batch of the tab's events is followed by what the rules made of it (marks and outcomes as lines of the
 * log, under "rules"), and their replies and on-open messages are handed to the tab to send. FX thread only;
 * the engine ({@link RuleRun}) is cheap per message, like the application protocols that run here too.
 */
public final class TabRules {
    private static final String NAME = "rules";

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyIntegerWrapper passed = new ReadOnlyIntegerWrapper(this, "passed");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private RuleRun run;
    private long started;
    /** Sends the rules' heartbeat while connected: a timer thread of its own, handing each beat to the tab. */
    private ScheduledExecutorService heartbeat;

    /** The rules as typed: JSON, empty for none. Read at the next connect. */
    public StringProperty textProperty() { return text; }
    /** Assertions and expectations passed on the current (or last) connection. */
    public ReadOnlyIntegerProperty passedProperty() { return passed.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /** At connect: reads the rules; a mistake is said in {@code said} (where it is), and no rules run. */
    public void prepare(List<WsEvent> said) {
        stopHeartbeat();
        run = null;
        passed.set(0);
        failed.set(0);
        String typed = text.get() == null ? "" : text.get();
        if (typed.isBlank()) return;
        try {
            run = RuleFile.parse(typed).start(Map.of());
            started = System.nanoTime();
        } catch (RuleFile.BadRules e) {
            said.add(line(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.problem(NAME, "rules.bad", e.getMessage())));
        }
    }

    /** {@code {{name}}} in what the tab sends, filled from the rules' variables (as typed when none run). */
    public String fill(String message) {
        RuleRun r = run;
        return r == null ? message : r.variables().fill(message);
    }

    /** The events with the rules' lines after each; what the rules send goes to {@code send}. */
    public List<WsEvent> follow(List<WsEvent> events, Consumer<Payload> send) {
        if (run == null) return events;
        List<WsEvent> all = new ArrayList<>(events.size() + 4);
        for (WsEvent e : events) {
            all.add(e);
            if (e instanceof WsEvent.Opened) {
                for (String m : run.opened(now())) send.accept(Payload.text(m));
                startHeartbeat(run, send);
            } else if (e instanceof WsEvent.Received r && !r.payload().isBinary()) {
                RuleRun.Reaction reaction = run.received(r.payload().text(), now());
                // At the message's time, so that the rules' lines sort with the message they are about.
                for (String mark : reaction.marks()) all.add(line(r.at(), WsEvent.Meant.Way.IN, Decoded.line(NAME, "rules.markLine", mark)));
                for (RuleRun.Outcome o : reaction.outcomes()) all.add(outcome(r.at(), o));
                for (String reply : reaction.replies()) send.accept(Payload.text(reply));
            } else if (e instanceof WsEvent.Closed) {
                stopHeartbeat();
                RuleRun.Summary summary = run.finish(now());
                for (RuleRun.Outcome o : summary.unmet()) all.add(outcome(Instant.now(), o));
                all.add(line(Instant.now(), WsEvent.Meant.Way.STATE, new Decoded(NAME, "rules.summary",
                        List.of(summary.passed(), summary.failed()), !summary.allPassed())));
            }
        }
        passed.set(run.passed());
        failed.set(run.failed());
        return all;
    }

    /** Stops the heartbeat (the tab is closing). */
    public void shutdown() {
        stopHeartbeat();
    }

    private void startHeartbeat(RuleRun r, Consumer<Payload> send) {
        long every = r.heartbeatEveryMs();
        if (every <= 0 || heartbeat != null) return;
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "duplex-rules-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // RuleRun is thread-safe; the beat is sent through the tab, which sends from its own thread.
        heartbeat.scheduleAtFixedRate(() -> r.heartbeat().ifPresent(m -> send.accept(Payload.text(m))),
                every, every, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        if (heartbeat != null) heartbeat.shutdownNow();
        heartbeat = null;
    }

    private static WsEvent outcome(Instant at, RuleRun.Outcome o) {
        return line(at, WsEvent.Meant.Way.STATE, new Decoded(NAME, o.passed() ? "rules.passed" : "rules.failed",
                List.of(o.rule(), o.detail()), !o.passed()));
    }

    private static WsEvent line(Instant at, WsEvent.Meant.Way way, Decoded d) {
        return new WsEvent.Meant(at, way, d);
    }

    private long now() {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
