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

    /** The misbehaviour switches, checked here so that a bad one is a usage error, not a stack trace. */
    static ServerBehaviour behaviour(Args args) throws Args.UsageException {
        ServerConfig.Refusal refusal = null;
        if (args.has("refuse")) {
            int status = args.integer("refuse", 403, 200, 599);
            if (status == 101) throw new Args.UsageException("--refuse 101 would accept the upgrade; use a refusing status");
            try {
                refusal = new ServerConfig.Refusal(status, null, args.get("refuse-body", ""), args.all("refuse-header"));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--refuse-header must be 'Name: value' on one line");
            }
        } else if (args.has("refuse-header") || args.has("refuse-body")) {
            throw new Args.UsageException("--refuse-header and --refuse-body go with --refuse STATUS");
        }
        if (!args.has("close-after") && (args.has("close-code") || args.has("close-reason"))) {
            throw new Args.UsageException("--close-code and --close-reason go with --close-after N");
        }
        int closeCode = args.integer("close-code", 1000, 1000, 4999);
        if (!dev.duplex.protocol.CloseCodes.sendable(closeCode)) {
            throw new Args.UsageException("--close-code " + closeCode + " may not be sent (RFC 6455 7.4)");
        }
        try {
            return new ServerBehaviour(refusal, args.get("subprotocol", ""),
                    args.integer("delay", 0, 0, ServerBehaviour.MAX_DELAY_MS),
                    args.integer("drop-every", 0, 0, Integer.MAX_VALUE),
                    args.integer("close-after", 0, 0, Integer.MAX_VALUE), closeCode,
                    args.get("close-reason", ""), !args.has("no-pong"));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage().startsWith("subprotocol")
                    ? "--subprotocol must be a name without spaces or separators, or *"
                    : "--close-reason must be at most 123 bytes");
        }
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
