package dev.duplex.conversation;

import static dev.duplex.conversation.Samples.T0;
import static dev.duplex.conversation.Samples.URL;
import static dev.duplex.conversation.Samples.bytes;
import static dev.duplex.conversation.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;

import dev.duplex.Version;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;

/** Writing HARs as Chrome does, and reading back what Duplex wrote. */
class HarFormatTest {

    private static byte[] write(Conversation... conversations) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HarFormat.write(List.of(conversations), out);
        return out.toByteArray();
    }

    private static List<Conversation> read(byte[] bytes) throws IOException, ConversationFileException {
        return HarFormat.read(new ByteArrayInputStream(bytes));
    }

    private static Node parse(byte[] json) throws Exception {
        try (JsonParser p = JsonFactories.FACTORY.createParser(json)) {
            p.nextToken();
            return Node.read(p, 0, Set.of());
        }
    }

    /** A message as the test expects it in _webSocketMessages. */
    private record Expected(String type, int opcode, String data, Instant at) { }

    private static Instant frameTime(int index) {
        return Samples.rich().frames().get(index).at();
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** The data messages of {@link Samples#rich()}, by the index of the frame that completed each. */
    private static List<Expected> richMessages() {
        String text = "hello, wörld 👋 \"quoted\" back\\slash nul\u0000 ls\u2028 tab\t\r\nend";
        byte[] cut = Samples.everyKindOfFrame().get(22).payload();
        return List.of(
                new Expected("send", 1, text, frameTime(0)),
                new Expected("receive", 1, text, frameTime(1)),
                new Expected("send", 2, base64(Samples.allByteValues()), frameTime(2)),
                new Expected("receive", 2, base64(Samples.allByteValues()), frameTime(3)),
                new Expected("receive", 2, "", frameTime(4)),
                new Expected("send", 1, "", frameTime(5)),
                // pings and pongs (6, 7, 8, 10) are not messages
                new Expected("receive", 1, "frag-mented ✓", frameTime(12)),
                new Expected("send", 2, base64(utf8("looks like text")), frameTime(14)),
                new Expected("receive", 1, "Hello", frameTime(15)), // inflated
                new Expected("receive", 1, "ok", frameTime(16)),
                new Expected("receive", 1, new String(bytes(0x68, 0xc0, 0xaf, 0x80, 0x69), StandardCharsets.UTF_8),
                        frameTime(17)),
                new Expected("receive", 1, "aéb", frameTime(19)), // the split character joined
                // reserved opcodes (20, 21) are not delivered
                new Expected("receive", 2, base64(cut), frameTime(22)));
                // close frames (23, 24) are not messages
    }

    /** Seconds since the epoch, to the microsecond, as a number. */
    private static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano() / 1000, 6));
    }

    // ---- writing ----

    @Test
    void writesAnEntryAsChromeDoes() throws Exception {
        byte[] har = write(Samples.rich());
        Node log = parse(har).object("log");

        assertEquals("1.2", log.string("version"));
        assertEquals("Duplex", log.object("creator").string("name"));
        assertEquals(Version.get(), log.object("creator").string("version"));
        List<Node> entries = log.array("entries");
        assertEquals(1, entries.size());
        Node entry = entries.get(0);
        assertEquals("websocket", entry.string("_resourceType"));
        assertTrue(entry.object("cache").isObject());
        assertEquals("2024-05-01T12:00:00.123Z", entry.string("startedDateTime"));
        // From the handshake to the close, 3 s and 7 ns later; HAR's milliseconds carry microseconds.
        assertEquals(0, new BigDecimal("3000").compareTo(entry.number("time")));
        Node timings = entry.object("timings");
        assertEquals(0, new BigDecimal("3000").compareTo(timings.number("receive")));
        assertEquals(0, timings.number("send").signum());
        assertEquals(0, timings.number("wait").signum());
        assertEquals(-1, timings.integer("blocked", -1, -1));

        Node request = entry.object("request");
        assertEquals("GET", request.string("method"));
        assertEquals(URL.toString(), request.string("url"));
        assertEquals("HTTP/1.1", request.string("httpVersion"));
        assertEquals(Samples.HANDSHAKE.requestHeaders(), headers(request));
        List<Node> query = request.array("queryString");
        assertEquals(List.of("room=dev", "name=J%C3%BCrgen"),
                List.of(query.get(0).string("name") + "=" + query.get(0).string("value"),
                        query.get(1).string("name") + "=" + query.get(1).string("value")));
        assertEquals(utf8(Samples.HANDSHAKE.request()).length, request.integer("headersSize", 0, 10_000));
        assertEquals(0, request.integer("bodySize", 0, 0));
        assertEquals(0, request.array("cookies").size());

        Node response = entry.object("response");
        assertEquals(101, response.integer("status", 0, 999));
        assertEquals("Switching Protocols", response.string("statusText"));
        assertEquals("HTTP/1.1", response.string("httpVersion"));
        assertEquals(Samples.HANDSHAKE.responseHeaders(), headers(response));
        assertEquals("x-unknown", response.object("content").string("mimeType"));
        assertEquals(0, response.object("content").integer("size", 0, 0));
        assertFalse(response.object("content").has("text"));
        assertEquals("", response.string("redirectURL"));

        List<Expected> expected = richMessages();
        List<Node> messages = entry.array("_webSocketMessages");
        assertEquals(expected.size(), messages.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected x = expected.get(i);
            Node m = messages.get(i);
            assertEquals(x.type(), m.string("type"), "message " + i);
            assertEquals(x.opcode(), m.integer("opcode", 0, 15), "message " + i);
            assertEquals(x.data(), m.string("data"), "message " + i);
            assertEquals(0, seconds(x.at()).compareTo(m.number("time")), "message " + i + ": " + m.number("time"));
        }
        // Seconds with exactly the microseconds, as a plain number (T0 + 1.000001 ms = .124456790 s).
        String text = new String(har, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"time\": 1714564800.12445"), text.substring(0, 400));
        assertTrue(text.contains("\"time\": 1714564800.124456,"), "microseconds, truncated");
        // Laid out as JSON.stringify(har, null, 2) does.
        assertTrue(text.startsWith("{\n  \"log\": {\n    \"version\": \"1.2\",\n"), text.substring(0, 100));
        assertTrue(text.contains("\"cookies\": [],"));
    }

    private static List<HandshakeRecord.Header> headers(Node message) throws ConversationFileException {
        List<HandshakeRecord.Header> out = new ArrayList<>();
        for (Node h : message.array("headers")) out.add(new HandshakeRecord.Header(h.string("name"), h.string("value")));
        return out;
    }

    @Test
    void compressedMessagesAreExportedInflatedInTheirContext() throws Exception {
        // RFC 7692 7.2.3: "Hello" compressed; the same again with the first as context; and split in two frames.
        byte[] hello = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);
        byte[] helloAgain = bytes(0xf2, 0x00, 0x11, 0x00, 0x00);
        FrameInfo first = compressed(hello, true);
        FrameInfo second = compressed(helloAgain, true);
        assertEquals(List.of("Hello", "Hello"), exportedData(conversation("permessage-deflate", first, second)));

        // Without context takeover each message stands alone, so the second "Hello" is compressed alike.
        FrameInfo start = compressed(bytes(0xf2, 0x48, 0xcd), false);
        FrameInfo end = Samples.in(FrameInfo.CONTINUATION, true, bytes(0xc9, 0xc9, 0x07, 0x00));
        assertEquals(List.of("Hello", "Hello", "Hello"), exportedData(conversation(
                "permessage-deflate; server_no_context_takeover", first, first, start, end)));

        // A payload the capture cut short cannot be inflated: it goes out as captured, and so does what depended
        // on it.
        FrameInfo cut = new FrameInfo(true, true, true, false, false, FrameInfo.BINARY, null, 70_000,
                Messages.wireLength(70_000, false), bytes(0xf2, 0x48));
        assertEquals(List.of(base64(bytes(0xf2, 0x48)), base64(helloAgain)), exportedData(conversation(
                "permessage-deflate", cut, compressedBinary(helloAgain))));
        // Without takeover, the next message is fine.
        assertEquals(List.of(base64(bytes(0xf2, 0x48)), base64(utf8("Hello"))), exportedData(conversation(
                "permessage-deflate; server_no_context_takeover", cut, compressedBinary(hello))));
    }

    private static FrameInfo compressed(byte[] payload, boolean fin) {
        return new FrameInfo(true, fin, true, false, false, FrameInfo.TEXT, null, payload.length,
                Messages.wireLength(payload.length, false), payload);
    }

    private static FrameInfo compressedBinary(byte[] payload) {
        return new FrameInfo(true, true, true, false, false, FrameInfo.BINARY, null, payload.length,
                Messages.wireLength(payload.length, false), payload);
    }

    private static Conversation conversation(String extensions, FrameInfo... frames) {
        HandshakeRecord h = new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n",
                "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: " + extensions + "\r\n\r\n");
        List<Conversation.Frame> list = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) list.add(new Conversation.Frame(T0.plusMillis(i), frames[i]));
        return new Conversation(URI.create("ws://h/"), new Conversation.Handshake(T0, h), list, null);
    }

    private static List<String> exportedData(Conversation c) throws Exception {
        List<String> out = new ArrayList<>();
        for (Node m : parse(write(c)).object("log").array("entries").get(0).array("_webSocketMessages")) {
            out.add(m.string("data"));
        }
        return out;
    }

    @Test
    void withoutAHandshakeTheResponseSaysNone() throws Exception {
        Conversation c = new Conversation(URI.create("wss://example.org/feed"), null, List.of(),
                new Conversation.Close(T0, 1006, "", false, false));
        Node entry = parse(write(c)).object("log").array("entries").get(0);
        assertEquals(0, entry.object("response").integer("status", 0, 0));
        assertEquals(-1, entry.object("request").integer("headersSize", -1, -1));
        assertEquals("2024-05-01T12:00:00.123Z", entry.string("startedDateTime"));
        assertEquals(0, entry.array("_webSocketMessages").size());

        List<Conversation> back = read(write(c));
        assertEquals("", back.get(0).handshake().record().response());
    }

    // ---- round trip ----

    @Test
    void exportThenImportKeepsEveryDataMessage() throws Exception {
        Conversation original = Samples.rich();

        List<Conversation> all = read(write(original));

        assertEquals(1, all.size());
        Conversation back = all.get(0);
        assertEquals(original.url(), back.url());
        assertEquals(T0.truncatedTo(ChronoUnit.MILLIS), back.handshake().at());
        HandshakeRecord h = back.handshake().record();
        assertEquals(Samples.HANDSHAKE.requestLine(), h.requestLine());
        assertEquals(Samples.HANDSHAKE.requestHeaders(), h.requestHeaders());
        assertEquals(Samples.HANDSHAKE.statusLine(), h.statusLine());
        assertEquals(Samples.HANDSHAKE.responseHeaders(), h.responseHeaders());
        assertEquals(Samples.HANDSHAKE, h, "the handshake text is rebuilt exactly when it was plainly laid out");
        assertNull(back.close(), "a HAR has no close");

        List<Expected> expected = richMessages();
        assertEquals(expected.size(), back.frames().size());
        for (int i = 0; i < expected.size(); i++) {
            Expected x = expected.get(i);
            Conversation.Frame frame = back.frames().get(i);
            FrameInfo f = frame.info();
            byte[] data = x.opcode() == FrameInfo.BINARY ? Base64.getDecoder().decode(x.data()) : utf8(x.data());
            assertEquals(x.type().equals("receive"), f.inbound(), "frame " + i);
            assertEquals(x.opcode(), f.opcode(), "frame " + i);
            assertArrayEquals(data, f.payload(), "frame " + i);
            assertEquals(x.at().truncatedTo(ChronoUnit.MICROS), frame.at(), "frame " + i);
            assertTrue(f.fin());
            assertFalse(f.rsv1() || f.rsv2() || f.rsv3());
            assertNull(f.maskKey());
            assertEquals(data.length, f.payloadLength());
            assertEquals(Messages.wireLength(data.length, !f.inbound()), f.wireLength());
        }

        // What a HAR holds, it holds for good: a second round changes nothing.
        assertEquals(back, read(write(back)).get(0));
    }

    @Test
    void severalConversationsAreSeveralEntries() throws Exception {
        Conversation a = Samples.rich();
        Conversation b = new Conversation(URI.create("ws://other/"), null,
                List.of(new Conversation.Frame(T0, Samples.in(FrameInfo.TEXT, true, utf8("b")))), null);
        List<Conversation> back = read(write(a, b));
        assertEquals(List.of(a.url(), b.url()), back.stream().map(Conversation::url).toList());
        assertEquals("b", new String(back.get(1).frames().get(0).info().payload(), StandardCharsets.UTF_8));
    }
}
