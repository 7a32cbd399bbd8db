package dev.duplex.conversation;

import static dev.duplex.conversation.Samples.bytes;
import static dev.duplex.conversation.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.wire.FrameInfo;

/** Reading HARs that Duplex did not write: Chrome's, other tools', and damaged ones. */
class HarReaderTest {

    private static List<Conversation> read(String text) throws IOException, ConversationFileException {
        return HarFormat.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- reading Chrome's file ----

    @Test
    void readsTheWebSocketsOfAHarChromeSaved() throws Exception {
        List<Conversation> all;
        try (InputStream in = HarReaderTest.class.getResourceAsStream("chrome-websocket.har")) {
            assertNotNull(in);
            all = HarFormat.read(in);
        }

        // The document, the script and the favicon are not WebSockets.
        assertEquals(2, all.size());
        Conversation echo = all.get(0);
        assertEquals(URI.create("ws://localhost:8080/echo?room=lobby&name=J%C3%BCrgen"), echo.url());
        assertEquals(Instant.parse("2024-05-01T12:00:00.208Z"), echo.handshake().at());
        HandshakeRecord h = echo.handshake().record();
        assertEquals("GET /echo?room=lobby&name=J%C3%BCrgen HTTP/1.1", h.requestLine());
        assertEquals(12, h.requestHeaders().size());
        assertEquals("q9Yx3kq6bE1Ih0eA9i1+Tw==", h.requestHeader("Sec-WebSocket-Key"));
        assertEquals("HTTP/1.1 101 Switching Protocols", h.statusLine());
        assertEquals(101, h.status());
        assertEquals("permessage-deflate", h.responseHeader("Sec-WebSocket-Extensions"));
        assertNull(echo.close());

        // Chrome's times are doubles: rounded to the microsecond they are what Chrome measured.
        List<Conversation.Frame> expected = List.of(
                frame("12:00:00.215300", false, FrameInfo.TEXT, utf8("{\"op\":\"join\",\"room\":\"lobby\"}")),
                frame("12:00:00.216117", false, FrameInfo.BINARY, bytes(0, 1, 2, 3, 255)),
                frame("12:00:00.216915", true, FrameInfo.TEXT, utf8("{\"op\":\"joined\",\"members\":[\"Jürgen\",\"Zoë\"]}")),
                frame("12:00:00.902346", true, FrameInfo.BINARY, bytes(0xde, 0xad, 0xbe, 0xef)),
                frame("12:00:01.500000", true, FrameInfo.TEXT, utf8("emoji 👋 and \"quotes\"\nand a second line")),
                frame("12:00:02.000000", false, FrameInfo.TEXT, new byte[0]));
        assertEquals(expected, echo.frames());

        // Chrome's "error" entry is not a frame.
        Conversation ticker = all.get(1);
        assertEquals(URI.create("wss://stream.example.com/ticker"), ticker.url());
        assertEquals(List.of(frame("12:00:03.250000", true, FrameInfo.TEXT, utf8("tick 1"))), ticker.frames());
    }

    private static Conversation.Frame frame(String time, boolean inbound, int opcode, byte[] payload) {
        return new Conversation.Frame(Instant.parse("2024-05-01T" + time + "Z"), new FrameInfo(inbound, true, false,
                false, false, opcode, null, payload.length, Messages.wireLength(payload.length, !inbound), payload));
    }

    @Test
    void anEntryWithMessagesCountsWithoutAResourceType() throws Exception {
        String har = """
                {"log": {"version": "1.2", "creator": {"name": "other tool", "version": "1"}, "entries": [
                  {"_resourceType": "document", "request": 5, "response": {}},
                  {"startedDateTime": "2024-05-01T14:00:00.000+02:00",
                   "request": {"method": "GET", "url": "ws://h/a", "headers": []},
                   "response": {"status": 101, "statusText": "Switching Protocols", "headers": []},
                   "_webSocketMessages": [
                     {"type": "receive", "time": "2024-05-01T12:00:01.000001Z", "opcode": 1, "data": "iso time"},
                     {"type": "receive", "time": 1714564802, "opcode": 9, "data": "a ping"}]},
                  {"_resourceType": "websocket", "startedDateTime": "2024-05-01T12:00:00Z",
                   "request": {"url": "ws://h/b"}, "response": {"status": 0}}
                ]}}
                """;
        List<Conversation> all = read(har);
        assertEquals(2, all.size());
        Conversation a = all.get(0);
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), a.handshake().at());
        assertEquals("GET /a HTTP/1.1\r\n\r\n", a.handshake().record().request());
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n\r\n", a.handshake().record().response());
        assertEquals(Instant.parse("2024-05-01T12:00:01.000001Z"), a.frames().get(0).at());
        // An opcode Chrome does not write: kept, its data taken as text.
        FrameInfo ping = a.frames().get(1).info();
        assertEquals(FrameInfo.PING, ping.opcode());
        assertArrayEquals(utf8("a ping"), ping.payload());
        Conversation b = all.get(1);
        assertEquals(URI.create("ws://h/b"), b.url());
        assertEquals(List.of(), b.frames());
        assertEquals("", b.handshake().record().response(), "status 0 and no headers: no answer came");
    }

    @Test
    void aHarWithoutWebSocketsHoldsNoConversation() throws Exception {
        assertEquals(List.of(), read("{\"log\": {\"entries\": [{\"_resourceType\": \"xhr\", \"request\": {}}]}}"));
        assertEquals(List.of(), read("{\"log\": {\"entries\": []}}"));
    }

    // ---- damaged files ----

    /** A HAR whose one WebSocket message is {@code message}, on line 6. */
    private static String withMessage(String message) {
        return "{\"log\": {\"entries\": [\n"
                + "  {\"_resourceType\": \"websocket\", \"startedDateTime\": \"2024-05-01T12:00:00Z\",\n"
                + "   \"request\": {\"url\": \"ws://h/\"}, \"response\": {\"status\": 101},\n"
                + "   \"_webSocketMessages\": [\n"
                + "     {\"type\": \"send\", \"time\": 1714564800.5, \"opcode\": 1, \"data\": \"fine\"},\n"
                + "     " + message + "\n"
                + "   ]}\n"
                + "]}}\n";
    }

    @Test
    void aDamagedWebSocketEntryIsRefusedWithItsLine() throws Exception {
        assertEquals(2, read(withMessage("{\"type\": \"receive\", \"time\": 1714564800.6, \"opcode\": 2, \"data\": \"AQI=\"}"))
                .get(0).frames().size(), "the frame of the tests below is fine but for what each changes");

        assertRefused(withMessage("{\"type\": \"receive\", \"time\": 1714564800.6, \"opcode\": \"two\", \"data\": \"AQI=\"}"),
                6, "\"opcode\" must be a whole number from 0 to 15, found the string \"two\"");
        assertRefused(withMessage("{\"type\": \"receive\", \"time\": 1714564800.6, \"opcode\": 2, \"data\": \"not base64!\"}"),
                6, "\"data\" of a binary message must be base64");
        assertRefused(withMessage("{\"type\": \"sent\", \"time\": 1714564800.6, \"opcode\": 1, \"data\": \"x\"}"),
                6, "\"type\" must be \"send\", \"receive\" or \"error\", found the string \"sent\"");
        assertRefused(withMessage("{\"type\": \"send\", \"opcode\": 1, \"data\": \"x\"}"), 6, "\"time\" is missing");
        assertRefused(withMessage("{\"type\": \"send\", \"time\": 1e30, \"opcode\": 1, \"data\": \"x\"}"), 6,
                "\"time\" is out of range");
        assertRefused(withMessage("{\"type\": \"send\", \"time\": 1, \"opcode\": 1, \"data\": null}"), 6,
                "\"data\" must be a string, found null");
        assertRefused(withMessage("\"a string\""), 6, "a WebSocket message must be an object");
        assertRefused(withMessage("{\"type\": \"send\", \"time\": 1, \"opcode\": 1, \"data\": \"x\"},,"), 6,
                "not valid JSON");
        assertRefused(withMessage("{}").replace("\"url\": \"ws://h/\"", "\"link\": \"ws://h/\""), 3,
                "\"url\" is missing");
        assertRefused(withMessage("{}").replace("2024-05-01T12:00:00Z", "May 1st"), 2,
                "\"startedDateTime\" must be an ISO-8601 time");
    }

    @Test
    void whatIsNotAHarIsRefused() {
        assertRefused("", 1, "the file is empty");
        assertRefused("[{\"log\": {}}]", 1, "not a HAR file: it must be a JSON object");
        assertRefused("{\"version\": \"1.2\"}", 1, "no \"log\": not a HAR file");
        assertRefused("{\n  \"log\": {\"version\": \"1.2\"}}", 2, "\"log\" has no \"entries\"");
        assertRefused("{\"log\": {\"entries\": {}}}", 1, "\"entries\" must be an array");
        assertRefused("{\"log\": {\"entries\": [\n\n  {\"request\": }]}}", 3, "not valid JSON");
        assertRefused("{\"log\": {\"entries\": []}} {}", 1, "more after the end");
        assertRefused("{\"log\": {\"entries\": [\n  {\"a\": 1, \"a\": 2}]}}", 2, "the field \"a\" appears twice");
    }

    private static void assertRefused(String har, int line, String what) {
        ConversationFileException e = assertThrows(ConversationFileException.class, () -> read(har), har);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(what), e.getMessage());
        assertFalse(e.getMessage().contains("[Source") || e.getMessage().contains("com.fasterxml"), e.getMessage());
    }
}
