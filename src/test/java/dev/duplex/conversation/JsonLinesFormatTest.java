package dev.duplex.conversation;

import static dev.duplex.conversation.Samples.T0;
import static dev.duplex.conversation.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;

class JsonLinesFormatTest {

    private static byte[] write(Conversation c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesFormat.write(c, out);
        return out.toByteArray();
    }

    private static Conversation read(byte[] bytes) throws IOException, ConversationFileException {
        return JsonLinesFormat.read(new ByteArrayInputStream(bytes));
    }

    private static Conversation read(String text) throws IOException, ConversationFileException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- what is written ----

    @Test
    void writesOneDocumentedObjectALine() throws IOException {
        Conversation c = new Conversation(URI.create("ws://h/"),
                new Conversation.Handshake(T0, new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n",
                        "HTTP/1.1 101 Switching Protocols\r\n\r\n")),
                List.of(new Conversation.Frame(T0.plusNanos(1), Samples.out(FrameInfo.TEXT, true, utf8("hi"))),
                        new Conversation.Frame(Instant.parse("2024-05-01T12:00:01Z"),
                                Samples.in(FrameInfo.BINARY, true, Samples.bytes(0, 1, 0xff)))),
                new Conversation.Close(Instant.parse("2024-05-01T12:00:02Z"), 1000, "done", true, false));

        String expected = ""
                + "{\"type\":\"handshake\",\"url\":\"ws://h/\",\"time\":\"2024-05-01T12:00:00.123456789Z\","
                + "\"request\":\"GET / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n\","
                + "\"response\":\"HTTP/1.1 101 Switching Protocols\\r\\n\\r\\n\"}\n"
                + "{\"type\":\"frame\",\"time\":\"2024-05-01T12:00:00.123456790Z\",\"direction\":\"out\",\"opcode\":1,"
                + "\"opcodeName\":\"text\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,\"masked\":true,"
                + "\"maskKey\":\"37fa213d\",\"payloadLength\":2,\"wireLength\":8,\"text\":\"hi\"}\n"
                + "{\"type\":\"frame\",\"time\":\"2024-05-01T12:00:01.000000000Z\",\"direction\":\"in\",\"opcode\":2,"
                + "\"opcodeName\":\"binary\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,\"masked\":false,"
                + "\"maskKey\":null,\"payloadLength\":3,\"wireLength\":5,\"base64\":\"AAH/\"}\n"
                + "{\"type\":\"close\",\"time\":\"2024-05-01T12:00:02.000000000Z\",\"code\":1000,\"reason\":\"done\","
                + "\"wasClean\":true,\"byServer\":false}\n";
        assertEquals(expected, new String(write(c), StandardCharsets.UTF_8));
    }

    @Test
    void textIsWrittenAsTextOnlyWhereItIsValidTextOfATextMessage() throws IOException {
        String[] lines = new String(write(Samples.rich()), StandardCharsets.UTF_8).split("\n");
        List<FrameInfo> frames = Samples.everyKindOfFrame();
        assertEquals(frames.size() + 2, lines.length);
        // In the order of Samples.everyKindOfFrame().
        String expected = ""
                + "TT" // text out and in
                + "BBB" // binary of all bytes, both ways; empty binary
                + "T" // empty text
                + "BBB" // ping, pong, empty ping
                + "TBTT" // a text message in three fragments (a ping between): every fragment is text
                + "BB" // a binary message that looks like text
                + "B" // compressed (RSV1): not UTF-8
                + "T" // RSV2 and RSV3 set, plain text payload
                + "B" // invalid UTF-8 in a text frame
                + "BB" // fragments that split a character
                + "BB" // reserved opcodes
                + "B" // truncated binary
                + "BB"; // close frames
        StringBuilder actual = new StringBuilder();
        for (int i = 1; i <= frames.size(); i++) {
            boolean text = lines[i].contains("\"text\":");
            boolean base64 = lines[i].contains("\"base64\":");
            assertTrue(text != base64, lines[i]);
            actual.append(text ? 'T' : 'B');
        }
        assertEquals(expected, actual.toString());
        assertTrue(lines[0].contains("\"type\":\"handshake\""));
        assertTrue(lines[lines.length - 1].contains("\"type\":\"close\""));
        // Characters JSON must escape are escaped, so no line breaks inside a line.
        assertTrue(lines[1].contains("nul\\u0000 ls\u2028 tab\\t\\r\\nend"), lines[1]);
        // Characters beyond U+FFFF as themselves, not as a pair of escaped surrogates.
        assertTrue(lines[1].contains("wörld 👋 "), lines[1]);
    }

    // ---- round trips ----

    @Test
    void everyFieldOfEveryFrameSurvivesAndTheBytesRepeat() throws Exception {
        Conversation original = Samples.rich();
        byte[] first = write(original);

        Conversation back = read(first);

        assertEquals(original.url(), back.url());
        assertEquals(original.handshake(), back.handshake());
        assertEquals(original.close(), back.close());
        assertEquals(original.frames().size(), back.frames().size());
        for (int i = 0; i < original.frames().size(); i++) {
            assertEquals(original.frames().get(i), back.frames().get(i), "frame " + i);
        }
        assertEquals(original, back);
        assertArrayEquals(first, write(back), "export → import → export gives the same bytes");

        // A few directly, so that the test does not rest on Frame.equals alone.
        FrameInfo binary = back.frames().get(2).info();
        assertArrayEquals(Samples.allByteValues(), binary.payload());
        assertArrayEquals(Samples.KEY, binary.maskKey());
        FrameInfo compressed = back.frames().get(15).info();
        assertTrue(compressed.rsv1());
        assertFalse(compressed.rsv2());
        FrameInfo truncated = back.frames().get(22).info();
        assertEquals(70_000, truncated.payloadLength());
        assertEquals(100, truncated.payload().length);
        assertTrue(truncated.truncated());
        assertEquals(Samples.T0.plusNanos(1_000_001), back.frames().get(0).at());
    }

    @Test
    void withoutHandshakeOrCloseTheLinesSayNull() throws Exception {
        Conversation c = new Conversation(URI.create("wss://example.org/feed"), null, List.of(
                new Conversation.Frame(T0, Samples.in(FrameInfo.TEXT, true, utf8("x")))), null);
        byte[] bytes = write(c);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"type\":\"handshake\",\"url\":\"wss://example.org/feed\",\"time\":null,"
                + "\"request\":null,\"response\":null}\n"), text);
        assertFalse(text.contains("\"close\""));

        Conversation back = read(bytes);
        assertEquals(c, back);
        assertNull(back.handshake());
        assertNull(back.close());
    }

    @Test
    void timesKeepEveryNanosecondEitherSideOfTheEpoch() throws Exception {
        List<Instant> times = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(0, 999_999_999),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("1900-01-01T00:00:00.000000001Z"));
        List<Conversation.Frame> frames = times.stream()
                .map(t -> new Conversation.Frame(t, Samples.in(FrameInfo.TEXT, true, utf8("t")))).toList();
        Conversation c = new Conversation(Samples.URL, null, frames, null);
        Conversation back = read(write(c));
        assertEquals(times, back.frames().stream().map(Conversation.Frame::at).toList());
        assertTrue(new String(write(c), StandardCharsets.UTF_8).contains("\"1969-12-31T23:59:59.000000001Z\""));
    }

    @Test
    void aRefusedHandshakeWithABodyAndNoAnswerAtAllRoundTrip() throws Exception {
        HandshakeRecord refused = new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n",
                "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nnicht erlaubt ✗\n");
        HandshakeRecord unanswered = new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n", "");
        for (HandshakeRecord r : List.of(refused, unanswered)) {
            Conversation c = new Conversation(URI.create("ws://h/"), new Conversation.Handshake(T0, r), List.of(),
                    new Conversation.Close(T0, 1006, "", false, false));
            assertEquals(c, read(write(c)));
        }
    }

    @Test
    void aStringWithHalfASurrogatePairSurvives() throws Exception {
        // Not from the wire (the tap decodes bytes), but a Conversation may be built by hand.
        Conversation c = new Conversation(URI.create("ws://h/"),
                new Conversation.Handshake(T0, new HandshakeRecord("GET / HTTP/1.1\r\nX-Odd: \uD800\r\n\r\n", "")),
                List.of(), new Conversation.Close(T0, 1000, "half \uDC00 pair", true, false));
        byte[] bytes = write(c);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("half \\uDC00 pair"));
        assertEquals(c, read(bytes));
    }

    // ---- reading leniently where nothing is lost ----

    @Test
    void unknownFieldsBlankLinesCrlfAndAByteOrderMarkAreFine() throws Exception {
        String file = "\uFEFF"
                + "{\"type\":\"handshake\",\"app\":{\"name\":\"other\",\"v\":[1,2]},\"url\":\"ws://h/x\","
                + "\"time\":\"2024-05-01T14:00:00.5+02:00\",\"request\":\"GET /x HTTP/1.1\\r\\n\\r\\n\",\"response\":\"\"}\r\n"
                + "\r\n"
                // opcodeName and masked left out: they only repeat opcode and maskKey. The key in capitals.
                + "{\"note\":null,\"type\":\"frame\",\"time\":\"2024-05-01T12:00:01Z\",\"direction\":\"out\",\"opcode\":2,"
                + "\"fin\":false,\"rsv1\":true,\"rsv2\":false,\"rsv3\":true,\"maskKey\":\"0A0B0C0D\",\"payloadLength\":4,"
                + "\"wireLength\":10,\"base64\":\"AQID\",\"extra\":[{\"deep\":true}]}\r\n"
                + "{\"type\":\"frame\",\"time\":\"2024-05-01T12:00:02.000000001Z\",\"direction\":\"in\",\"opcode\":0,"
                + "\"opcodeName\":\"continuation\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,"
                + "\"masked\":false,\"maskKey\":null,\"payloadLength\":3,\"wireLength\":5.0,\"text\":\"\\u00e9!\"}\n"
                + "   \n"
                + "{\"type\":\"close\",\"time\":\"2024-05-01T12:00:03Z\",\"code\":4000,\"reason\":\"\",\"wasClean\":false,"
                + "\"byServer\":true,\"comment\":\"ignored\"}";  // no \n after the last line

        Conversation c = read(file);

        assertEquals(URI.create("ws://h/x"), c.url());
        assertEquals(new Conversation.Handshake(Instant.parse("2024-05-01T12:00:00.5Z"),
                new HandshakeRecord("GET /x HTTP/1.1\r\n\r\n", "")), c.handshake());
        assertEquals(List.of(
                new Conversation.Frame(Instant.parse("2024-05-01T12:00:01Z"), new FrameInfo(false, false, true, false, true,
                        2, Samples.bytes(10, 11, 12, 13), 4, 10, Samples.bytes(1, 2, 3))),
                new Conversation.Frame(Instant.parse("2024-05-01T12:00:02.000000001Z"), new FrameInfo(true, true, false,
                        false, false, 0, null, 3, 5, utf8("é!")))), c.frames());
        assertEquals(new Conversation.Close(Instant.parse("2024-05-01T12:00:03Z"), 4000, "", false, true), c.close());
    }

    // ---- rejecting what would be lost or misread ----

    private static final String HEAD = "{\"type\":\"handshake\",\"url\":\"ws://h/\",\"time\":\"2024-05-01T12:00:00Z\","
            + "\"request\":\"GET / HTTP/1.1\\r\\n\\r\\n\",\"response\":\"HTTP/1.1 101 Switching Protocols\\r\\n\\r\\n\"}";
    private static final String FRAME = "{\"type\":\"frame\",\"time\":\"2024-05-01T12:00:01Z\",\"direction\":\"in\","
            + "\"opcode\":1,\"opcodeName\":\"text\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,"
            + "\"masked\":false,\"maskKey\":null,\"payloadLength\":2,\"wireLength\":4,\"text\":\"hi\"}";
    private static final String CLOSE = "{\"type\":\"close\",\"time\":\"2024-05-01T12:00:02Z\",\"code\":1000,"
            + "\"reason\":\"\",\"wasClean\":true,\"byServer\":false}";

    private static String frame(String field, String replacement) {
        assertTrue(FRAME.contains(field), field);
        return FRAME.replace(field, replacement);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of(lines(HEAD, "{\"type\":\"frame\",\"time\":"), 2, "not valid JSON"),
                Arguments.of(lines(HEAD, "{\"type\":\"frame\" \"time\":1}"), 2, "not valid JSON"),
                Arguments.of(lines(HEAD, "[1,2]"), 2, "a line must hold a JSON object, found an array"),
                Arguments.of(lines(HEAD, FRAME + " {}"), 2, "more after the JSON object"),
                Arguments.of(lines(HEAD, frame("\"fin\":true,", "")), 2, "\"fin\" is missing"),
                Arguments.of(lines(HEAD, frame("\"fin\":true", "\"fin\":\"yes\"")), 2,
                        "\"fin\" must be true or false, found the string \"yes\""),
                Arguments.of(lines(HEAD, frame("\"opcode\":1", "\"opcode\":16")), 2,
                        "\"opcode\" must be a whole number from 0 to 15, found 16"),
                Arguments.of(lines(HEAD, frame("\"opcode\":1", "\"opcode\":1.5")), 2, "found 1.5"),
                Arguments.of(lines(HEAD, frame("\"direction\":\"in\"", "\"direction\":\"sideways\"")), 2,
                        "\"direction\" must be \"in\" or \"out\", found the string \"sideways\""),
                Arguments.of(lines(HEAD, frame("2024-05-01T12:00:01Z", "yesterday")), 2,
                        "\"time\" must be an ISO-8601 time"),
                Arguments.of(lines(HEAD, frame("\"maskKey\":null", "\"maskKey\":\"abc\"")), 2,
                        "\"maskKey\" must be 8 hex digits"),
                Arguments.of(lines(HEAD, frame("\"maskKey\":null", "\"maskKey\":\"0102030g\"")), 2,
                        "\"maskKey\" must be 8 hex digits"),
                Arguments.of(lines(HEAD, frame("\"masked\":false", "\"masked\":true")), 2,
                        "\"masked\" is true but \"maskKey\" is null"),
                Arguments.of(lines(HEAD, frame("\"opcodeName\":\"text\"", "\"opcodeName\":\"binary\"")), 2,
                        "\"opcodeName\" \"binary\" does not match \"opcode\" 1 (text)"),
                Arguments.of(lines(HEAD, frame("\"text\":\"hi\"", "\"text\":\"hi\",\"base64\":\"aGk=\"")), 2,
                        "both \"text\" and \"base64\""),
                Arguments.of(lines(HEAD, frame(",\"text\":\"hi\"", "")), 2, "no payload"),
                Arguments.of(lines(HEAD, frame("\"text\":\"hi\"", "\"base64\":\"%%%\"")), 2,
                        "\"base64\" is not base64"),
                Arguments.of(lines(HEAD, frame("\"text\":\"hi\"", "\"text\":\"\\ud800\"")), 2, "surrogate"),
                Arguments.of(lines(HEAD, frame("\"text\":\"hi\"", "\"text\":null")), 2,
                        "\"text\" must be a string, found null"),
                Arguments.of(lines(HEAD, frame("\"payloadLength\":2", "\"payloadLength\":1")), 2,
                        "\"payloadLength\" 1 is less than the 2 bytes of the payload"),
                Arguments.of(lines(HEAD, frame("\"wireLength\":4", "\"wireLength\":-4")), 2,
                        "\"wireLength\" must be a whole number 0 or more, found -4"),
                Arguments.of(lines(HEAD, frame("\"fin\":true", "\"fin\":true,\"fin\":false")), 2,
                        "the field \"fin\" appears twice"),
                Arguments.of(lines(HEAD, frame("\"type\":\"frame\",", "")), 2, "\"type\" is missing"),
                Arguments.of(lines(HEAD, frame("\"type\":\"frame\"", "\"type\":\"fram\"")), 2,
                        "unknown \"type\" \"fram\": expected handshake, frame or close"),
                Arguments.of(lines(FRAME), 1, "the first line must be the handshake line, found a \"frame\" line"),
                Arguments.of(lines(HEAD, FRAME, HEAD), 3, "a second handshake line"),
                Arguments.of(lines(HEAD, FRAME, CLOSE, FRAME), 4, "a \"frame\" line after the close line"),
                Arguments.of(lines(HEAD, CLOSE, CLOSE), 3, "a \"close\" line after the close line"),
                Arguments.of(lines(HEAD, CLOSE.replace("\"code\":1000", "\"code\":\"normal\"")), 2,
                        "\"code\" must be a whole number"),
                Arguments.of(lines(HEAD.replace("\"response\":\"HTTP/1.1 101 Switching Protocols\\r\\n\\r\\n\"",
                        "\"response\":null")), 1, "\"response\" must be a string when there is a request"),
                Arguments.of(lines(HEAD.replace("\"request\":\"GET / HTTP/1.1\\r\\n\\r\\n\"", "\"request\":null")), 1,
                        "\"request\" is null but \"time\" or \"response\" is not"),
                Arguments.of(lines(HEAD.replace("ws://h/", "ws://h/a b")), 1, "\"url\" is not a URL"),
                Arguments.of(lines(HEAD, "", "", "{\"type\":\"frame\" oops"), 4, "not valid JSON"),
                Arguments.of("", 1, "no handshake line"),
                Arguments.of("\n\n", 2, "no handshake line"));
    }

    @ParameterizedTest
    @MethodSource("damagedFiles")
    void aDamagedFileIsRefusedWithItsLineAndWhatIsWrong(String file, int line, String what) {
        ConversationFileException e = assertThrows(ConversationFileException.class, () -> read(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ":") || e.getMessage().startsWith("line " + line + ", column "),
                e.getMessage());
        assertTrue(e.problem().contains(what), e.getMessage());
        assertPlainWords(e);
    }

    @Test
    void aSyntaxErrorSaysTheColumnToo() {
        ConversationFileException e = assertThrows(ConversationFileException.class,
                () -> read(lines(HEAD, FRAME, "{\"type\": \"frame\", \"fin\": tru}")));
        assertEquals(3, e.line());
        assertEquals(26, e.column(), e.getMessage()); // where "tru" starts
        assertTrue(e.getMessage().startsWith("line 3, column 26: not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("tru"), e.getMessage());
        assertPlainWords(e);
    }

    @Test
    void aFieldOfTheWrongKindIsPointedAt() {
        ConversationFileException e = assertThrows(ConversationFileException.class,
                () -> read(lines(HEAD, frame("\"opcode\":1", "\"opcode\":\"text\""))));
        assertEquals(2, e.line());
        assertEquals(FRAME.indexOf("\"opcode\":1") + "\"opcode\":".length() + 1, e.column());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirOwnLine() {
        // Lines longer than any read-ahead buffer before the bad one, so a decoder reading ahead would blame
        // an earlier line.
        String longText = "x".repeat(20_000);
        String longFrame = frame("\"payloadLength\":2,\"wireLength\":4,\"text\":\"hi\"",
                "\"payloadLength\":20000,\"wireLength\":20004,\"text\":\"" + longText + "\"");
        byte[] good = lines(HEAD, longFrame, longFrame, FRAME).getBytes(StandardCharsets.UTF_8);
        byte[] bad = lines(frame("hi", "h\u00ff")).getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[good.length + bad.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);

        ConversationFileException e = assertThrows(ConversationFileException.class, () -> read(file));
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    private static void assertPlainWords(ConversationFileException e) {
        String m = e.getMessage();
        for (String noise : List.of("com.fasterxml", "[Source", "Exception", "\tat ")) {
            assertFalse(m.contains(noise), "no parser internals in the message: " + m);
        }
    }
}
