package dev.duplex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.WsEvent;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.options.BehaviourInput;
import dev.duplex.options.Checked;
import dev.duplex.options.DeflateInput;
import dev.duplex.options.Field;
import dev.duplex.options.ServerInput;
import dev.duplex.tls.ServerIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code duplex serve}: the window's echo server with its log on standard output, until Ctrl+C or SIGTERM
 * (its clients are then closed with 1001). The options are the window's server form, Limits and pings,
 * and Behaviours, typed as text and read by {@code dev.duplex.options} as the window reads its fields.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    /** Which option each field of the options layer is typed into, to name it in a usage error. */
    private static final Map<Field, String> OPTION = Map.ofEntries(Map.entry(Field.PORT, "--port"),
            Map.entry(Field.BIND_ADDRESS, "--bind"), Map.entry(Field.PATH, "--path"), Map.entry(Field.REPLY, "--reply"),
            Map.entry(Field.MAX_MESSAGE, "--max-message"), Map.entry(Field.MAX_CONNECTIONS, "--max-connections"),
            Map.entry(Field.HANDSHAKE_TIMEOUT, "--handshake-timeout"), Map.entry(Field.ALLOWED_ORIGINS, "--allow-origin"),
            Map.entry(Field.PING_INTERVAL, "--ping-every"), Map.entry(Field.REFUSE_STATUS, "--refuse"),
            Map.entry(Field.REFUSE_HEADERS, "--refuse-header"), Map.entry(Field.REFUSE_BODY, "--refuse-body"),
            Map.entry(Field.SUBPROTOCOL_ANSWER, "--subprotocol"), Map.entry(Field.REPLY_DELAY, "--delay"),
            Map.entry(Field.DROP_EVERY, "--drop-every"), Map.entry(Field.CLOSE_AFTER, "--close-after"),
            Map.entry(Field.CLOSE_AFTER_CODE, "--close-code"), Map.entry(Field.CLOSE_AFTER_REASON, "--close-reason"));

    @ParentCommand
    private DuplexCommand duplex;
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N") String port;
    @Option(names = "--bind", paramLabel = "ADDR") String bind;
    @Option(names = "--path", paramLabel = "P") String path;
    @Option(names = "--reply", paramLabel = "TEMPLATE") String reply;
    @Option(names = "--max-message", paramLabel = "BYTES") String maxMessage;
    @Option(names = "--max-connections", paramLabel = "N") String maxConnections;
    @Option(names = "--handshake-timeout", paramLabel = "MS") String handshakeTimeout;
    @Option(names = "--allow-origin", paramLabel = "ORIGIN") List<String> allowOrigins;
    @Option(names = "--ping-every", paramLabel = "S") String pingEvery;
    @Option(names = "--refuse", paramLabel = "STATUS") String refuse;
    @Option(names = "--refuse-header", paramLabel = "'NAME: VALUE'") List<String> refuseHeaders;
    @Option(names = "--refuse-body", paramLabel = "TEXT") String refuseBody;
    @Option(names = "--subprotocol", paramLabel = "NAME|*") String subprotocol;
    @Option(names = "--delay", paramLabel = "MS") String delay;
    @Option(names = "--drop-every", paramLabel = "N") String dropEvery;
    @Option(names = "--close-after", paramLabel = "N") String closeAfter;
    @Option(names = "--close-code", paramLabel = "CODE") String closeCode;
    @Option(names = "--close-reason", paramLabel = "TEXT") String closeReason;
    @Option(names = "--no-pong") boolean noPong;
    @Option(names = "--tls") boolean tls;
    @Option(names = "--deflate") boolean deflate;
    @Option(names = "--deflate-params", paramLabel = "PARAMS") String deflateParams;
    @Option(names = "--tls-pkcs12", paramLabel = "FILE") String tlsPkcs12;
    @Option(names = "--tls-password", paramLabel = "PASSWORD") String tlsPassword;

    /** The SHA-256 fingerprint of the wss:// certificate, printed under the URL; null on ws://. */
    private String fingerprint;
    private EventText format;

    @Override
    public Integer call() {
        Console console = duplex.console();
        ServerConfig config = config().value();
        DeflateParams compression = deflate();
        if (tls || tlsPkcs12 != null) {
            try {
                ServerIdentity identity = ServerTls.identity(tlsPkcs12, tlsPassword);
                fingerprint = identity.fingerprint().toString();
                config = config.withTls(identity);
            } catch (IOException e) {
                console.err().println(spec.qualifiedName() + ": "
                        + console.texts().get("cli.tlsFile", String.valueOf(e.getMessage())));
                return Cli.FAILED;
            }
        }
        format = new EventText(console.texts());
        CountDownLatch stop = new CountDownLatch(1);
        console.signals().onTerminate(stop);
        LabServer server = new LabServer(this::print);
        server.setCaptureFrames(false); // the console log has no frame view
        server.setDeflate(compression);
        try {
            server.start(config);
        } catch (ServerStartException e) {
            console.err().println(spec.qualifiedName() + ": " + format.problem(e.problem(), ""));
            return Cli.FAILED;
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        return Cli.OK;
    }

    /**
     * The server's configuration from the options, as the window makes it from its fields (null options:
     * the defaults), without TLS; a value that does not check is a usage error in the window's words.
     */
    Checked<ServerConfig> config() throws ParameterException {
        Texts texts = duplex.console().texts();
        requireWith(refuseHeaders != null, "--refuse-header", refuse, "--refuse");
        requireWith(refuseBody != null, "--refuse-body", refuse, "--refuse");
        requireWith(closeCode != null, "--close-code", closeAfter, "--close-after");
        requireWith(closeReason != null, "--close-reason", closeAfter, "--close-after");
        requireWith(tlsPassword != null, "--tls-password", tlsPkcs12, "--tls-pkcs12");
        BehaviourInput behaviour = new BehaviourInput(refuse != null, refuse, lines(refuseHeaders), refuseBody,
                subprotocol, delay, dropEvery, closeAfter, closeCode, closeReason, !noPong);
        ServerInput input = new ServerInput(port, bind, path, reply, pingEvery, maxMessage,
                allowOrigins == null ? null : String.join(" ", allowOrigins), maxConnections, handshakeTimeout);
        Checked<ServerConfig> checked = input.config(behaviour);
        if (!checked.isOk()) {
            String option = OPTION.get(checked.problem().field());
            Object typed = spec.findOption(option).getValue();
            throw UsageErrors.problem(spec, texts, checked.problem(), option, typed instanceof String s ? s : null);
        }
        return checked;
    }

    /** What the server asks of permessage-deflate ({@code --deflate-params} implies {@code --deflate}), or null. */
    private DeflateParams deflate() throws ParameterException {
        if (!deflate && deflateParams == null) return null;
        Checked<DeflateParams> checked = DeflateInput.params(deflateParams);
        if (!checked.isOk()) {
            throw UsageErrors.problem(spec, duplex.console().texts(), checked.problem(), "--deflate-params", deflateParams);
        }
        return checked.value();
    }

    private void requireWith(boolean given, String option, Object other, String otherOption) {
        if (given && other == null) {
            throw UsageErrors.conflict(spec, duplex.console().texts(), "cli.usage.goesWith", option, otherOption);
        }
    }

    private static String lines(List<String> repeated) {
        return repeated == null ? null : String.join("\n", repeated);
    }

    private void print(WsEvent event) {
        Console console = duplex.console();
        if (event instanceof WsEvent.Listening l) {
            // The first line a script waits for: it carries the URL to connect to.
            console.out().println(console.texts().get("cli.listening", l.url()));
            if (fingerprint != null) console.out().println(console.texts().get("cli.fingerprint", fingerprint));
            if (l.allInterfaces()) console.out().println(format.line(event, EventText.Side.SERVER));
            return;
        }
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake) return;
        PrintStream stream = event instanceof WsEvent.Failed ? console.err() : console.out();
        stream.println(format.line(event, EventText.Side.SERVER));
    }
}
