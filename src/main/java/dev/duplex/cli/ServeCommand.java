package dev.duplex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.EchoServer;
import dev.duplex.net.ReplyTemplate;
import dev.duplex.net.ServerConfig;
import dev.duplex.net.ServerStartException;
import dev.duplex.net.WsEvent;

/** {@code duplex serve}: the window's echo server with its log on standard output. */
final class ServeCommand {
    private final Texts texts;
    private final EventText format;
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(Texts texts, PrintStream out, PrintStream err) {
        this.texts = texts;
        this.format = new EventText(texts);
        this.out = out;
        this.err = err;
    }

    int run(List<String> words, Cli.SignalHook signals) throws Args.UsageException {
        Args args = Args.parse(words, Set.of("port", "bind", "path", "reply", "max-message", "max-connections",
                "allow-origin", "handshake-timeout"), Set.of());
        if (!args.positional().isEmpty()) throw new Args.UsageException("serve takes no argument '" + args.positional().get(0) + "'");
        ServerConfig config = new ServerConfig(
                args.get("bind", ServerConfig.DEFAULT_BIND),
                args.integer("port", ServerConfig.DEFAULT_PORT, 0, 65535),
                args.get("path", ""),
                new ReplyTemplate(args.get("reply", ReplyTemplate.PLACEHOLDER)))
                .withLimits(ServerConfig.Limits.DEFAULT
                        .withMaxMessage(args.integer("max-message", ServerConfig.Limits.DEFAULT_MAX_MESSAGE, 1, Integer.MAX_VALUE))
                        .withMaxConnections(args.integer("max-connections", ServerConfig.Limits.DEFAULT.maxConnections(), 1, 1_000_000))
                        .withHandshakeTimeout(args.integer("handshake-timeout", ServerConfig.Limits.DEFAULT.handshakeTimeoutMs(), 1, 3_600_000))
                        .withAllowedOrigins(args.all("allow-origin")));

        CountDownLatch stop = new CountDownLatch(1);
        signals.onTerminate(stop);
        EchoServer server = new EchoServer(this::print);
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

    private void print(WsEvent event) {
        if (event instanceof WsEvent.Listening l) {
            // The first line a script waits for: it carries the URL to connect to.
            out.println(texts.get("cli.listening", l.url()));
            if (l.allInterfaces()) out.println(format.line(event, EventText.Side.SERVER));
            return;
        }
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake) return;
        PrintStream stream = event instanceof WsEvent.Failed ? err : out;
        stream.println(format.line(event, EventText.Side.SERVER));
    }
}
