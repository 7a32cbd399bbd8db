package dev.duplex.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.conversation.ConversationFileException;
import dev.duplex.i18n.Texts;
import dev.duplex.options.Checked;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.options.ClientInput;
import dev.duplex.options.Field;
import dev.duplex.options.FieldProblem;
import dev.duplex.replay.RecordedSession;
import dev.duplex.replay.ReplayEvent;
import dev.duplex.replay.Replayer;
import dev.duplex.replay.Timing;
import dev.duplex.tls.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code duplex replay FILE URL}: sends the client's messages of a saved conversation to URL again, and
 * prints each reply beside the recorded one ({@link Replayer} does the work, {@link ReplayPrinter} the
 * printing). With {@code --expect-same}, a reply that differs, is missing or is extra fails the run, so that
 * a captured session is a regression test. The connection options are {@code connect}'s.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false)
final class ReplayCommand implements Callable<Integer> {
    /** Which option each field of the options layer is typed into, to name it in a usage error. */
    private static final Map<Field, String> OPTION = Map.of(Field.URL, "URL", Field.ORIGIN, "--origin",
            Field.HEADERS, "--header", Field.SUBPROTOCOLS, "--subprotocol", Field.CONNECT_TIMEOUT, "--timeout",
            Field.WAIT, "--wait", Field.TRUST, "--trust", Field.OUTBOUND_PROXY, "--proxy");
    private static final String PREFIX = "duplex replay: ";

    @ParentCommand
    private DuplexCommand duplex;
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "1", paramLabel = "FILE", descriptionKey = "file") String file;
    @Parameters(index = "1", arity = "1", paramLabel = "URL", descriptionKey = "url") String url;
    @Option(names = "--timing", paramLabel = "original|fast|step", completionCandidates = TimingNames.class) String timing;
    @Option(names = "--wait", paramLabel = "MS") String waitMs;
    @Option(names = "--expect-same") boolean expectSame;
    @Option(names = "--origin", paramLabel = "ORIGIN") String origin;
    @Option(names = "--no-origin") boolean noOrigin;
    @Option(names = "--header", paramLabel = "'NAME: VALUE'") List<String> headers;
    @Option(names = "--subprotocol", paramLabel = "NAME") List<String> subprotocols;
    @Option(names = "--deflate") boolean deflate;
    @Option(names = "--timeout", paramLabel = "MS") String timeout;
    @Option(names = "--trust", paramLabel = "SHA256") List<String> trust;
    @Option(names = "--proxy", paramLabel = "URL") String proxy;
    @Option(names = "--no-proxy") boolean noProxy;
    @Option(names = "--client-cert", paramLabel = "FILE") String clientCert;
    @Option(names = "--client-key", paramLabel = "FILE") String clientKey;
    @Option(names = "--client-cert-password", paramLabel = "PASSWORD") String clientCertPassword;
    @Option(names = "--ca", paramLabel = "FILE") String caFile;
    /** The client certificate and CAs read from those four, once every option checked. */
    private dev.duplex.tls.client.ClientTls clientTls = dev.duplex.tls.client.ClientTls.NONE;

    @Override
    public Integer call() {
        Console console = duplex.console();
        Texts texts = console.texts();
        // Every option is checked before the file is read: a typing mistake is said first.
        Timing chosen = timing == null ? Timing.ORIGINAL : Timing.parse(timing).orElseThrow(() -> new ParameterException(
                spec.commandLine(), texts.get("cli.badValue", "--timing " + timing, texts.get("replay.timing.problem"))));
        int quiet = checked(ClientInput.replyWaitMs(waitMs));
        List<Fingerprint> trusted = checked(ClientInput.trusted(trust));
        if (origin != null && noOrigin) {
            throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--origin", "--no-origin");
        }
        checked(input(new RecordedSession.RecordedHandshake(false, null, List.of(), false)).connection());
        if (proxy != null && noProxy) {
            throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--proxy", "--no-proxy");
        }
        ProxyChoice through = noProxy ? ProxyChoice.NONE : checked(ClientInput.proxy(proxy));
        clientTls = ClientTlsArguments.load(spec, texts, clientCert, clientKey, clientCertPassword, caFile);

        Path path = Path.of(file);
        List<Conversation> found;
        try {
            found = ConversationFile.read(path);
        } catch (NoSuchFileException e) {
            console.err().println(PREFIX + texts.get("replay.noFile", file));
            return Cli.FAILED;
        } catch (ConversationFileException e) {
            console.err().println(PREFIX + texts.get("file.bad", file, e.line(), e.problem()));
            return Cli.FAILED;
        } catch (IOException | RuntimeException e) {
            console.err().println(PREFIX + texts.get("file.cannotRead", file, String.valueOf(e.getMessage())));
            return Cli.FAILED;
        }
        if (found.isEmpty()) {
            console.err().println(PREFIX + texts.get("file.noWebSocket", file));
            return Cli.FAILED;
        }
        RecordedSession session;
        try {
            session = RecordedSession.of(found.get(0));
        } catch (RecordedSession.NothingToReplay e) {
            console.err().println(PREFIX + texts.get("replay.noClientMessages", file));
            return Cli.FAILED;
        }
        ClientInput.Connection connection = checked(input(session.handshake()).connection());
        console.out().println(texts.get("replay.plan", file, session.steps().size(), session.recordedReplies(),
                session.url(), chosen.key()) + (found.size() > 1 ? " " + texts.get("replay.firstOf", found.size()) : ""));
        return replay(session, connection, chosen, quiet, trusted, through);
    }

    private int replay(RecordedSession session, ClientInput.Connection connection, Timing chosen, int quiet,
            List<Fingerprint> trusted, ProxyChoice through) {
        Console console = duplex.console();
        CompletableFuture<ReplayEvent.Summary> finished = new CompletableFuture<>();
        ReplayPrinter printer = new ReplayPrinter(console);
        Replayer replayer = new Replayer(session, chosen, quiet, event -> {
            printer.on(event);
            if (event instanceof ReplayEvent.Finished f) finished.complete(f.summary());
        });
        replayer.trust(trusted);
        replayer.clientTls(clientTls);
        replayer.proxy(through);
        // Ctrl+C sends no more messages; the replay then closes and says what it compared.
        CountDownLatch interrupt = new CountDownLatch(1);
        console.signals().onTerminate(interrupt);
        daemon("duplex-replay-signal", () -> {
            try {
                interrupt.await();
                replayer.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (chosen == Timing.STEP) daemon("duplex-stdin", () -> readSteps(replayer));
        replayer.start(connection.url(), connection.options());
        ReplayEvent.Summary summary;
        try {
            summary = finished.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replayer.stop();
            return Cli.FAILED;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            interrupt.countDown(); // lets the signal's thread go
        }
        if (!summary.opened()) return Cli.FAILED;
        if (expectSame && !summary.asRecorded()) {
            console.err().println(PREFIX + console.texts().get("replay.notAsRecorded"));
            return Cli.NOT_AS_RECORDED;
        }
        return summary.closedAbnormally() ? Cli.ABNORMAL_CLOSE : Cli.OK;
    }

    /** Step timing: each line of standard input (an Enter) sends one message; its end sends no more. */
    private void readSteps(Replayer replayer) {
        Console console = duplex.console();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8))) {
            while (lines.readLine() != null) replayer.step();
        } catch (IOException e) {
            console.err().println(PREFIX + console.texts().get("cli.stdin", String.valueOf(e.getMessage())));
        }
        replayer.noMoreSteps();
    }

    /**
     * The connection as typed, with what the recording asked for where nothing was typed: its Origin (none
     * when it sent none), its subprotocols, and permessage-deflate when it offered it.
     */
    private ClientInput input(RecordedSession.RecordedHandshake recorded) {
        boolean recordedNoOrigin = recorded.captured() && recorded.origin() == null;
        boolean sendOrigin = !noOrigin && (origin != null || !recordedNoOrigin);
        String originText = origin != null ? origin : recorded.origin() != null ? recorded.origin() : "";
        String offered = subprotocols != null ? String.join(",", subprotocols)
                : recorded.subprotocols().isEmpty() ? null : String.join(",", recorded.subprotocols());
        return new ClientInput(url, sendOrigin, originText, headers == null ? null : String.join("\n", headers),
                offered, deflate || recorded.deflate(), timeout);
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private <T> T checked(Checked<T> checked) {
        if (checked.isOk()) return checked.value();
        FieldProblem problem = checked.problem();
        String option = OPTION.get(problem.field());
        // A proxy's value is not repeated: it can hold a password (the words show it masked).
        Object typed = option.startsWith("--") && problem.field() != Field.OUTBOUND_PROXY
                ? spec.findOption(option).getValue() : null;
        throw UsageErrors.problem(spec, duplex.console().texts(), problem, option, typed instanceof String s ? s : null);
    }

    /** What the bash completion offers after {@code --timing}. */
    static final class TimingNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Timing.values()).map(Timing::key).iterator();
        }
    }
}
