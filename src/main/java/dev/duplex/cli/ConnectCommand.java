package dev.duplex.cli;

import dev.duplex.protocol.Utf8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import dev.duplex.protocol.PayloadCodec;

/**
 * {@code duplex connect URL}: sends each line of standard input as a text message and prints every
 * event as the window's client log does; onerror lines go to standard error.
 */
final class ConnectCommand {
    private static final int DEFAULT_WAIT_MS = 1_000;
    /** How long to wait for the server's answer to our close frame before giving up on it. */
    private static final int CLOSE_WAIT_MS = 5_000;

    /** What the main loop waits for: a line of input, the end of input, or the connection's end. */
    private sealed interface Signal { }
    private record Line(String text) implements Signal { }
    private record EndOfInput() implements Signal { }
    private record ConnectionEnded(WsEvent.Closed close) implements Signal { }

    private final Texts texts;
    private final EventText format;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    private boolean showFrames;
    private boolean showHandshake;
    private boolean binary;
    private boolean closeTyped;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private boolean opened;
    private WsEvent.Closed closed;
    /** Replies counted so far: messages and pongs (a /ping's pong is an answer worth waiting for too). */
    private int received;
    /** What was sent that expects an answer: messages and pings. */
    private int awaited;

    ConnectCommand(Texts texts, InputStream in, PrintStream out, PrintStream err) {
        this.texts = texts;
        this.format = new EventText(texts);
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(List<String> words) throws Args.UsageException {
        Args args = Args.parse(words, Set.of("origin", "header", "wait", "timeout", "subprotocol", "save", "trust"),
                Set.of("no-origin", "deflate", "binary", "show-frames", "show-handshake"));
        showFrames = args.has("show-frames");
        showHandshake = args.has("show-handshake");
        binary = args.has("binary");
        if (args.positional().size() != 1) throw new Args.UsageException("connect needs exactly one URL");
        URI url;
        try {
            url = WsUrl.parse(args.positional().get(0));
        } catch (WsUrl.InvalidUrlException e) {
            err.println("duplex connect: " + texts.get(e.key(), e.detail()));
            return Cli.USAGE;
        }
        if (args.has("origin") && args.has("no-origin")) throw new Args.UsageException("--origin and --no-origin exclude each other");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : args.all("header")) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new Args.UsageException("--header must look like 'Name: value', not '" + h + "'");
            headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        int waitMs = args.integer("wait", DEFAULT_WAIT_MS, 0, 3_600_000);
        int timeoutMs = args.integer("timeout", ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS, 1, 3_600_000);
        String origin = args.has("no-origin") ? null : args.get("origin", WsUrl.defaultOrigin(url));

        java.nio.file.Path save = args.has("save") ? java.nio.file.Path.of(args.get("save", "")) : null;
        WsClient client = new WsClient(this::onEvent);
        List<dev.duplex.tls.Fingerprint> trusted = new java.util.ArrayList<>();
        for (String f : args.all("trust")) {
            try {
                trusted.add(dev.duplex.tls.Fingerprint.parse(f));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--trust needs a SHA-256 fingerprint (64 hex digits, colons optional), not '" + f + "'");
            }
        }
        client.trust(trusted);
        client.connect(url, new ClientOptions(origin, headers, timeoutMs, args.all("subprotocol"), args.has("deflate")));
        int status;
        try {
            status = converse(client, waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close(CloseCodes.GOING_AWAY, "interrupted");
            status = Cli.FAILED;
        }
        if (save != null && !save(save)) return Cli.FAILED;
        return status;
    }

    /**
     * --save FILE: the conversation (handshake, every frame with its time, the close) as HAR when the name
     * ends in .har, else as JSON Lines.
     */
    private boolean save(java.nio.file.Path file) {
        List<WsEvent> events;
        synchronized (recorded) {
            events = List.copyOf(recorded);
        }
        try (var output = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
            dev.duplex.conversation.Conversation c = dev.duplex.conversation.Conversation.allOf(events).stream().findFirst()
                    .orElseThrow(() -> new java.io.IOException("no connection to save"));
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".har")) {
                dev.duplex.conversation.HarFormat.write(c, output);
            } else {
                dev.duplex.conversation.JsonLinesFormat.write(c, output);
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("duplex connect: " + texts.get("file.cannotWrite", file.toString(), String.valueOf(e.getMessage())));
            return false;
        }
    }

    private int converse(WsClient client, int waitMs) throws InterruptedException {
        synchronized (progress) {
            while (!opened && closed == null) progress.wait();
            if (!opened) return Cli.FAILED;
        }
        startReadingInput();
        while (true) {
            Signal s = signals.take();
            if (s instanceof ConnectionEnded e) return statusFor(e.close());
            if (s instanceof EndOfInput) break;
            try {
                String line = ((Line) s).text();
                if (line.startsWith("/") && !line.startsWith("//")) {
                    if (!command(client, line)) return Cli.USAGE;
                    continue;
                }
                if (line.startsWith("//")) line = line.substring(1);
                if (binary) {
                    byte[] data;
                    try {
                        data = PayloadCodec.parseHex(line);
                    } catch (PayloadCodec.FormatException e) {
                        err.println("duplex connect: " + texts.get(e.key(), e.argArray()) + " (not sent)");
                        continue;
                    }
                    client.send(data);
                } else {
                    client.send(line);
                }
                synchronized (progress) {
                    awaited++;
                }
            } catch (IllegalStateException notOpen) {
                // The server closed while we were reading: its onclose is already on the way.
                WsEvent.Closed close = awaitClose(CLOSE_WAIT_MS);
                return close == null ? Cli.ABNORMAL_CLOSE : statusFor(close);
            }
        }
        // End of input: give the replies a moment to arrive, but no longer than --wait.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        synchronized (progress) {
            long left;
            while (received < awaited && closed == null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            if (closed != null) return statusFor(closed);
        }
        // A /close typed earlier is already under way: its outcome is the answer, not ours.
        if (!closeTyped) client.close(CloseCodes.NORMAL, "");
        WsEvent.Closed close = awaitClose(CLOSE_WAIT_MS);
        return close == null ? Cli.ABNORMAL_CLOSE : closeTyped ? statusFor(close) : Cli.OK;
    }

    /**
     * A slash command typed on standard input: {@code /ping [text]}, {@code /close [code] [reason]}.
     * A line that really starts with a slash is sent by doubling it ({@code //}).
     *
     * @return false for an unknown command (after saying so)
     */
    private boolean command(WsClient client, String line) {
        String[] parts = line.substring(1).split(" ", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "ping" -> {
                synchronized (progress) {
                    awaited++;
                }
                client.ping(Utf8.bytes(rest));
            }
            case "close" -> {
                closeTyped = true;
                String[] cr = rest.strip().split(" ", 2);
                int code = CloseCodes.NORMAL;
                if (!cr[0].isEmpty()) {
                    try {
                        code = Integer.parseInt(cr[0]);
                    } catch (NumberFormatException e) {
                        err.println("duplex connect: /close takes a number, not '" + cr[0] + "'");
                        return true;
                    }
                }
                String reason = cr.length > 1 ? cr[1] : "";
                // Codes a close frame may carry go through the normal closing handshake; others (999,
                // 1005, 1006, a reason over 123 bytes) go out as they are, to see what the server does.
                if (CloseCodes.sendable(code) && Utf8.bytes(reason).length <= 123) client.close(code, reason);
                else client.closeRaw(code, Utf8.bytes(reason));
            }
            default -> {
                err.println("duplex connect: unknown command /" + parts[0] + " (try /ping [text], /close [code] [reason], or // to send a line starting with /)");
                return true;
            }
        }
        return true;
    }

    private boolean shown(WsEvent event) {
        if (event instanceof WsEvent.Frame) return showFrames;
        if (event instanceof WsEvent.Handshake h) {
            if (showHandshake) out.println(handshakeText(h));
            return false;
        }
        return true;
    }

    private String handshakeText(WsEvent.Handshake h) {
        return new dev.duplex.i18n.HandshakeText(texts).text(h);
    }

    private WsEvent.Closed awaitClose(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        synchronized (progress) {
            long left;
            while (closed == null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return closed;
        }
    }

    private static int statusFor(WsEvent.Closed close) {
        return close.code() == CloseCodes.NORMAL || close.code() == CloseCodes.GOING_AWAY ? Cli.OK : Cli.ABNORMAL_CLOSE;
    }

    /** Standard input is read on its own thread so that a connection closed by the server ends the wait. */
    private void startReadingInput() {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) signals.add(new Line(line));
            } catch (IOException e) {
                err.println("duplex connect: cannot read standard input: " + e.getMessage());
            }
            signals.add(new EndOfInput());
        }, "duplex-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** What --save writes: the events about the wire, in order. */
    private final List<WsEvent> recorded = new java.util.ArrayList<>();

    private void onEvent(WsEvent event) {
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake || event instanceof WsEvent.Opened
                || event instanceof WsEvent.Closed) {
            synchronized (recorded) {
                recorded.add(event);
            }
        }
        if (shown(event)) (event instanceof WsEvent.Failed ? err : out).println(format.line(event, EventText.Side.CLIENT));
        synchronized (progress) {
            if (event instanceof WsEvent.Opened) opened = true;
            if (event instanceof WsEvent.Received || event instanceof WsEvent.Pong) received++;
            if (event instanceof WsEvent.Closed c) {
                closed = c;
                signals.add(new ConnectionEnded(c));
            }
            progress.notifyAll();
        }
    }
}
