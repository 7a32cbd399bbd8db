package dev.duplex.decode.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The frame reader on bytes written by hand from the STOMP 1.2 specification (the broker test covers what
 * RabbitMQ really sends): frames split over messages and several in one, content-length bodies holding a
 * NUL, header escapes and the undefined ones, CRLF line endings, and heart-beats.
 */
class StompReaderTest {
    private final StompReader reader = new StompReader();

    @Test
    void aFrameSplitOverTwoMessagesIsReadWhenWhole() {
        assertEquals(List.of(), reader.read(bytes("MESSAGE\ndestination:/queue/a\nmessage-id:7\n\nhel")));
        assertTrue(reader.partial());
        StompFrame f = frame(reader.read(bytes("lo\0")), 0);
        assertEquals("MESSAGE", f.command());
        assertEquals("/queue/a", f.header("destination"));
        assertEquals("hello", f.bodyText());
        assertFalse(reader.partial());
    }

    @Test
    void twoFramesAndHeartBeatsInOneMessage() {
        List<StompReader.Part> parts = reader.read(bytes("\nRECEIPT\nreceipt-id:r-1\n\n\0\n\nRECEIPT\r\nreceipt-id:r-2\r\n\r\n\0"));
        assertInstanceOf(StompReader.HeartBeat.class, parts.get(0));
        assertEquals("r-1", frame(parts, 1).header("receipt-id"));
        // The line endings right after a frame's NUL belong to it; they are not heart-beats.
        assertEquals("r-2", frame(parts, 2).header("receipt-id"));
        assertEquals(3, parts.size());
        assertInstanceOf(StompReader.HeartBeat.class, reader.read(bytes("\r\n")).get(0));
    }

    @Test
    void contentLengthCarriesANulInTheBody() {
        byte[] b = bytes("MESSAGE\ncontent-length:3\n\na\0b\0");
        StompFrame f = frame(reader.read(b), 0);
        assertEquals(3, f.body().length);
        assertEquals(0, f.body()[1]);
        assertEquals(List.of(), new StompReader().read(bytes("MESSAGE\ncontent-length:5\n\nab")), "not whole yet");
        assertMalformed("no NUL after the 1 bytes", "MESSAGE\ncontent-length:1\n\nab\0");
        assertMalformed("content-length is not a number", "MESSAGE\ncontent-length:x\n\n\0");
    }

    @Test
    void headersAreUnescapedAndTheFirstOfTwoCounts() {
        StompFrame f = frame(reader.read(bytes("MESSAGE\nk\\cey:a\\nb\\\\c\\r\nfoo:1\nfoo:2\n\n\0")), 0);
        assertEquals("a\nb\\c\r", f.header("k:ey"));
        assertEquals("1", f.header("foo"));
        // CONNECTED is never escaped, for 1.0 servers' sake.
        assertEquals("a\\cb", frame(new StompReader().read(bytes("CONNECTED\nx:a\\cb\n\n\0")), 0).header("x"));
        assertMalformed("an undefined escape \\t", "MESSAGE\nk:a\\tb\n\n\0");
        StompReader old = new StompReader();
        old.version("1.0");
        assertEquals("a\\tb", frame(old.read(bytes("MESSAGE\nk:a\\tb\n\n\0")), 0).header("k"), "1.0 has no escapes");
    }

    @Test
    void whatIsNoFrameIsSaid() {
        assertMalformed("no command", "hello\n\n\0");
        assertMalformed("a header line without a colon", "MESSAGE\nnocolon\n\n\0");
        assertMalformed("a NUL before the blank line", "MESSAGE\0\n\n");
        assertFalse(reader.partial(), "a malformed frame is dropped, not kept");
    }

    @Test
    void ourFramesAreEscapedAndSizedAsTheReaderReadsThem() {
        String sent = StompFrame.of("SEND", "a\0b 你好", "destination", "/queue/x:y", "note", "two\nlines").encode();
        assertTrue(sent.contains("destination:/queue/x\\cy\n"), sent);
        assertTrue(sent.contains("content-length:" + "a\0b 你好".getBytes(StandardCharsets.UTF_8).length + "\n"), sent);
        StompFrame back = frame(reader.read(bytes(sent)), 0);
        assertEquals("two\nlines", back.header("note"));
        assertEquals("a\0b 你好", back.bodyText());
        assertTrue(StompFrame.of("CONNECT", "", "host", "a:b").encode().contains("host:a:b\n"), "CONNECT is sent as typed");
    }

    private void assertMalformed(String problem, String text) {
        List<StompReader.Part> parts = new StompReader().read(bytes(text));
        StompReader.Malformed m = assertInstanceOf(StompReader.Malformed.class, parts.get(parts.size() - 1));
        assertTrue(m.problem().startsWith(problem), m.problem());
    }

    private static StompFrame frame(List<StompReader.Part> parts, int i) {
        return assertInstanceOf(StompReader.Frame.class, parts.get(i)).frame();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
