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
    /** The environment chosen for this tab, "" for none. */
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private javafx.beans.value.ObservableValue<dev.duplex.rules.Environments> environments =
            new javafx.beans.property.SimpleObjectProperty<>(dev.duplex.rules.Environments.NONE);
    /** What fills {{name}} in the URL, the headers and the messages: the run's variables, or the environment's alone. */
    private dev.duplex.rules.Variables variables = new dev.duplex.rules.Variables();
    private final ReadOnlyIntegerWrapper passed = new ReadOnlyIntegerWrapper(this, "passed");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private RuleRun run;
    private long started;
    /** Sends the rules' heartbeat while connected: a timer thread of its own, handing each beat to the tab. */
    private ScheduledExecutorService heartbeat;
    /** Waits out the reconnect's back-off: made on first use, for the tab's life. */
    private ScheduledExecutorService later;
    private java.util.concurrent.ScheduledFuture<?> pendingReconnect;
    /** How the tab makes its connection again, and how the timer's thread hands that to the FX thread. */
    private Runnable reconnect = () -> { };
    private Consumer<Runnable> onFx = Runnable::run;
    /** Whether the user asked for the close under way: such a close is never undone. */
    private boolean closing;
    /** Tries to reconnect since the last opening. */
    private int tries;

    /** The rules as typed: JSON, empty for none. Read at the next connect. */
    public StringProperty textProperty() { return text; }
    /** The environment whose variables the next connect takes, "" for none. */
    public StringProperty environmentProperty() { return environment; }

    /** The window's environments, of which this tab chooses one. */
    public void environments(javafx.beans.value.ObservableValue<dev.duplex.rules.Environments> all) {
        this.environments = all;
    }
    /** Assertions and expectations passed on the current (or last) connection. */
    public ReadOnlyIntegerProperty passedProperty() { return passed.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /**
     * How the tab connects again when the rules' {@code reconnect} asks, after their back-off: {@code reconnect}
     * runs on the FX thread, handed there by {@code onFx}.
     */
    public void reconnectWith(Runnable reconnect, Consumer<Runnable> onFx) {
        this.reconnect = reconnect;
        this.onFx = onFx;
    }

    /** The user closes the connection: its end is the end, with no reconnect. */
    public void closing() {
        closing = true;
        cancelReconnect();
    }

    /** At connect: reads the rules; a mistake is said in {@code said} (where it is), and no rules run. */
    public void prepare(List<WsEvent> said) {
        stopHeartbeat();
        cancelReconnect();
        closing = false;
        tries = 0;
        run = null;
        passed.set(0);
        failed.set(0);
        Map<String, String> chosen = chosenEnvironment(said);
        variables = new dev.duplex.rules.Variables(chosen);
        String typed = text.get() == null ? "" : text.get();
        if (typed.isBlank()) return;
        try {
            // The environment's values win over the rules' own, so that one set of rules runs against each.
            run = RuleFile.parse(typed).start(chosen);
            variables = run.variables();
            started = System.nanoTime();
        } catch (RuleFile.BadRules e) {
            // In the window's language: where, then what, as the bundles say it.
            Object why = e.where().isEmpty() ? e.said() : Decoded.part("rules.badAt", e.where(), e.said());
            said.add(line(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.problem(NAME, "rules.bad", why)));
        }
    }

    /** The chosen environment's variables; one that is no longer there is said, and none are taken. */
    private Map<String, String> chosenEnvironment(List<WsEvent> said) {
        String name = environment.get() == null ? "" : environment.get();
        dev.duplex.rules.Environments all = environments.getValue();
        if (name.isEmpty()) return Map.of();
        if (!all.has(name)) {
            said.add(line(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.problem(NAME, "rules.noEnvironment", name,
                    all.names().isEmpty() ? "-" : String.join(", ", all.names()))));
            return Map.of();
        }
        return all.variables(name);
    }

    /**
     * {@code {{name}}} in what the tab sends, and in its URL and headers at connect, filled from the rules'
     * variables and the environment's (a placeholder with no value stays as typed).
     */
    public String fill(String message) {
        return message == null ? null : variables.fill(message);
    }

    /** The events with the rules' lines after each; what the rules send goes to {@code send}. */
    public List<WsEvent> follow(List<WsEvent> events, Consumer<Payload> send) {
        if (run == null) return events;
        List<WsEvent> all = new ArrayList<>(events.size() + 4);
        for (WsEvent e : events) {
            all.add(e);
            if (e instanceof WsEvent.Opened) {
                tries = 0;
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
                if (reconnecting(all)) continue;
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

    /** Stops the heartbeat and any reconnect (the tab is closing). */
    public void shutdown() {
        stopHeartbeat();
        cancelReconnect();
        if (later != null) later.shutdownNow();
    }

    /**
     * The connection ended without the user asking: when the rules say so and tries are left, the next try is
     * set for after its back-off, and the run goes on (true). After the last try, a line says so (false).
     */
    private boolean reconnecting(List<WsEvent> lines) {
        dev.duplex.rules.Reconnect policy = run.reconnect().orElse(null);
        if (policy == null || closing) return false;
        if (tries >= policy.tries()) {
            lines.add(line(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.problem(NAME, "rules.gaveUp", policy.tries())));
            return false;
        }
        tries++;
        long ms = policy.delayMs(tries);
        lines.add(line(Instant.now(), WsEvent.Meant.Way.STATE, Decoded.line(NAME, "rules.reconnecting", ms, tries, policy.tries())));
        if (later == null) {
            later = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "duplex-rules-reconnect");
                t.setDaemon(true);
                return t;
            });
        }
        Runnable again = reconnect;
        pendingReconnect = later.schedule(() -> onFx.accept(again), ms, TimeUnit.MILLISECONDS);
        return true;
    }

    private void cancelReconnect() {
        if (pendingReconnect != null) pendingReconnect.cancel(false);
        pendingReconnect = null;
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
