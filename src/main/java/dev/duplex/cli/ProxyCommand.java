package dev.duplex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.ProxyText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.proxy.ProxyServer;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.options.Checked;
import dev.duplex.options.Field;
import dev.duplex.options.FieldProblem;
import dev.duplex.options.ProxyInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code duplex proxy --listen [ADDR:]PORT --upstream URL}: Duplex in the middle ({@link ProxyServer}), its
 * log on standard output (a refused upstream and errors on standard error), until Ctrl+C or SIGTERM.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false)
final class ProxyCommand implements Callable<Integer> {
    /** Which option each field of the options layer is typed into, to name it in a usage error. */
    private static final Map<Field, String> OPTION = Map.of(Field.LISTEN, "--listen", Field.UPSTREAM, "--upstream",
            Field.REWRITE, "--rewrite", Field.DROP, "--drop", Field.DELAY, "--delay", Field.SET_HEADER, "--header", Field.REMOVE_HEADER, "--remove-header", Field.TRUST, "--trust", Field.CONNECT_TIMEOUT, "--timeout");

    @ParentCommand
    private DuplexCommand duplex;
    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "[ADDR:]PORT") String listen;
    @Option(names = "--upstream", paramLabel = "URL") String upstream;
    @Option(names = "--rewrite", paramLabel = "up|down:REGEX=>TEXT") List<String> rewrites;
    @Option(names = "--drop", paramLabel = "up|down:REGEX") List<String> drops;
    @Option(names = "--delay", paramLabel = "up|down:REGEX=>MS") List<String> delays;
    @Option(names = "--header", paramLabel = "'NAME: VALUE'") List<String> setHeaders;
    @Option(names = "--remove-header", paramLabel = "NAME") List<String> removeHeaders;
    @Option(names = "--answer-pings") boolean answerPings;
    @Option(names = "--show-frames") boolean showFrames;
    @Option(names = "--trust", paramLabel = "SHA256") List<String> trust;
    @Option(names = "--timeout", paramLabel = "MS") String timeout;
    @Option(names = "--tls") boolean tls;
    @Option(names = "--tls-pkcs12", paramLabel = "FILE") String tlsPkcs12;
    @Option(names = "--tls-password", paramLabel = "PASSWORD") String tlsPassword;

    /** The SHA-256 fingerprint of the certificate clients get on wss://, printed under the URL; null on ws://. */
    private String fingerprint;

    private ProxyText format;

    @Override
    public Integer call() {
        Console console = duplex.console();
        ProxyConfig config = config();
        if (tls || tlsPkcs12 != null) {
            try {
                dev.duplex.tls.ServerIdentity identity = ServerTls.identity(tlsPkcs12, tlsPassword);
                fingerprint = identity.fingerprint().toString();
                config = config.withTls(identity);
            } catch (java.io.IOException e) {
                console.err().println(spec.qualifiedName() + ": "
                        + console.texts().get("cli.tlsFile", String.valueOf(e.getMessage())));
                return Cli.FAILED;
            }
        }
        format = new ProxyText(console.texts());
        CountDownLatch stop = new CountDownLatch(1);
        console.signals().onTerminate(stop);
        ProxyServer proxy = new ProxyServer(this::print);
        try {
            proxy.start(config);
        } catch (ServerStartException e) {
            console.err().println(spec.qualifiedName() + ": "
                    + new EventText(console.texts()).problem(e.problem(), ""));
            return Cli.FAILED;
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        proxy.stop();
        return Cli.OK;
    }

    /** The proxy's configuration from the options; a value that does not check is a usage error in the window's words. */
    ProxyConfig config() throws ParameterException {
        Texts texts = duplex.console().texts();
        if (listen == null) throw required("--listen", "duplex.proxy.listen");
        if (upstream == null) throw required("--upstream", "duplex.proxy.upstream");
        if (tlsPassword != null && tlsPkcs12 == null) {
            throw UsageErrors.conflict(spec, texts, "cli.usage.goesWith", "--tls-password", "--tls-pkcs12");
        }
        Checked<ProxyConfig> checked = new ProxyInput(listen, upstream, rewrites, drops, delays, trust, answerPings, timeout,
                setHeaders, removeHeaders).config();
        if (!checked.isOk()) {
            FieldProblem problem = checked.problem();
            String option = OPTION.get(problem.field());
            // A repeatable option's words quote the value that is wrong; a single one shows what was typed.
            Object typed = spec.findOption(option).getValue();
            throw UsageErrors.problem(spec, texts, problem, option, typed instanceof String s ? s : null);
        }
        ProxyConfig c = checked.value();
        // Without --show-frames, frames are neither copied nor reported.
        return c.withCaptureFrames(showFrames);
    }

    private ParameterException required(String option, String helpKey) {
        Texts texts = duplex.console().texts();
        String what = spec.commandLine().getResourceBundle().getString(helpKey);
        return new ParameterException(spec.commandLine(), texts.get("cli.usage.required", option, what));
    }

    /** One line per event; the lines of several sockets' threads never mix. */
    private synchronized void print(ProxyEvent event) {
        Console console = duplex.console();
        if (event instanceof ProxyEvent.Listening l) {
            // The first line a script waits for: it carries the URL to connect to.
            console.out().println(console.texts().get(l.allInterfaces() ? "proxy.listening.all" : "proxy.listening",
                    l.url(), l.upstream()));
            if (fingerprint != null) console.out().println(console.texts().get("cli.fingerprint", fingerprint));
            return;
        }
        boolean problem = event instanceof ProxyEvent.Refused || event instanceof ProxyEvent.Failed;
        PrintStream stream = problem ? console.err() : console.out();
        stream.println(format.line(event));
    }
}
