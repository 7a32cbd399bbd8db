package dev.duplex.i18n;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.protocol.CloseRequest;

/**
 * Puts a proxy event into one log line, in the words of the client's and the server's logs:
 * {@code 12:04:05.123 → up        #1 client → Duplex → server: hello}. Every line names its pair
 * ({@code #1}, one per client) and which way it went; frames and handshakes also name their leg.
 */
public final class ProxyText {
    private static final int MAX_TEXT = 2_000;

    private final Texts texts;
    private final EventText events;

    public ProxyText(Texts texts) {
        this.texts = texts;
        this.events = new EventText(texts);
    }

    public EventText.Line line(ProxyEvent event) {
        String time = EventText.time(event.at());
        int n = event.pair();
        if (event instanceof ProxyEvent.Listening e) {
            return new EventText.Line(time, EventText.Direction.STATE, "listen",
                    texts.get(e.allInterfaces() ? "proxy.listening.all" : "proxy.listening", e.url(), e.upstream()));
        }
        if (event instanceof ProxyEvent.Stopped) {
            return new EventText.Line(time, EventText.Direction.STATE, "stop", texts.get("event.stopped"));
        }
        if (event instanceof ProxyEvent.Arrived e) {
            return new EventText.Line(time, EventText.Direction.STATE, "connect",
                    texts.get("proxy.arrived", n, e.client(), e.target(), e.upstream()));
        }
        if (event instanceof ProxyEvent.Opened e) {
            return new EventText.Line(time, EventText.Direction.STATE, "open", e.subprotocol().isEmpty()
                    ? texts.get("proxy.opened", n, e.client(), e.upstream(), e.pairs())
                    : texts.get("proxy.opened.protocol", n, e.client(), e.upstream(), e.pairs(), e.subprotocol()));
        }
        if (event instanceof ProxyEvent.Refused e) {
            return new EventText.Line(time, EventText.Direction.ERROR, "refused", texts.get("proxy.refused", n,
                    e.client(), e.upstream(), events.problem(e.problem(), e.upstream().toString()), e.status()));
        }
        if (event instanceof ProxyEvent.Message e) {
            return message(time, e);
        }
        if (event instanceof ProxyEvent.Held e) {
            return new EventText.Line(time, EventText.Direction.LAB, "held", texts.get("proxy.held", n, way(e.direction()),
                    shown(e.payload())));
        }
        if (event instanceof ProxyEvent.Control e) {
            Payload p = e.payload();
            String hex = p.size() == 0 ? texts.get("event.payload.empty") : p.hexPreview(16);
            String key = (e.ping() ? "proxy.ping" : "proxy.pong") + (e.relayed() ? "" : ".local");
            return new EventText.Line(time, arrow(e.direction()), e.ping() ? "ping" : "pong",
                    texts.get(key, n, way(e.direction()), p.size(), hex));
        }
        if (event instanceof ProxyEvent.Closed e) {
            String passed = e.passedCode() == CloseRequest.NO_CODE ? texts.get("proxy.passed.noCode")
                    : texts.get("proxy.passed", e.passedCode(), events.closeMeaning(e.passedCode()), e.passedReason());
            return new EventText.Line(time, EventText.Direction.STATE, "close", texts.get("proxy.closed." + e.first().name(),
                    n, e.code(), events.closeMeaning(e.code()), e.reason(), passed, e.pairs()));
        }
        if (event instanceof ProxyEvent.Failed e) {
            return new EventText.Line(time, EventText.Direction.ERROR, "error", texts.get("proxy.failed", n,
                    texts.get("proxy.leg." + e.leg().name()), events.problem(e.problem(), "")));
        }
        if (event instanceof ProxyEvent.Wire e) {
            return wire(time, e);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private EventText.Line message(String time, ProxyEvent.Message e) {
        Payload p = e.payload();
        String way = way(e.direction());
        return switch (e.fate()) {
            case RELAYED -> new EventText.Line(time, arrow(e.direction()), e.direction() == Direction.UP ? "up" : "down",
                    p.isBinary() ? texts.get("proxy.message.binary", e.pair(), way, p.size(), p.hexPreview(32))
                            : texts.get("proxy.message", e.pair(), way, cut(p.text())));
            case REWRITTEN -> new EventText.Line(time, EventText.Direction.LAB, "rewrite", texts.get("proxy.rewritten",
                    e.pair(), way, cut(e.original().text()), cut(p.text()), e.rule()));
            case DROPPED -> new EventText.Line(time, EventText.Direction.LAB, "drop", texts.get("proxy.dropped",
                    e.pair(), way, cut(p.text()), e.rule()));
            case DELAYED -> new EventText.Line(time, arrow(e.direction()), "delay", texts.get("proxy.delayed",
                    e.pair(), way, shown(p), e.rule()));
            case EDITED -> new EventText.Line(time, EventText.Direction.LAB, "edit", texts.get("proxy.edited",
                    e.pair(), way, shown(e.original()), shown(p)));
            case DISCARDED -> new EventText.Line(time, EventText.Direction.LAB, "discard", e.rule().isEmpty()
                    ? texts.get("proxy.discarded", e.pair(), way, shown(p))
                    : texts.get("proxy.discarded.why", e.pair(), way, shown(p), e.rule()));
            case INJECTED -> new EventText.Line(time, arrow(e.direction()), "inject", texts.get("proxy.injected",
                    e.pair(), way, shown(p)));
        };
    }

    /** A message as the log quotes it: its text, or for a binary one its size and first bytes. */
    private String shown(Payload p) {
        return p.isBinary() ? texts.get("proxy.binary", p.size(), p.hexPreview(32)) : "\"" + cut(p.text()) + "\"";
    }

    private EventText.Line wire(String time, ProxyEvent.Wire e) {
        String leg = texts.get("proxy.leg." + e.leg().name());
        if (e.event() instanceof WsEvent.Handshake h) {
            return new EventText.Line(time, EventText.Direction.STATE, "handshake",
                    texts.get("proxy.handshake", e.pair(), leg, h.record().requestLine(), events.answer(h.record())));
        }
        WsEvent.Frame f = (WsEvent.Frame) e.event();
        boolean in = f.frame().inbound();
        String hop = texts.get("proxy.hop." + e.leg().name() + (in ? ".in" : ".out"));
        return new EventText.Line(time, arrow(e.leg().direction(in)), "frame",
                texts.get("proxy.frame", e.pair(), leg, hop, events.frame(f.frame())));
    }

    private String way(Direction d) {
        return texts.get("proxy.way." + d.name());
    }

    private static EventText.Direction arrow(Direction d) {
        return d == Direction.UP ? EventText.Direction.OUT : EventText.Direction.IN;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "… (" + text.length() + ")";
    }
}
