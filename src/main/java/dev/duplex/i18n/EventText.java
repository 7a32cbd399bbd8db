package dev.duplex.i18n;

import dev.duplex.decode.Decoded;
import java.time.Instant;

import dev.duplex.secrets.Masking;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.Utf8;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;

/**
 * Puts a network event into one log line, the same for the window and the command line:
 * {@code 12:04:05.123 ← onmessage  message received: hello}. The client's lines use the browser's event
 * names (onopen, onmessage, onclose, onerror); the server's read like the seed's Go server console.
 */
public final class EventText {
    /** Which log the line belongs to: the same event reads differently on each side. */
    public enum Side { CLIENT, SERVER }

    /** Which way the event went, for the arrow column and the colour of the line. */
    public enum Direction {
        IN("←"), OUT("→"), STATE("•"), ERROR("!"),
        /** The server lab misbehaving on purpose. */
        LAB("~");

        public final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }
    }

    /** A formatted line in its parts, so a view can style each. */
    public record Line(String time, Direction direction, String name, String text) {
        @Override
        public String toString() {
            return time + " " + direction.arrow + " " + String.format("%-9s", name) + " " + text;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    /** Long messages are cut in the log line; the full text stays in the event. */
    private static final int MAX_TEXT = 2_000;

    private final Texts texts;
    /** Secrets in URLs and handshakes are masked in the log unless asked otherwise ({@code --show-secrets}). */
    private final Masking masking;

    public EventText(Texts texts) {
        this(texts, Masking.MASKED);
    }

    public EventText(Texts texts, Masking masking) {
        this.texts = texts;
        this.masking = masking;
    }

    public static String time(Instant at) {
        return TIME.format(at);
    }

    public Line line(WsEvent event, Side side) {
        String time = time(event.at());
        if (event instanceof WsEvent.Opened e) {
            String text = e.subprotocol().isEmpty() ? texts.get("event.onopen", masking.url(e.url()))
                    : texts.get("event.onopen.protocol", masking.url(e.url()), e.subprotocol());
            return new Line(time, Direction.STATE, "onopen", text);
        }
        if (event instanceof WsEvent.Closed e) {
            String text = texts.get("event.onclose", e.code(), closeMeaning(e.code()), e.reason(), e.wasClean(),
                    texts.get(e.byServer() ? "closedBy.server" : "closedBy.client"));
            return new Line(time, Direction.STATE, "onclose", text);
        }
        if (event instanceof WsEvent.Received e) {
            Payload p = e.payload();
            if (side == Side.CLIENT) {
                String text = p.isBinary() ? texts.get("event.onmessage.binary", p.size(), p.hexPreview(32))
                        : texts.get("event.onmessage", cut(p.text()));
                return new Line(time, Direction.IN, "onmessage", text);
            }
            String text = p.isBinary() ? texts.get("event.received.binary", e.peer(), p.size(), p.hexPreview(32))
                    : texts.get("event.received", e.peer(), cut(p.text()));
            return new Line(time, Direction.IN, "message", text);
        }
        if (event instanceof WsEvent.Sent e) {
            Payload p = e.payload();
            if (side == Side.CLIENT) {
                String text = p.isBinary() ? texts.get("event.send.binary", p.size(), p.hexPreview(32))
                        : texts.get("event.send", cut(p.text()));
                return new Line(time, Direction.OUT, "send", text);
            }
            String text = p.isBinary() ? texts.get("event.replied.binary", e.peer(), p.size(), p.hexPreview(32))
                    : texts.get("event.replied", e.peer(), cut(p.text()));
            return new Line(time, Direction.OUT, "reply", text);
        }
        if (event instanceof WsEvent.Failed e) {
            String text = problem(e.problem(), masking.target(e.peer()));
            return new Line(time, Direction.ERROR, side == Side.CLIENT ? "onerror" : "error",
                    side == Side.CLIENT ? texts.get("event.onerror", text) : texts.get("event.error", text));
        }
        if (event instanceof WsEvent.Listening e) {
            return new Line(time, Direction.STATE, "listen",
                    texts.get(e.allInterfaces() ? "event.listening.all" : "event.listening", e.url()));
        }
        if (event instanceof WsEvent.Stopped) {
            return new Line(time, Direction.STATE, "stop", texts.get("event.stopped"));
        }
        if (event instanceof WsEvent.ClientJoined e) {
            String origin = e.origin().isEmpty() ? texts.get("origin.none") : e.origin();
            return new Line(time, Direction.STATE, "connect", e.subprotocol().isEmpty()
                    ? texts.get("event.joined", e.peer(), masking.target(e.path()), origin, e.clients())
                    : texts.get("event.joined.protocol", e.peer(), masking.target(e.path()), origin, e.clients(), e.subprotocol()));
        }
        if (event instanceof WsEvent.Behaved e) {
            // The server lab acting on purpose: a word of its own in the log, so it is never taken for a fault.
            return new Line(time, Direction.LAB, "behave", texts.get("event.behaved." + e.act().name(),
                    e.peer(), Long.toString(e.number()), e.detail()));
        }
        if (event instanceof WsEvent.ClientLeft e) {
            return new Line(time, Direction.STATE, "close", texts.get("event.left", e.peer(), e.code(),
                    closeMeaning(e.code()), e.reason(), texts.get(e.byClient() ? "closedBy.peer" : "closedBy.us"),
                    e.clients()));
        }
        if (event instanceof WsEvent.Handshake e) {
            return new Line(time, Direction.STATE, "handshake",
                    texts.get("event.handshake", masking.record(e.record()).requestLine(), answer(e.record())));
        }
        if (event instanceof WsEvent.Frame e) {
            return new Line(time, e.frame().inbound() ? Direction.IN : Direction.OUT, "frame", frame(e.frame()));
        }
        if (event instanceof WsEvent.Pong e) {
            // The hex first, as the frame view shows a payload; its text beside it when it has one.
            Payload p = e.payload();
            String text = textOf(p);
            String rtt = String.format(java.util.Locale.ROOT, "%.3f", e.rttNanos() / 1e6);
            String hex = controlHex(p);
            String line = e.rttNanos() < 0
                    ? text == null ? texts.get("event.pong", p.size(), hex) : texts.get("event.pong.text", p.size(), hex, text)
                    : text == null ? texts.get("event.pong.rtt", p.size(), hex, rtt)
                            : texts.get("event.pong.rtt.text", p.size(), hex, rtt, text);
            return new Line(time, Direction.IN, "pong", line);
        }
        if (event instanceof WsEvent.Ping e) {
            Payload p = e.payload();
            String text = textOf(p);
            String key = (e.answered() ? "event.ping" : "event.ping.unanswered") + (text == null ? "" : ".text");
            return new Line(time, Direction.IN, "ping", texts.get(key, p.size(), controlHex(p), text));
        }
        if (event instanceof WsEvent.Meant e) {
            Direction way = e.line().problem() ? Direction.ERROR : switch (e.way()) {
                case IN -> Direction.IN;
                case OUT -> Direction.OUT;
                case STATE -> Direction.STATE;
            };
            return new Line(time, way, e.line().protocol(), decoded(texts, e.line()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /** A decoded line's words, its {@link Decoded} arguments (optional parts of the line) rendered first. */
    public static String decoded(Texts texts, Decoded d) {
        if (d.key().isEmpty()) return "";
        Object[] args = d.argArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Decoded part) args[i] = decoded(texts, part);
        }
        return texts.get(d.key(), args);
    }

    /** A ping's or pong's bytes in hex, or the word for none: an empty payload is common (a bare heartbeat). */
    private String controlHex(Payload p) {
        return p.size() == 0 ? texts.get("event.payload.empty") : p.hexPreview(16);
    }

    /**
     * One frame in a line: opcode, FIN, RSV bits, mask, sizes and the start of the payload, such as
     * {@code text FIN rsv=000 masked(1a2b3c4d) payload 5 B, wire 11 B: hello}.
     */
    public String frame(dev.duplex.net.wire.FrameInfo f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.opcodeName()).append(f.fin() ? " FIN" : " —").append(" rsv=")
                .append(f.rsv1() ? '1' : '0').append(f.rsv2() ? '1' : '0').append(f.rsv3() ? '1' : '0');
        if (f.masked()) sb.append(" masked(").append(Payload.binary(f.maskKey()).hexPreview(4).replace(" ", "")).append(')');
        sb.append(' ').append(texts.get("frame.sizes", f.payloadLength(), f.wireLength()));
        if (f.opcode() == dev.duplex.net.wire.FrameInfo.CLOSE) {
            sb.append(": ").append(f.payload().length >= 2 ? f.closeCode() + " " + closeMeaning(f.closeCode())
                    + (f.closeReason().isEmpty() ? "" : " \"" + f.closeReason() + "\"") : texts.get("frame.noCode"));
        } else if (f.payload().length > 0) {
            boolean text = f.opcode() == dev.duplex.net.wire.FrameInfo.TEXT && !f.rsv1();
            sb.append(": ").append(text ? cut(new String(f.payload(), java.nio.charset.StandardCharsets.UTF_8))
                    : Payload.binary(f.payload()).hexPreview(24));
        }
        return sb.toString();
    }

    /** The plain-language meaning of a close code, such as "normal closure" for 1000. */
    public String closeMeaning(int code) {
        return texts.get(CloseCodes.key(code));
    }

    /** A problem in words: {@code peer} is the URL or the remote address it concerns. */
    public String problem(Problem problem, String peer) {
        return texts.get("problem." + problem.kind().name(), problem.detail(), peer, problem.proxy());
    }

    /**
     * The text of a ping's or pong's payload when it is strict UTF-8 ({@link Utf8}), else null (the line then
     * shows the hex alone). Text with a control character stays hex too: a line break would split the line.
     */
    static String textOf(Payload payload) {
        byte[] bytes = payload.bytes();
        String text = bytes.length == 0 ? null : Utf8.decodeOrNull(bytes);
        return text == null || text.codePoints().anyMatch(Character::isISOControl) ? null : text;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "… (" + text.length() + ")";
    }

    /**
     * The upgrade's answer as a log line shows it: its status line, or why there is none. On wss:// the
     * request waits for TLS, and a refused certificate means it was never sent.
     */
    public String answer(dev.duplex.net.HandshakeRecord r) {
        if (!r.statusLine().isEmpty()) return r.statusLine();
        boolean tlsRefused = r.tls() != null && r.tls().trust() == dev.duplex.tls.TlsFacts.Trust.REFUSED;
        return texts.get(tlsRefused ? "event.handshake.notSent" : "event.handshake.noAnswer");
    }
}
