package dev.duplex.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.HandshakeText;
import dev.duplex.secrets.Masking;
import dev.duplex.options.FrameInput;
import dev.duplex.options.SplitInput;
import dev.duplex.i18n.Texts;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.WsClient;
import dev.duplex.options.Checked;
import dev.duplex.options.CloseInput;
import dev.duplex.options.LabInput;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.protocol.PayloadCodec;
import dev.duplex.protocol.Utf8;

/**
 * One connection of {@code duplex connect}, talked over standard input: each line goes as a message,
 * {@code /ping} and {@code /close} as control frames, and every event is printed as the window's client
 * log shows it (onerror lines on standard error).
 */
final class ConsoleClient {
    /** How long to wait for the server's answer to our close frame before giving up on it. */
    private static final int CLOSE_WAIT_MS = 5_000;
    private static final String PREFIX = "duplex connect: ";

    /** What the main loop waits for: a line of input, the end of input, or the connection's end. */
    private sealed interface Signal { }
    private record Line(String text) implements Signal { }
    private record EndOfInput() implements Signal { }
    /** The end of the connection made {@code generation}-th: one that ended before a reconnect is passed over. */
    private record ConnectionEnded(WsEvent.Closed close, int generation) implements Signal { }

    /** What {@code connect}'s switches ask to be shown and how lines are read. */
    /**
     * @param shown what the printed lines and handshake mask ({@code --show-secrets} reveals)
     * @param saved what {@code --save} masks ({@code --save-secrets} keeps)
     */
    record Show(boolean frames, boolean handshake, boolean binary, Masking shown, Masking saved, boolean echo) {
        Show(boolean frames, boolean handshake, boolean binary) {
            this(frames, handshake, binary, Masking.MASKED, Masking.MASKED, false);
        }
    }

    private final Console console;
    private final Texts texts;
    private final EventText format;
    private final Show show;
    private final WsClient client = new WsClient(this::onEvent);
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    /** What --save writes: the events about the wire, in order. */
    private final List<WsEvent> recorded = new ArrayList<>();
    /** connect --rules, --expect: the rules at work on the connection, or null (see {@link RuleConsole}). */
    private volatile RuleConsole rules;
    /** connect --decode: the application protocol spoken on the connection, or null. */
    private volatile ProtocolConsole protocol;
    private java.util.function.Supplier<dev.duplex.decode.AppProtocol> protocols;
    private java.net.URI url;
    private dev.duplex.net.client.ClientOptions options;
    /** How many connections were made; the signals of an earlier one are stale. */
    private volatile int generation;
    private boolean closeTyped;
    private boolean opened;
    private WsEvent.Closed closed;
    /** Replies counted so far: messages and pongs (a /ping's pong is an answer worth waiting for too). */
    private int received;
    /** What was sent that expects an answer: messages and pings. */
    private int awaited;

    ConsoleClient(Console console, Show show) {
        this.console = console;
        this.texts = console.texts();
        this.format = new EventText(texts, show.shown());
        this.show = show;
    }

    WsClient client() {
        return client;
    }

    /**
     * Speaks the protocol {@code protocols} makes, one for each connection (set before the first opens): its
     * lines and commands join the console's.
     */
    void decode(java.util.function.Supplier<dev.duplex.decode.AppProtocol> protocols) {
        this.protocols = protocols;
    }

    /** Runs {@code run} on the connection (set before it opens): its replies, marks and outcomes join the console's. */
    void rules(dev.duplex.rules.RuleRun run) {
        rules = new RuleConsole(run, console, client);
    }

    /** Connects, talks until the input ends (or the server closes), and returns the exit status. */
    int converse(java.net.URI url, dev.duplex.net.client.ClientOptions options, int waitMs) {
        this.url = url;
        this.options = options;
        connect();
        try {
            int status = converse(waitMs);
            RuleConsole r = rules;
            return r == null ? status : r.finish(status, opened);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close(CloseCodes.GOING_AWAY, "interrupted");
            return Cli.FAILED;
        }
    }

    private int converse(int waitMs) throws InterruptedException {
        if (!awaitOpened() && !reconnect()) return Cli.FAILED;
        startReadingInput();
        while (true) {
            Signal s = signals.take();
            if (s instanceof ConnectionEnded e && e.generation() != generation) continue;
            if (s instanceof ConnectionEnded e && (closeTyped || protocolEnded() || !reconnect())) return statusFor(e.close());
            if (s instanceof ConnectionEnded) continue;
            // An echo client stays until the server closes (or Ctrl+C): the checker leads the conversation.
            if (s instanceof EndOfInput && show.echo()) continue;
            if (s instanceof EndOfInput) break;
            try {
                String line = ((Line) s).text();
                if (line.startsWith("/") && !line.startsWith("//")) {
                    command(line);
                } else {
                    send(line.startsWith("//") ? line.substring(1) : line);
                }
            } catch (IllegalStateException notOpen) {
                // The server closed while we were reading: its onclose is already on the way, and with it the reconnect.
                if (reconnectPolicy() != null) continue;
                WsEvent.Closed close = awaitClose(CLOSE_WAIT_MS);
                return close == null ? Cli.ABNORMAL_CLOSE : statusFor(close);
            }
        }
        // End of input: give the replies a moment to arrive, but no longer than --wait.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        while (true) {
            WsEvent.Closed ended;
            synchronized (progress) {
                long left;
                while ((received < awaited || protocolAwaiting() || rulesAwaiting()) && closed == null
                        && (left = deadline - System.nanoTime()) > 0) {
                    // An expectation with a time of its own fails when that runs out, and stops being waited for.
                    TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, rulesDeadline()));
                }
                ended = closed;
            }
            if (ended == null) break;
            // Ended while what is awaited may still come: the rules may make the connection again for it.
            if (closeTyped || protocolEnded() || !(received < awaited || protocolAwaiting() || rulesAwaiting()) || !reconnect()) {
                return statusFor(ended);
            }
        }
        // A /close typed earlier is already under way: its outcome is the answer, not ours.
        if (!closeTyped) client.close(CloseCodes.NORMAL, "");
        WsEvent.Closed close = awaitClose(CLOSE_WAIT_MS);
        return close == null ? Cli.ABNORMAL_CLOSE : closeTyped ? statusFor(close) : Cli.OK;
    }

    private void connect() {
        synchronized (progress) {
            generation++;
            opened = false;
            closed = null;
            received = awaited; // what the last connection still owed will not come on this one
        }
        if (protocols != null) protocol = new ProtocolConsole(protocols.get(), console, client);
        client.connect(url, options);
    }

    /** Whether the connection just made opened (or ended first). */
    private boolean awaitOpened() throws InterruptedException {
        synchronized (progress) {
            while (!opened && closed == null) progress.wait();
            return opened;
        }
    }

    private dev.duplex.rules.Reconnect reconnectPolicy() {
        RuleConsole r = rules;
        return r == null ? null : r.reconnect();
    }

    /**
     * The connection ended by itself: when the rules say so, it is made again after the back-off, until one
     * opens (true) or the tries run out (false). The rules' on-open messages go again on each opening.
     */
    private boolean reconnect() throws InterruptedException {
        dev.duplex.rules.Reconnect policy = reconnectPolicy();
        if (policy == null) return false;
        for (int n = 1; n <= policy.tries(); n++) {
            rules.say("rules.reconnecting", policy.delayMs(n), n, policy.tries());
            TimeUnit.MILLISECONDS.sleep(policy.delayMs(n)); // the back-off itself, not a wait for an event
            connect();
            if (awaitOpened()) return true;
        }
        rules.say("rules.gaveUp", policy.tries());
        return false;
    }

    private void send(String line) {
        if (show.binary()) {
            byte[] data;
            try {
                data = PayloadCodec.parseHex(line);
            } catch (PayloadCodec.FormatException e) {
                console.err().println(PREFIX + texts.get("cli.notSent", texts.get(e.key(), e.argArray())));
                return;
            }
            client.send(data);
        } else {
            RuleConsole r = rules;
            client.send(r == null ? line : r.fill(line));
        }
        expectAnswer();
    }

    private boolean rulesAwaiting() {
        RuleConsole r = rules;
        return r != null && r.awaiting();
    }

    /** Nanoseconds until the rules' next expectation runs out, or forever. */
    private long rulesDeadline() {
        RuleConsole r = rules;
        return r == null ? Long.MAX_VALUE : r.nanosToNextDeadline();
    }

    /** Whether the protocol ended its session itself (MQTT's DISCONNECT), so that the server dropping the connection is its normal end. */
    private boolean protocolEnded() {
        ProtocolConsole app = protocol;
        return app != null && app.ended();
    }

    private boolean protocolAwaiting() {
        ProtocolConsole app = protocol;
        return app != null && app.awaiting();
    }

    private void expectAnswer() {
        synchronized (progress) {
            awaited++;
        }
    }

    /**
     * A slash command typed on standard input: {@code /ping [text]}, {@code /close [code] [reason]} (1000
     * when no code is typed; any code, valid or not). A line that really starts with a slash is sent by
     * doubling it ({@code //}).
     */
    private void command(String line) {
        String[] parts = line.substring(1).split(" ", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "ping" -> {
                expectAnswer();
                client.ping(LabInput.pingPayload(rest));
            }
            case "close" -> {
                String[] codeAndReason = rest.strip().split(" ", 2);
                String code = codeAndReason[0].isEmpty() ? Integer.toString(CloseCodes.NORMAL) : codeAndReason[0];
                Checked<CloseRequest> close = new CloseInput(code, codeAndReason.length > 1 ? codeAndReason[1] : "").request();
                if (!close.isOk()) {
                    console.err().println(PREFIX + texts.get("cli.badValue", "/close " + code,
                            texts.get(close.problem().key(), close.problem().argArray())));
                    return;
                }
                closeTyped = true;
                // A close that breaks a rule goes out as typed, to see what the server does; a proper one
                // goes through the closing handshake. CloseRequest alone knows which is which.
                close.value().sendThrough(client::close, client::closeRaw);
            }
            case "frame" -> sendForged(FrameInput.frame(rest).map(dev.duplex.forge.ForgedFrame::bytes), "/frame");
            case "raw" -> sendForged(FrameInput.raw(rest), "/raw");
            case "split" -> sendSplit(rest);
            default -> {
                ProtocolConsole app = protocol;
                ProtocolConsole.Outcome outcome = app == null ? ProtocolConsole.Outcome.NOT_THE_PROTOCOLS
                        : app.command(parts[0], rest);
                if (outcome == ProtocolConsole.Outcome.NOT_THE_PROTOCOLS) {
                    console.err().println(PREFIX + texts.get("cli.unknownSlash", "/" + parts[0]));
                } else if (outcome == ProtocolConsole.Outcome.SENT) {
                    expectAnswer(); // a message went, as a typed line does
                }
            }
        }
    }

    /** A message in fragments: an echo server answers its pings and the message, and the wait at the end waits for those. */
    private void sendSplit(String rest) {
        Checked<dev.duplex.forge.ForgedSplit> split = SplitInput.split(rest);
        sendForged(split.map(dev.duplex.forge.ForgedSplit::bytes), "/split");
        if (split.isOk()) for (int i = 0; i < split.value().answers(); i++) expectAnswer();
    }

    /** A forged frame or raw bytes, onto the socket as they are; the Frames view or --show-frames shows what went. */
    private void sendForged(Checked<byte[]> bytes, String command) {
        if (!bytes.isOk()) {
            console.err().println(PREFIX + texts.get("cli.badValue", command,
                    texts.get(bytes.problem().key(), bytes.problem().argArray())));
            return;
        }
        client.sendRaw(bytes.value());
    }

    /** --save FILE: the first conversation, as {@link ConversationFile} writes it. */
    boolean save(Path file) {
        List<WsEvent> events;
        synchronized (recorded) {
            events = List.copyOf(recorded);
        }
        return ConversationFile.save(events, show.saved(), file, console);
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

    private int statusFor(WsEvent.Closed close) {
        if (close.code() == CloseCodes.ABNORMAL && protocolEnded()) return Cli.OK;
        return close.code() == CloseCodes.NORMAL || close.code() == CloseCodes.GOING_AWAY ? Cli.OK : Cli.ABNORMAL_CLOSE;
    }

    /** Standard input is read on its own thread so that a connection closed by the server ends the wait. */
    private void startReadingInput() {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) signals.add(new Line(line));
            } catch (IOException e) {
                console.err().println(PREFIX + texts.get("cli.stdin", String.valueOf(e.getMessage())));
            }
            signals.add(new EndOfInput());
        }, "duplex-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean shown(WsEvent event) {
        if (event instanceof WsEvent.Frame) return show.frames();
        if (event instanceof WsEvent.Handshake h) {
            if (show.handshake()) console.out().println(new HandshakeText(texts).text(h, show.shown()));
            return false;
        }
        return true;
    }

    private void onEvent(WsEvent event) {
        if (event instanceof WsEvent.Frame || event instanceof WsEvent.Handshake || event instanceof WsEvent.Opened
                || event instanceof WsEvent.Closed) {
            synchronized (recorded) {
                recorded.add(event);
            }
        }
        if (shown(event)) {
            (event instanceof WsEvent.Failed ? console.err() : console.out()).println(format.line(event, EventText.Side.CLIENT));
        }
        ProtocolConsole app = protocol;
        if (app != null) app.after(event);
        RuleConsole r = rules;
        if (r != null) r.after(event);
        synchronized (progress) {
            if (event instanceof WsEvent.Opened) opened = true;
            if (event instanceof WsEvent.Received || event instanceof WsEvent.Pong) received++;
            if (event instanceof WsEvent.Closed c) {
                closed = c;
                signals.add(new ConnectionEnded(c, generation));
            }
            progress.notifyAll();
        }
    }
}
