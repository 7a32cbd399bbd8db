package dev.duplex.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;

/** The command line: {@code duplex serve …}, {@code duplex connect …}, {@code --version}, {@code --help}. */
public final class Cli {
    /** Exit status: everything went as asked. */
    public static final int OK = 0;
    /** The server could not listen, or the client could not connect. */
    public static final int FAILED = 1;
    /** The arguments were wrong. */
    public static final int USAGE = 2;
    /** The connection opened but then ended abnormally (not 1000 or 1001). */
    public static final int ABNORMAL_CLOSE = 3;

    static final String USAGE_TEXT = """
            usage: duplex                       open the window
                   duplex serve [--port N] [--bind ADDR] [--path P] [--reply TEMPLATE] [--max-message BYTES]
                                [--max-connections N] [--handshake-timeout MS] [--allow-origin ORIGIN]...
                                [--refuse STATUS [--refuse-header 'Name: value']... [--refuse-body TEXT]]
                                [--subprotocol NAME|*] [--delay MS] [--drop-every N] [--no-pong] [--ping-every S]
                                [--close-after N [--close-code C] [--close-reason TEXT]]
                                [--tls | --tls-pkcs12 FILE [--tls-password P]]
                   duplex connect URL [--origin O | --no-origin] [--header 'Name: value']... [--subprotocol P]...
                                  [--deflate] [--binary] [--show-frames] [--show-handshake] [--wait MS] [--timeout MS]
                                  [--save FILE.jsonl|FILE.har] [--trust SHA256-FINGERPRINT]...
                   duplex --version

            serve    runs the echo server until Ctrl+C (or SIGTERM), printing one line per event.
                     --port 8080, --bind 127.0.0.1 (0.0.0.0 for every interface), --path '' (any path),
                     --reply '{message}' (exact echo); '我已经收到消息 Received:{message}' answers like the seed's Go server.
                     --max-message 16777216: a larger frame or message closes that client with 1009.
                     --allow-origin: only these Origins may connect (others get 403). --max-connections 1000.
                     Misbehaving on purpose, to test clients (each says so in the log when it acts):
                     --refuse 403 answers every upgrade with that status (and headers, body) instead of 101;
                     --subprotocol NAME answers NAME, offered or not; * answers the client's first offer;
                     --delay MS holds each reply back; --drop-every N leaves every Nth message unanswered;
                     --close-after N closes a client after its Nth message (--close-code 1000, --close-reason);
                     --no-pong stops answering pings; --ping-every S pings each client every S seconds (60;
                     0 never) and drops a client that does not answer; a --reply without {message} is a fixed answer.
                     --tls serves wss:// with Duplex's own self-signed certificate (made once, kept, its SHA-256
                     fingerprint printed under the URL); --tls-pkcs12 FILE serves with yours.
            connect  sends each line of standard input as a text message and prints each event;
                     at the end of input it waits up to --wait ms (1000) for replies, then closes with 1000.
                     Sends the Origin a page on the same host would, unless --origin or --no-origin.
                     --binary reads each line as hex bytes; --show-frames prints every frame; --show-handshake
                     prints both sides of the upgrade with the Accept check. Typed commands: /ping [text],
                     /close [code] [reason] (any code, valid or not), and // to send a line starting with /.
                     --save FILE keeps the conversation (handshake, every frame, the close) as JSON Lines, or as
                     HAR (what browsers export) when FILE ends in .har. wss:// checks certificates as usual;
                     --trust FINGERPRINT also accepts that one certificate (self-signed, say), as onerror showed it.
            exit status: 0 ok, 1 could not listen or connect, 2 bad arguments, 3 connection closed abnormally
            """;

    /** How {@code serve} learns that the user wants it to stop (Ctrl+C); tests use a latch instead. */
    public interface SignalHook {
        /** Arranges for {@code stop} to be counted down on SIGINT and SIGTERM. */
        void onTerminate(CountDownLatch stop);

        SignalHook SYSTEM = Signals::install;
    }

    private Cli() { }

    public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, SignalHook signals) {
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("-V")) {
            out.println("duplex " + Version.get());
            return OK;
        }
        Texts texts = Texts.of(Texts.localeFor(""));
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "serve" -> new ServeCommand(texts, out, err).run(rest, signals);
                case "connect" -> new ConnectCommand(texts, in, out, err).run(rest);
                default -> throw new Args.UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (Args.UsageException e) {
            err.println("duplex: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }
}
