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
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;
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
    /** How often the wait for a case's result looks whether its client has exited (ms). */
    private static final long EXIT_SLICE_MS = 200;

    private final Console console;
    private final Texts texts;
    private final Set<Integer> groups;
    private final int caseMs;
    private final boolean verbose;
    /** The certificate the cases are served with over wss://; null for ws://. */
    private final ServerIdentity tls;

    ClientCheckCommand(Console console, Set<Integer> groups, int caseMs, boolean verbose, ServerIdentity tls) {
        this.console = console;
        this.texts = console.texts();
        this.groups = groups;
        this.caseMs = caseMs;
        this.verbose = verbose;
        this.tls = tls;
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
        if (check.tlsPassword != null && check.tlsPkcs12 == null) {
            throw UsageErrors.conflict(spec, texts, "cli.usage.goesWith", "--tls-password", "--tls-pkcs12");
        }
        ServerIdentity identity = null;
        if (check.tls || check.tlsPkcs12 != null) {
            try {
                identity = ServerTls.identity(check.tlsPkcs12, check.tlsPassword);
            } catch (IOException e) {
                console.err().println("duplex check: " + texts.get("cli.tlsFile", String.valueOf(e.getMessage())));
                return Cli.FAILED;
            }
        }
        ClientCheckCommand run = new ClientCheckCommand(console, chosen, typedTimeout.value(), check.verbose, identity);
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
        try (ClientCheckServer server = start(0)) {
            console.out().println(texts.get("checkClient.plan", server.caseIds().size(), join(groups), caseMs, String.join(" ", command)));
            printFingerprint();
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

    private ClientCheckServer start(int port) throws IOException {
        return ClientCheckServer.start("127.0.0.1", port, groups, caseMs, this::printCase, texts,
                tls == null ? null : TlsContexts.server(tls));
    }

    /** Under the plan, on wss://, the certificate's fingerprint for a client to pin, as serve prints it. */
    private void printFingerprint() {
        if (tls != null) console.out().println(texts.get("cli.fingerprint", tls.fingerprint().toString()));
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
        int tlsFailuresBefore = server.tlsFailures();
        try {
            CaseResult r = awaitResult(server, id, p, tlsFailuresBefore);
            if (r == null) {
                server.notConnected(id, server.tlsFailures() > tlsFailuresBefore
                        ? texts.get("checkClient.tlsFailed", server.tlsFailure())
                        : p.isAlive() ? "no connection within " + (CONNECT_MS + caseMs) + " ms"
                        : "the command exited with " + p.exitValue() + " before connecting");
            }
            if (!p.waitFor(EXIT_GRACE_MS, TimeUnit.MILLISECONDS)) end(p);
        } finally {
            if (p.isAlive()) end(p);
        }
    }

    /**
     * Case {@code id}'s result, waited for while the client runs, at most {@link #CONNECT_MS} and the case's
     * bound; once the client has exited, no longer than a case's bound (a case it began ends within it), and
     * not at all after a TLS handshake failed.
     * Null when there is none.
     */
    private CaseResult awaitResult(ClientCheckServer server, String id, Process p, int tlsFailuresBefore)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_MS + caseMs);
        java.util.concurrent.CompletableFuture<Process> exited = p.onExit();
        while (System.nanoTime() < deadline) {
            CaseResult r = server.awaitResult(id, EXIT_SLICE_MS);
            if (r != null) return r;
            // A case already running ends within its bound; one that never began will not begin now, nor one
            // whose TLS handshake failed.
            if (exited.isDone()) {
                return server.tlsFailures() > tlsFailuresBefore ? null : server.awaitResult(id, caseMs + EXIT_SLICE_MS);
            }
        }
        return null;
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
        try (ClientCheckServer server = start(port)) {
            console.out().println(texts.get("checkClient.plan", server.caseIds().size(), join(groups), caseMs, server.checkUrl()));
            printFingerprint();
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
