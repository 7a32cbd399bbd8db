package dev.duplex.conversation;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.WsEvent;

/**
 * What one client connection went through, as it crossed the wire: the URL, the opening handshake, every
 * frame in the order the wire tap saw it, and how the connection ended. This is what the conversation files
 * ({@link JsonLinesFormat}, {@link HarFormat}) hold; it knows nothing of files itself.
 *
 * @param url       where the client connected
 * @param handshake the opening handshake, or null when none was captured (wss://, where there is no tap)
 * @param frames    every frame, in and out, in wire order
 * @param close     how the connection ended, or null when it had not ended (or the source does not say)
 */
public record Conversation(URI url, Handshake handshake, List<Frame> frames, Close close) {

    public Conversation {
        Objects.requireNonNull(url, "url");
        frames = List.copyOf(frames);
    }

    /** The opening handshake and when it was reported (once the server's answer was in). */
    public record Handshake(Instant at, HandshakeRecord record) {
        public Handshake {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * One frame and when the tap saw it. Equality compares the mask key and payload by content:
     * {@link FrameInfo} is a record over arrays, so its own equals would compare array identities, and a
     * frame read back from a file would never equal the one written.
     */
    public record Frame(Instant at, FrameInfo info) {
        public Frame {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(info.payload(), "info.payload");
        }

        public static Frame of(WsEvent.Frame event) {
            return new Frame(event.at(), event.frame());
        }

        /** Back to the event the frame inspector shows, as coming from {@code peer}. */
        public WsEvent.Frame toEvent(String peer) {
            return new WsEvent.Frame(at, peer, info);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Frame f)) return false;
            FrameInfo a = info;
            FrameInfo b = f.info;
            return at.equals(f.at) && a.inbound() == b.inbound() && a.fin() == b.fin() && a.rsv1() == b.rsv1()
                    && a.rsv2() == b.rsv2() && a.rsv3() == b.rsv3() && a.opcode() == b.opcode()
                    && Arrays.equals(a.maskKey(), b.maskKey()) && a.payloadLength() == b.payloadLength()
                    && a.wireLength() == b.wireLength() && Arrays.equals(a.payload(), b.payload());
        }

        @Override
        public int hashCode() {
            return Objects.hash(at, info.inbound(), info.fin(), info.rsv1(), info.rsv2(), info.rsv3(), info.opcode(),
                    Arrays.hashCode(info.maskKey()), info.payloadLength(), info.wireLength(),
                    Arrays.hashCode(info.payload()));
        }

        /** Every field, so that a failed comparison in a test shows which one differs. */
        @Override
        public String toString() {
            FrameInfo i = info;
            HexFormat hex = HexFormat.of();
            return "Frame[" + at + " " + (i.inbound() ? "in" : "out") + " " + i.opcodeName() + " fin=" + i.fin()
                    + " rsv=" + (i.rsv1() ? 1 : 0) + (i.rsv2() ? 1 : 0) + (i.rsv3() ? 1 : 0)
                    + " mask=" + (i.maskKey() == null ? "none" : hex.formatHex(i.maskKey()))
                    + " length=" + i.payloadLength() + " wire=" + i.wireLength()
                    + " payload=" + hex.formatHex(i.payload()) + "]";
        }
    }

    /** How the connection ended, as the client reported it (see {@link WsEvent.Closed}). */
    public record Close(Instant at, int code, String reason, boolean wasClean, boolean byServer) {
        public Close {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }

        public static Close of(WsEvent.Closed event) {
            return new Close(event.at(), event.code(), event.reason() == null ? "" : event.reason(), event.wasClean(),
                    event.byServer());
        }
    }

    /**
     * The conversation in a client's events: its handshake, frames, URL ({@link WsEvent.Opened}) and end
     * ({@link WsEvent.Closed}). Events that say nothing about the wire (messages, pings, errors) are left out.
     *
     * @throws IllegalArgumentException when the events hold no connection, or more than one (events after a
     *                                  {@link WsEvent.Closed}): {@link #allOf} splits those
     */
    public static Conversation of(List<? extends WsEvent> events) {
        List<Conversation> all = allOf(events);
        if (all.isEmpty()) throw new IllegalArgumentException("the events hold no connection");
        if (all.size() > 1) {
            throw new IllegalArgumentException("the events hold " + all.size() + " connections; use allOf");
        }
        return all.get(0);
    }

    /**
     * Every connection in a client's events, in order. A {@link WsEvent.Closed} ends one; events after the
     * last close are a connection still open (its close is null). Frames may come before the handshake
     * event: the tap can see a frame in the same read as the server's answer, which is reported at onopen.
     *
     * @throws IllegalArgumentException when a connection's URL cannot be told (see {@link #urlOf})
     */
    public static List<Conversation> allOf(List<? extends WsEvent> events) {
        List<Conversation> out = new ArrayList<>();
        List<WsEvent> current = new ArrayList<>();
        for (WsEvent e : events) {
            current.add(e);
            if (e instanceof WsEvent.Closed) {
                out.add(build(current));
                current.clear();
            }
        }
        if (current.stream().anyMatch(Conversation::aboutTheWire)) out.add(build(current));
        return out;
    }

    private static boolean aboutTheWire(WsEvent e) {
        return e instanceof WsEvent.Opened || e instanceof WsEvent.Handshake || e instanceof WsEvent.Frame;
    }

    private static Conversation build(List<WsEvent> events) {
        Handshake handshake = null;
        List<Frame> frames = new ArrayList<>();
        Close close = null;
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Handshake h && handshake == null) handshake = new Handshake(h.at(), h.record());
            else if (e instanceof WsEvent.Frame f) frames.add(Frame.of(f));
            else if (e instanceof WsEvent.Closed c) close = Close.of(c);
        }
        return new Conversation(urlOf(events), handshake, frames, close);
    }

    /**
     * The URL of one connection's events: the one onopen reported; else the peer the client named its events
     * after (the client uses its URL); else the handshake's Host header and request target, as ws://. A
     * connection refused at the handshake never opens, so the fallbacks matter.
     */
    static URI urlOf(List<WsEvent> events) {
        for (WsEvent e : events) if (e instanceof WsEvent.Opened o && o.url() != null) return o.url();
        for (WsEvent e : events) {
            String peer = e instanceof WsEvent.Handshake h ? h.peer()
                    : e instanceof WsEvent.Frame f ? f.peer()
                    : e instanceof WsEvent.Failed f ? f.peer() : null;
            URI url = webSocketUri(peer);
            if (url != null) return url;
        }
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Handshake h) {
                HandshakeRecord r = h.record();
                String host = r.requestHeader("Host");
                String[] requestLine = r.requestLine().split(" ");
                URI url = requestLine.length >= 2 && !host.isEmpty() ? webSocketUri("ws://" + host + requestLine[1]) : null;
                if (url != null) return url;
            }
        }
        throw new IllegalArgumentException("no URL in the events: no onopen, and no handshake with a Host header");
    }

    private static URI webSocketUri(String text) {
        if (text == null) return null;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
