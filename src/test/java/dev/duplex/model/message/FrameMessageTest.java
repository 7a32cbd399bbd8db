package dev.duplex.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;

/**
 * The message a frame belongs to: fragments the same way put together from any of them, a ping between them
 * passed over, the other way's frames not mixed in; not whole (no FIN yet, or a payload kept in part) is no
 * message for the message view.
 */
class FrameMessageTest {
    @Test
    void fragmentsArePutTogetherFromAnyOfThem() {
        List<WsEvent> frames = List.of(
                frame(true, false, FrameInfo.TEXT, "hel", 3),
                frame(false, true, FrameInfo.TEXT, "other way", 9),
                frame(true, true, FrameInfo.PING, "p", 1),
                frame(true, false, FrameInfo.CONTINUATION, "lo ", 3),
                frame(true, true, FrameInfo.CONTINUATION, "你好", 6));
        for (int at : new int[] {0, 3, 4}) {
            FrameMessage m = FrameMessage.of(frames, at).orElseThrow();
            assertEquals("hello 你好", new String(m.bytes(), StandardCharsets.UTF_8));
            assertEquals(3, m.fragments());
            WsEvent.Received r = assertInstanceOf(WsEvent.Received.class, m.asEvent().orElseThrow());
            assertEquals("hello 你好", r.payload().text());
            assertEquals(Instant.ofEpochMilli(4), r.at(), "at its last frame's time");
        }
        assertTrue(FrameMessage.of(frames, 2).isEmpty(), "a ping is no message");
        WsEvent.Sent out = assertInstanceOf(WsEvent.Sent.class, FrameMessage.of(frames, 1).orElseThrow().asEvent().orElseThrow());
        assertEquals("other way", out.payload().text());
    }

    @Test
    void notWholeIsNoMessage() {
        List<WsEvent> started = List.of(frame(true, false, FrameInfo.BINARY, "ab", 2));
        FrameMessage m = FrameMessage.of(started, 0).orElseThrow();
        assertTrue(!m.complete() && m.asEvent().isEmpty());
        List<WsEvent> cut = List.of(frame(true, true, FrameInfo.TEXT, "abc", 100_000));
        assertTrue(FrameMessage.of(cut, 0).orElseThrow().cut());
        assertTrue(FrameMessage.of(cut, 0).orElseThrow().asEvent().isEmpty());
    }

    private static int at;

    private static WsEvent frame(boolean inbound, boolean fin, int opcode, String payload, long length) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new WsEvent.Frame(Instant.ofEpochMilli(at++ % 5), "peer", new FrameInfo(inbound, fin, false, false, false, opcode,
                inbound ? null : new byte[4], length, length + 2, bytes));
    }
}
