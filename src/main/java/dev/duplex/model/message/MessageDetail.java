package dev.duplex.model.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.protocol.PayloadCodec;

/**
 * One message as the message view shows it: which way it went, when, how big, its text (cut to what a text
 * area lays out quickly), its hex dump, its JSON tree when it is JSON, and, for a message received, how long
 * after the last message of ours it came (its round trip, when it answers that one). A binary message has
 * its {@code reading} (in MessagePack, CBOR or protobuf, as chosen; empty past {@link #MAX_JSON} bytes), and
 * {@code json} is then the tree of that reading.
 */
public record MessageDetail(boolean received, Instant at, String peer, int size, boolean binary, String text,
        boolean textCut, String hex, boolean hexCut, Optional<JsonTree.Node> json, Optional<Duration> roundTrip,
        Optional<BinaryReader.Reading> reading) {
    /** Past this many characters the Text tab shows the start only (a text area lays out all it holds). */
    public static final int MAX_TEXT = 256 * 1024;
    /** Past this many bytes the Hex tab shows the start only. */
    public static final int MAX_HEX = 16 * 1024;
    /** Past this many characters (or bytes, for a binary message) no tree is built. */
    public static final int MAX_JSON = 1024 * 1024;
    /** How far back the round trip looks for the message it answers. */
    static final int LOOK_BACK = 10_000;

    /**
     * The detail of {@code event} when it is a message (sent or received), read with the log's events before
     * it ({@code log}, in which the event sits at {@code index}); empty for any other event.
     */
    public static Optional<MessageDetail> of(WsEvent event, List<? extends WsEvent> log, int index) {
        return of(event, log, index, BinaryReader.Choice.AUTO, Optional.empty());
    }

    /** The same, a binary message read as {@code choice} says (with {@code schema}, for protobuf's). */
    public static Optional<MessageDetail> of(WsEvent event, List<? extends WsEvent> log, int index,
            BinaryReader.Choice choice, Optional<BinaryReader.Schema> schema) {
        if (event instanceof WsEvent.Received r) return Optional.of(make(true, r.at(), r.peer(), r.payload(),
                sentBefore(log, index, r.peer()).map(sent -> Duration.between(sent, r.at()))).reread(r.payload(), choice, schema));
        if (event instanceof WsEvent.Sent s) {
            return Optional.of(make(false, s.at(), s.peer(), s.payload(), Optional.empty()).reread(s.payload(), choice, schema));
        }
        return Optional.empty();
    }

    /**
     * This detail with {@code payload} (its own) read again as {@code choice} says: what the view shows when the
     * person chooses another reading or schema. A text message stays as it is.
     */
    public MessageDetail reread(Payload payload, BinaryReader.Choice choice, Optional<BinaryReader.Schema> schema) {
        if (!payload.isBinary() || payload.size() > MAX_JSON) return this;
        BinaryReader.Reading read = BinaryReader.read(payload.bytes(), choice, schema, JsonTree.MAX_NODES);
        return new MessageDetail(received, at, peer, size, binary, text, textCut, hex, hexCut,
                read.value().map(JsonTree::of), roundTrip, Optional.of(read));
    }

    private static MessageDetail make(boolean received, Instant at, String peer, Payload payload,
            Optional<Duration> roundTrip) {
        byte[] bytes = payload.isBinary() ? payload.bytes() : null;
        String text = payload.isBinary() ? null : payload.text();
        if (bytes == null) bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean textCut = text != null && text.length() > MAX_TEXT;
        String shownText = textCut ? text.substring(0, MAX_TEXT) : text;
        Optional<JsonTree.Node> json = text != null && text.length() <= MAX_JSON ? JsonTree.of(text) : Optional.empty();
        return new MessageDetail(received, at, peer, bytes.length, payload.isBinary(), shownText, textCut,
                PayloadCodec.hexDump(bytes, MAX_HEX), bytes.length > MAX_HEX, json, roundTrip, Optional.empty());
    }

    /**
     * When we last sent a message to the same peer before {@code index}, if no other message from that peer
     * came in between: a reply to an earlier one is not a round trip of the later.
     */
    private static Optional<Instant> sentBefore(List<? extends WsEvent> log, int index, String peer) {
        for (int i = index - 1; i >= 0 && i >= index - LOOK_BACK; i--) {
            WsEvent e = log.get(i);
            if (e instanceof WsEvent.Sent s && samePeer(s.peer(), peer)) return Optional.of(s.at());
            if (e instanceof WsEvent.Received r && samePeer(r.peer(), peer)) return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean samePeer(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
