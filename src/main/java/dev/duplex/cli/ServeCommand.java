package dev.duplex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;
import dev.duplex.net.WsEvent;

/** {@code duplex serve}: the window's echo server with its log on standard output. */
final class ServeCommand {
    private final Texts texts;
    private final EventText format;
    private final PrintStream out;
    private final PrintStream err;
    /** The SHA-256 fingerprint of the wss:// certificate, printed under the URL; null on ws://. */
    private String fingerprint;

    ServeCommand(Texts texts, PrintStream out, PrintStream err) {
        this.texts = texts;
        this.format = new EventText(texts);
        this.out = out;
        this.err = err;
    }

    int run(List<String> words, Cli.SignalHook signals) throws Args.UsageException {
        Args args = Args.parse(words, Set.of("port", "bind", "path", "reply", "max-message", "max-connections",
                "allow-origin", "handshake-timeout", "refuse", "refuse-header", "refuse-body", "subprotocol", "delay",
                "drop-every", "close-after", "close-code", "close-reason", "ping-every", "tls-pkcs12", "tls-password"),
                Set.of("no-pong", "tls"));
        if (!args.positional().isEmpty()) throw new Args.UsageException("serve takes no argument '" + args.positional().get(0) + "'");
        ServerConfig config = new ServerConfig(
                args.get("bind", ServerConfig.DEFAULT_BIND),
                args.integer("port", ServerConfig.DEFAULT_PORT, 0, 65535),
                args.get("path", ""),
                new ReplyTemplate(args.get("reply", ReplyTemplate.PLACEHOLDER)),
                args.integer("ping-every", ServerConfig.DEFAULT_PING_INTERVAL, 0, 86_400),
                behaviour(args), null)
                .withLimits(ServerConfig.Limits.DEFAULT
                        .withMaxMessage(args.integer("max-message", ServerConfig.Limits.DEFAULT_MAX_MESSAGE, 1, Integer.MAX_VALUE))
                        .withMaxConnections(args.integer("max-connections", ServerConfig.Limits.DEFAULT.maxConnections(), 1, 1_000_000))
                        .withHandshakeTimeout(args.integer("handshake-timeout", ServerConfig.Limits.DEFAULT.handshakeTimeoutMs(), 1, 3_600_000))
                        .withAllowedOrigins(args.all("allow-origin")));

        dev.duplex.tls.ServerIdentity tls = null;
        if (args.has("tls") || args.has("tls-pkcs12")) {
            try {
                tls = args.has("tls-pkcs12")
                        ? dev.duplex.settings.ServerCertificates.fromFile(java.nio.file.Path.of(args.get("tls-pkcs12", "")),
                                args.get("tls-password", ""))
                        : dev.duplex.settings.ServerCertificates.ownIn(dev.duplex.AppDirs.data());
            } catch (java.io.IOException e) {
                err.println("duplex serve: " + texts.get("cli.tlsFile", String.valueOf(e.getMessage())));
                return Cli.FAILED;
            }
            config = config.withTls(tls);
        } else if (args.has("tls-password")) {
            throw new Args.UsageException("--tls-password goes with --tls-pkcs12 FILE");
        }
        dev.duplex.tls.ServerIdentity served = tls;
        CountDownLatch stop = new CountDownLatch(1);
        signals.onTerminate(stop);
        fingerprint = served == null ? null : served.fingerprint().toString();
        LabServer server = new LabServer(this::print);
        server.setCaptureFrames(false); // the console log has no frame view
        try {
            server.start(config);
        } catch (ServerStartException e) {
            err.println("duplex serve: " + format.problem(e.problem(), ""));
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

    /** The misbehaviour switches, checked by the options layer the window uses too. */
    static ServerBehaviour behaviour(Args args) throws Args.UsageException {
        if (!args.has("refuse") && (args.has("refuse-header") || args.has("refuse-body"))) {
            throw new Args.UsageException("--refuse-header and --refuse-body go with --refuse STATUS");
        }
        if (!args.has("close-after") && (args.has("close-code") || args.has("close-reason"))) {
            throw new Args.UsageException("--close-code and --close-reason go with --close-after N");
        }
        dev.duplex.options.Checked<ServerBehaviour> b = new dev.duplex.options.BehaviourInput(args.has("refuse"),
                args.get("refuse", null), args.has("refuse-header") ? String.join("\n", args.all("refuse-header")) : null,
                args.get("refuse-body", null), args.get("subprotocol", null), args.get("delay", null),
                args.get("drop-every", null), args.get("close-after", null), args.get("close-code", null),
                args.get("close-reason", null), !args.has("no-pong")).parse();
        if (!b.isOk()) throw new Args.UsageException(b.problem().key());
        return b.value();
    }

    private void print(WsEvent event) {
        if (event instanceof WsEvent.Listening l) {
            // The first line a script waits for: it carries the URL to connect to.
            out.println(texts.get("cli.listening", l.url()));
            if (fingerprint != null) out.println(texts.get("cli.fingerprint", fingerprint));
            if (l.allInterfaces()) out.println(format.line(event, EventText.Side.SERVER));
            return;
        }
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake) return;
        PrintStream stream = event instanceof WsEvent.Failed ? err : out;
        stream.println(format.line(event, EventText.Side.SERVER));
    }
}
