package dev.duplex.cli;

import java.time.Instant;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.replay.Difference;
import dev.duplex.replay.ReplayEvent;
import dev.duplex.replay.ReplayListener;
import dev.duplex.replay.Verdict;

/**
 * {@code duplex replay}'s output: a replay's events as lines in the client log's shape (time, arrow, name,
 * text), and under a reply that differs, the recorded and the replayed message with the differing span
 * marked ({@link MarkedText}). Errors and verdicts other than "same" are on standard output too, so that
 * the comparison reads in order; only onerror goes to standard error, as with {@code connect}.
 */
final class ReplayPrinter implements ReplayListener {
    /** Where the text of a line starts: under it go the detail lines of a difference. */
    private static final String INDENT = " ".repeat(25);
    /** Long messages are cut on a verdict's line; the marked lines show the part that differs. */
    private static final int MAX_SHOWN = 200;

    private final Console console;
    private final Texts texts;
    private final EventText format;

    ReplayPrinter(Console console) {
        this.console = console;
        this.texts = console.texts();
        this.format = new EventText(texts);
    }

    @Override
    public void on(ReplayEvent event) {
        if (event instanceof ReplayEvent.Connection c) {
            connection(c.event());
        } else if (event instanceof ReplayEvent.Sent s) {
            line(s.at(), EventText.Direction.OUT, "send", texts.get("replay.sent", s.step(), s.steps(), shown(s.message())));
        } else if (event instanceof ReplayEvent.AwaitingStep a) {
            line(a.at(), EventText.Direction.STATE, "step", texts.get("replay.awaiting", a.step(), a.steps(),
                    shown(a.message())));
        } else if (event instanceof ReplayEvent.NotSent n) {
            line(n.at(), EventText.Direction.ERROR, "not sent", texts.get("replay.notSent", n.step(), shown(n.message())));
        } else if (event instanceof ReplayEvent.Judged j) {
            verdict(j.at(), j.verdict());
        } else if (event instanceof ReplayEvent.Finished f) {
            ReplayEvent.Summary s = f.summary();
            if (!s.opened()) return; // onerror said why
            console.out().println(texts.get("replay.summary", s.sent(), s.sent() + s.notSent(), s.same(), s.different(),
                    s.missing(), s.extra()));
        }
    }

    private void connection(WsEvent event) {
        if (event instanceof WsEvent.Opened || event instanceof WsEvent.Closed) {
            console.out().println(format.line(event, EventText.Side.CLIENT));
        } else if (event instanceof WsEvent.Failed) {
            console.err().println(format.line(event, EventText.Side.CLIENT));
        }
        // Sent and Received are said as the replay's own lines; frames and the handshake are not shown.
    }

    private void verdict(Instant at, Verdict v) {
        String where = v.step() == 0 ? texts.get("replay.greeting", v.reply()) : texts.get("replay.reply", v.reply(), v.step());
        // The name column stays English in every language, as the client log's event names do.
        String name = v.kind().name().toLowerCase(java.util.Locale.ROOT);
        switch (v.kind()) {
            case SAME -> line(at, EventText.Direction.IN, name, texts.get("replay.said", where, shown(v.replayed())));
            case EXTRA -> line(at, EventText.Direction.IN, name, texts.get("replay.said", where, shown(v.replayed())));
            case MISSING -> line(at, EventText.Direction.ERROR, name, texts.get("replay.wasRecorded", where,
                    shown(v.recorded())));
            case DIFFERENT -> {
                Difference d = v.difference();
                String kinds = !d.kindsDiffer() ? "" : " " + texts.get(v.recorded().isBinary() ? "replay.binaryNowText"
                        : "replay.textNowBinary");
                line(at, EventText.Direction.IN, name, where + kinds);
                marked(texts.get("replay.recorded"), v.recorded(), d.inBytes(), d.recordedStart(), d.recordedEnd());
                marked(texts.get("replay.replayed"), v.replayed(), d.inBytes(), d.replayedStart(), d.replayedEnd());
            }
        }
    }

    /** One side of a difference and its caret line, the labels padded to one width so the texts line up. */
    private void marked(String label, Payload message, boolean inBytes, int start, int end) {
        int labelWidth = Math.max(MarkedText.width(texts.get("replay.recorded")), MarkedText.width(texts.get("replay.replayed")));
        String padded = label + " ".repeat(labelWidth - MarkedText.width(label)) + " ";
        MarkedText.Marked m = inBytes ? MarkedText.hex(message.bytes(), start, end) : MarkedText.text(message.text(), start, end);
        console.out().println(INDENT + padded + m.line());
        console.out().println(INDENT + " ".repeat(MarkedText.width(padded)) + m.carets());
    }

    private void line(Instant at, EventText.Direction direction, String name, String text) {
        console.out().println(new EventText.Line(EventText.time(at), direction, name, text));
    }

    /** A message on one line: its text (line breaks escaped, cut when long), or its size and hex. */
    private String shown(Payload p) {
        if (p.isBinary()) return texts.get("replay.binary", p.size(), p.hexPreview(32));
        String text = p.text().replace("\r", "\\r").replace("\n", "\\n");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "… (" + p.text().length() + ")";
    }
}
