package dev.duplex.cli;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.WsClient;
import dev.duplex.rules.RuleRun;

/**
 * {@code connect --rules} and {@code --expect} at work: the on-open sends and the heartbeat go out, each rule's
 * replies are sent, its marks and outcomes printed among the events (a failure on standard error), and at the end
 * the counts, with exit status 4 when anything failed. The engine is {@link RuleRun}; this only plays it.
 */
final class RuleConsole {
    private final RuleRun run;
    private final Console console;
    private final Texts texts;
    private final WsClient client;
    private final long started = System.nanoTime();
    private ScheduledExecutorService heartbeat;

    RuleConsole(RuleRun run, Console console, WsClient client) {
        this.run = run;
        this.console = console;
        this.texts = console.texts();
        this.client = client;
    }

    String fill(String line) {
        return run.variables().fill(line);
    }

    /** Whether a message must still come; an expectation whose time ran out is said now, and is no longer awaited. */
    boolean awaiting() {
        for (RuleRun.Outcome late : run.due(now())) print(Instant.now(), late);
        return run.awaiting();
    }

    long nanosToNextDeadline() {
        long at = run.nextDeadline();
        if (at < 0) return Long.MAX_VALUE;
        return Math.max(1, TimeUnit.MILLISECONDS.toNanos(at - now()) + 1);
    }

    /** Called with every event of the connection, on the socket's thread. */
    void after(WsEvent event) {
        if (event instanceof WsEvent.Opened o) {
            for (String message : run.opened(now())) client.send(message);
            startHeartbeat();
        } else if (event instanceof WsEvent.Received r && !r.payload().isBinary()) {
            RuleRun.Reaction reaction = run.received(r.payload().text(), now());
            for (String mark : reaction.marks()) print(r.at(), EventText.Direction.STATE, texts.get("rules.mark"), mark, false);
            for (RuleRun.Outcome outcome : reaction.outcomes()) print(r.at(), outcome);
            for (String reply : reaction.replies()) client.send(reply);
        } else if (event instanceof WsEvent.Closed) {
            stopHeartbeat();
        }
    }

    /**
     * The run is over: what is still awaited fails, the counts are printed, and the status is 4 when anything
     * failed (a connection that never opened keeps its own status).
     */
    int finish(int status, boolean opened) {
        stopHeartbeat();
        RuleRun.Summary summary = run.finish(now());
        for (RuleRun.Outcome unmet : summary.unmet()) print(Instant.now(), unmet);
        (summary.allPassed() ? console.out() : console.err()).println("duplex connect: "
                + texts.get("rules.summary", summary.passed(), summary.failed()));
        if (!opened) return status;
        return summary.allPassed() ? status : Cli.NOT_AS_EXPECTED;
    }

    /** How to reconnect when the connection ends by itself, or null. */
    dev.duplex.rules.Reconnect reconnect() {
        return run.reconnect().orElse(null);
    }

    /** A line of the rules' own about the connection (a reconnect), under "rules". */
    void say(String key, Object... args) {
        print(Instant.now(), EventText.Direction.STATE, texts.get("rules.name"), texts.get(key, args), false);
    }

    private void print(Instant at, RuleRun.Outcome outcome) {
        String text = texts.get(outcome.passed() ? "rules.passed" : "rules.failed", outcome.rule(),
                EventText.decoded(texts, outcome.detail()));
        print(at, outcome.passed() ? EventText.Direction.STATE : EventText.Direction.ERROR, texts.get("rules.name"), text,
                !outcome.passed());
    }

    private void print(Instant at, EventText.Direction direction, String name, String text, boolean error) {
        EventText.Line line = new EventText.Line(EventText.time(at), direction, name, text);
        (error ? console.err() : console.out()).println(line);
    }

    private synchronized void startHeartbeat() {
        var beat = run.heartbeat();
        if (beat.isEmpty() || heartbeat != null) return;
        long every = run.heartbeatEveryMs();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duplex-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> run.heartbeat().ifPresent(client::send), every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopHeartbeat() {
        if (heartbeat != null) heartbeat.shutdownNow();
        heartbeat = null;
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
