package dev.duplex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.HtmlReport;
import dev.duplex.check.JsonReport;
import dev.duplex.check.client.ClientCheckServer;
import dev.duplex.check.client.ClientReportWords;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.i18n.CheckText;
import dev.duplex.i18n.Texts;
import dev.duplex.options.CheckInput;
import dev.duplex.options.Checked;
import dev.duplex.options.FieldProblem;
import dev.duplex.options.ServerInput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code duplex check --client}: checks a WebSocket client against RFC 6455 with {@link ClientCheckServer}.
 * With a command ({@code -- COMMAND ARGS... {url} ...}) it starts the command once per case, {@code {url}}
 * replaced by that case's URL, and ends it (its whole process tree) once the case has ended and a grace
 * has passed; with {@code --listen [PORT]} it only serves, for a client that connects by itself, until every
 * case has run or Ctrl+C. Either way it prints the check's summary lines as {@code duplex check} does.
 */
final class ClientCheckCommand {
    /** What stands for the case's URL among the command's arguments. */
    static final String URL_MARK = "{url}";
    /** How long a spawned client may take to start and connect (ms): a JVM on a busy machine takes seconds. */
    static final long CONNECT_MS = 20_000;
    /** How long a spawned client may take to exit after its case ended, before it is ended (ms). */
    static final long EXIT_GRACE_MS = 3_000;

    private final Console console;
    private final Texts texts;
    private final Set<Integer> groups;
    private final int caseMs;
    private final boolean verbose;

    ClientCheckCommand(Console console, Set<Integer> groups, int caseMs, boolean verbose) {
        this.console = console;
        this.texts = console.texts();
        this.groups = groups;
        this.caseMs = caseMs;
        this.verbose = verbose;
    }

    /**
     * {@code duplex check --client ...}, from {@link CheckCommand}'s options: checks them, runs the check,
     * and returns the exit status (0 no FAIL, 4 a FAIL, 1 no server or a report not written; a usage error
     * is thrown as picocli's, for status 2).
     */
    static int run(CheckCommand check, CommandSpec spec, Console console) {
        Texts texts = console.texts();
        for (String other : List.of("--full", "--origin", "--no-origin", "--header", "--trust")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(other)) {
                throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--client", other);
            }
        }
        List<String> command = new ArrayList<>();
        if (check.url != null) command.add(check.url);
        if (check.commandArgs != null) command.addAll(check.commandArgs);
        if (check.listen != null && !command.isEmpty()) throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--listen", "COMMAND");
        if (check.listen == null && command.isEmpty()) throw new ParameterException(spec.commandLine(), texts.get("checkClient.noCommand"));
        if (check.listen == null && command.stream().noneMatch(a -> a.contains(URL_MARK))) {
            throw new ParameterException(spec.commandLine(), texts.get("checkClient.noUrl"));
        }
        Checked<Set<Integer>> typedGroups = CheckInput.groups(check.groups);
        if (!typedGroups.isOk() || (check.groups != null && !ClientCheckServer.GROUPS.containsAll(typedGroups.value()))) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.badValue", "--group " + check.groups, texts.get("checkClient.groups")));
        }
        Set<Integer> chosen = new TreeSet<>(typedGroups.value());
        chosen.retainAll(ClientCheckServer.GROUPS);
        Checked<Integer> typedTimeout = CheckInput.caseTimeout(check.timeout);
        if (!typedTimeout.isOk()) {
            FieldProblem p = typedTimeout.problem();
            throw UsageErrors.problem(spec, texts, p, "--timeout", check.timeout);
        }
        ClientCheckCommand run = new ClientCheckCommand(console, chosen, typedTimeout.value(), check.verbose);
        CheckReport report;
        if (check.listen != null) {
            Checked<Integer> port = ServerInput.port(check.listen);
            if (!port.isOk()) throw UsageErrors.problem(spec, texts, port.problem(), "--listen", check.listen);
            report = run.listening(port.value());
        } else {
            report = run.spawning(command);
        }
        if (report == null) return Cli.FAILED;
        if (!run.finish(report, check.json, check.report)) return Cli.FAILED;
        return report.anyFailed() ? CheckCommand.SOME_FAILED : Cli.OK;
    }

    /** Spawns {@code command} once per case; returns the report, or null when the server cannot listen. */
    CheckReport spawning(List<String> command) {
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, groups, caseMs, this::printCase, texts)) {
            console.out().println(texts.get("checkClient.plan", server.caseIds().size(), join(groups), caseMs, String.join(" ", command)));
            for (String id : server.caseIds()) runOne(server, id, command);
            return server.report();
        } catch (IOException e) {
            console.err().println("duplex check: " + texts.get("checkClient.cannotListen", "0", String.valueOf(e.getMessage())));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void runOne(ClientCheckServer server, String id, List<String> command) throws InterruptedException {
        List<String> argv = new ArrayList<>();
        String url = server.caseUrl(id).toString();
        for (String arg : command) argv.add(arg.replace(URL_MARK, url));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            server.notConnected(id, texts.get("checkClient.cannotStart", argv.get(0), String.valueOf(e.getMessage())));
            return;
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // Its standard input is closed: it reads nothing from us.
        }
        try {
            CaseResult r = server.awaitResult(id, CONNECT_MS + caseMs);
            if (r == null) {
                server.notConnected(id, p.isAlive() ? "no connection within " + (CONNECT_MS + caseMs) + " ms"
                        : "the command exited with " + p.exitValue() + " before connecting");
            }
            if (!p.waitFor(EXIT_GRACE_MS, TimeUnit.MILLISECONDS)) end(p);
        } finally {
            if (p.isAlive()) end(p);
        }
    }

    /** Ends the client and everything it started (a shell's child, a JVM's), children first. */
    private static void end(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        for (ProcessHandle child : tree) child.destroyForcibly();
        p.destroyForcibly();
        p.waitFor(EXIT_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** Serves until every case has run or the user stops it; returns the report, or null when it cannot listen. */
    CheckReport listening(int port) {
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", port, groups, caseMs, this::printCase, texts)) {
            console.out().println(texts.get("checkClient.plan", server.caseIds().size(), join(groups), caseMs, server.checkUrl()));
            console.out().println(texts.get("checkClient.listen.check", server.checkUrl()));
            console.out().println(texts.get("checkClient.listen.report", server.reportUrl()));
            console.out().println(texts.get("checkClient.listen.browser", server.browserUrl()));
            console.out().flush();
            CountDownLatch stop = new CountDownLatch(1);
            console.signals().onTerminate(stop);
            Thread watcher = new Thread(() -> {
                try {
                    server.awaitDone(Long.MAX_VALUE / 2);
                } catch (InterruptedException e) {
                    return;
                }
                stop.countDown();
            }, "duplex-client-check-done");
            watcher.setDaemon(true);
            watcher.start();
            stop.await();
            watcher.interrupt();
            return server.report();
        } catch (IOException e) {
            console.err().println("duplex check: " + texts.get("checkClient.cannotListen", String.valueOf(port), String.valueOf(e.getMessage())));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The summary lines, as {@code duplex check} prints them, and the reports asked for; whether they could be written. */
    boolean finish(CheckReport run, String json, String html) {
        for (String line : new CheckText(texts).summary(run)) console.out().println(line);
        boolean written = write(json, () -> JsonReport.write(run, Path.of(json)));
        return written & write(html, () -> HtmlReport.write(CaseTitleText.of(texts).withTitles(run), Path.of(html), ClientReportWords.of(texts)));
    }

    private void printCase(CaseResult r) {
        if (!verbose) return;
        synchronized (console) {
            console.out().println(texts.get("check.case", r.id(), r.verdict().label(), CaseTitleText.of(texts).title(r.title()),
                    r.observed() + (r.why().isEmpty() ? "" : " (" + r.why() + ")")));
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private boolean write(String file, Writing writing) {
        if (file == null) return true;
        try {
            writing.run();
            console.out().println(texts.get("check.wrote", file));
            return true;
        } catch (IOException | RuntimeException e) {
            console.err().println("duplex check: " + texts.get("check.cannotWrite", file, String.valueOf(e.getMessage())));
            return false;
        }
    }

    private static String join(Set<Integer> groups) {
        StringBuilder b = new StringBuilder();
        for (int g : new TreeSet<>(groups)) b.append(b.length() == 0 ? "" : ",").append(g);
        return b.toString();
    }
}
