package dev.duplex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.Checker;
import dev.duplex.check.HtmlReport;
import dev.duplex.check.JsonReport;
import dev.duplex.check.Outbound;
import dev.duplex.i18n.CaseTitleText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.options.CheckInput;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.options.Field;
import dev.duplex.options.FieldProblem;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.client.ClientTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code duplex check URL}: runs the conformance cases of {@code dev.duplex.check} against an echoing
 * server, prints a line per group, and writes the JSON and HTML reports asked for. Exit status 0 when no
 * case FAILed, 4 when one did, 2 on bad arguments, 1 when the server cannot be reached at all.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false)
final class CheckCommand implements Callable<Integer> {
    /** A case FAILed. */
    static final int SOME_FAILED = 4;
    private static final Map<Field, String> OPTION = Map.of(Field.URL, "URL", Field.ORIGIN, "--origin",
            Field.HEADERS, "--header", Field.CHECK_GROUPS, "--group", Field.CHECK_CASE_TIMEOUT, "--timeout",
            Field.TRUST, "--trust", Field.OUTBOUND_PROXY, "--proxy");

    @ParentCommand
    private DuplexCommand duplex;
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", descriptionKey = "url") String url;
    // duplex check --client: the client checker (ClientCheckCommand); the URL's place then holds COMMAND.
    @Parameters(index = "1..*", paramLabel = "ARGS", descriptionKey = "args") List<String> commandArgs;
    @Option(names = "--client") boolean client;
    @Option(names = "--listen", arity = "0..1", fallbackValue = "0", paramLabel = "PORT") String listen;
    @Option(names = "--group", paramLabel = "N,N,…") String groups;
    @Option(names = "--full") boolean full;
    @Option(names = "--json", paramLabel = "FILE") String json;
    @Option(names = "--report", paramLabel = "FILE.html") String report;
    @Option(names = "--verbose") boolean verbose;
    @Option(names = "--timeout", paramLabel = "MS") String timeout;
    @Option(names = "--origin", paramLabel = "ORIGIN") String origin;
    @Option(names = "--no-origin") boolean noOrigin;
    @Option(names = "--header", paramLabel = "'NAME: VALUE'") List<String> headers;
    @Option(names = "--trust", paramLabel = "SHA256") List<String> trust;
    @Option(names = "--proxy", paramLabel = "URL") String proxy;
    @Option(names = "--no-proxy") boolean noProxy;
    @Option(names = "--client-cert", paramLabel = "FILE") String clientCert;
    @Option(names = "--client-key", paramLabel = "FILE") String clientKey;
    @Option(names = "--client-cert-password", paramLabel = "PASSWORD") String clientCertPassword;
    @Option(names = "--ca", paramLabel = "FILE") String caFile;
    // With --client: the cases over wss://, as serve --tls serves.
    @Option(names = "--tls") boolean tls;
    @Option(names = "--tls-pkcs12", paramLabel = "FILE") String tlsPkcs12;
    @Option(names = "--tls-password", paramLabel = "PASSWORD") String tlsPassword;

    @Override
    public Integer call() {
        Console console = duplex.console();
        Texts texts = console.texts();
        if (client || listen != null) return ClientCheckCommand.run(this, spec, console);
        for (String clientOnly : List.of("--tls", "--tls-pkcs12", "--tls-password")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(clientOnly)) {
                throw UsageErrors.conflict(spec, texts, "cli.usage.goesWith", clientOnly, "--client");
            }
        }
        if (url == null) throw new ParameterException(spec.commandLine(), texts.get("cli.usage.missing", spec.name(), "URL"));
        if (commandArgs != null) throw new ParameterException(spec.commandLine(), texts.get("checkClient.extra", commandArgs.get(0)));
        if (origin != null && noOrigin) throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--origin", "--no-origin");
        ClientInput.Connection c = checked(new ClientInput(url, !noOrigin, origin,
                headers == null ? null : String.join("\n", headers), null, false, null).connection());
        Set<Integer> chosen = checked(CheckInput.groups(groups));
        int caseMs = checked(CheckInput.caseTimeout(timeout));
        List<Fingerprint> trusted = checked(ClientInput.trusted(trust));
        if (proxy != null && noProxy) throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--proxy", "--no-proxy");
        ProxyChoice route = noProxy ? ProxyChoice.NONE : checked(ClientInput.proxy(proxy));
        ClientTls own = ClientTlsArguments.load(spec, texts, clientCert, clientKey, clientCertPassword, caFile);
        Checker.Plan plan = new Checker.Plan(c.url(), c.options().origin(), c.options().headers(), chosen, full, caseMs,
                Checker.Plan.defaultRunMs(full), trusted, new Outbound(route, own));
        String unreachable = Checker.unreachable(plan, Math.max(caseMs, 5_000));
        if (unreachable != null) {
            console.err().println("duplex check: " + texts.get("check.cannotConnect", c.url(), unreachable));
            return Cli.FAILED;
        }
        console.out().println(texts.get("check.plan", c.url(), Checker.count(chosen, full), join(chosen), caseMs));
        CheckReport run = Checker.run(plan, r -> {
            if (verbose) printCase(r);
        });
        for (String line : new dev.duplex.i18n.CheckText(texts).summary(run)) console.out().println(line);
        if (run.bounded()) console.out().println(texts.get("check.bounded", String.valueOf(plan.runMs())));
        boolean written = write(json, () -> JsonReport.write(run, Path.of(json)));
        written &= write(report, () -> HtmlReport.write(CaseTitleText.of(texts).withTitles(run), Path.of(report), texts::get));
        if (!written) return Cli.FAILED;
        return run.anyFailed() ? SOME_FAILED : Cli.OK;
    }

    private void printCase(CaseResult r) {
        Console console = duplex.console();
        synchronized (console) {
            console.out().println(console.texts().get("check.case", r.id(), r.verdict().label(),
                    CaseTitleText.of(console.texts()).title(r.title()),
                    r.observed() + (r.why().isEmpty() ? "" : " (" + r.why() + ")")));
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private boolean write(String file, Writing writing) {
        if (file == null) return true;
        Console console = duplex.console();
        try {
            writing.run();
            console.out().println(console.texts().get("check.wrote", file));
            return true;
        } catch (IOException | RuntimeException e) {
            console.err().println("duplex check: " + console.texts().get("check.cannotWrite", file, String.valueOf(e.getMessage())));
            return false;
        }
    }

    private static String join(Set<Integer> groups) {
        StringBuilder b = new StringBuilder();
        for (int g : new TreeSet<>(groups)) b.append(b.length() == 0 ? "" : ",").append(g);
        return b.toString();
    }

    private <T> T checked(Checked<T> checked) {
        if (checked.isOk()) return checked.value();
        FieldProblem problem = checked.problem();
        String option = OPTION.getOrDefault(problem.field(), "URL");
        // A proxy's URL may hold a password: its words show it masked, the value is not repeated.
        Object typed = option.startsWith("--") && problem.field() != Field.OUTBOUND_PROXY ? spec.findOption(option).getValue() : null;
        throw UsageErrors.problem(spec, duplex.console().texts(), problem, option, typed instanceof String s ? s : null);
    }
}
