package dev.duplex.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;

import dev.duplex.i18n.Texts;
import picocli.CommandLine;

/**
 * The command line: {@code duplex serve …}, {@code duplex connect …}, {@code duplex replay …}, {@code --version},
 * {@code --help}.
 * The commands are picocli's ({@link DuplexCommand} and its subcommands); their help comes from the
 * {@code dev.duplex.cli.usage} bundles in the user's language, and every value typed is checked by
 * {@code dev.duplex.options}, in the window's words.
 */
public final class Cli {
    /** Exit status: everything went as asked. */
    public static final int OK = 0;
    /** The server could not listen, or the client could not connect. */
    public static final int FAILED = 1;
    /** The arguments were wrong. */
    public static final int USAGE = 2;
    /** The connection opened but then ended abnormally (not 1000 or 1001). */
    public static final int ABNORMAL_CLOSE = 3;
    /** {@code replay --expect-same}: a reply differed from the recording, was missing or extra, or a message was not sent. */
    public static final int NOT_AS_RECORDED = 4;
    /** {@code connect --rules} or {@code --expect}: an assertion failed, or an expected message did not come in time. */
    public static final int NOT_AS_EXPECTED = NOT_AS_RECORDED;

    /** The base name of the help's bundles: dev/duplex/cli/usage[_zh_CN].properties. */
    static final String USAGE_BUNDLE = "dev.duplex.cli.usage";

    /** How {@code serve} learns that the user wants it to stop (Ctrl+C); tests use a latch instead. */
    public interface SignalHook {
        /** Arranges for {@code stop} to be counted down on SIGINT and SIGTERM. */
        void onTerminate(CountDownLatch stop);

        SignalHook SYSTEM = Signals::install;
    }

    /**
     * Java-WebSocket's own log. It reports a peer's protocol error as a SEVERE record with a stack trace on
     * stderr, before our one clear onerror line says the same; the console shows only ours. Held here, as
     * java.util.logging forgets the level of a logger nobody holds.
     */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("org.java_websocket");

    private Cli() { }

    /** Runs one command line in the user's language (as {@code Texts.localeFor("")} chooses it). */
    public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, SignalHook signals) {
        return run(argv, in, out, err, signals, Texts.localeFor(""));
    }

    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, SignalHook signals, Locale locale) {
        LIBRARY_LOG.setLevel(java.util.logging.Level.OFF);
        Console console = new Console(in, out, err, signals, Texts.of(locale));
        CommandLine line = commandLine(new DuplexCommand(console), locale);
        line.setOut(writer(out));
        line.setErr(writer(err));
        int status = line.execute(argv);
        line.getOut().flush();
        line.getErr().flush();
        return status;
    }

    /** The commands, with their help in this locale and usage errors in the console's words. */
    static CommandLine commandLine(DuplexCommand duplex, Locale locale) {
        CommandLine line = new CommandLine(duplex);
        line.setResourceBundle(ResourceBundle.getBundle(USAGE_BUNDLE, locale));
        // As before picocli: an option given twice takes its last value, as most commands do.
        line.setOverwrittenOptionsAllowed(true);
        line.setParameterExceptionHandler(new UsageErrors(duplex.console().texts()));
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            // A fault of ours, not of the arguments: one line, not a stack trace.
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e);
            return FAILED;
        });
        return line;
    }

    /** Writes through to the stream in UTF-8, as {@code Main} writes everything (the seed's replies are Chinese). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
