package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;

/** The wire log keeps frames apart from the log's events and counts them, whatever its cap dropped. */
class WireLogTest {
    private static WsEvent frame(boolean inbound, boolean fin, int opcode) {
        return new WsEvent.Frame(Instant.EPOCH, "p", new FrameInfo(inbound, fin, false, false, false, opcode, null, 2, 4,
                new byte[] {'h', 'i'}));
    }

    @Test
    void framesGoToTheirOwnCappedListAndTheTotalsCountEveryOneAndEveryMessage() {
        WireLog wire = new WireLog(3);
        List<WsEvent> batch = new ArrayList<>();
        batch.add(new WsEvent.Received(Instant.EPOCH, "p", Payload.text("hi")));
        batch.add(frame(true, false, FrameInfo.TEXT));
        batch.add(frame(true, true, FrameInfo.CONTINUATION));
        batch.add(frame(true, true, FrameInfo.PONG));
        batch.add(frame(true, true, FrameInfo.BINARY));
        batch.add(frame(false, true, FrameInfo.TEXT));
        List<WsEvent> rest = wire.take(batch);
        assertEquals(1, rest.size(), "the log gets what is not a frame");
        assertEquals(3, wire.frames().events().size());
        assertEquals(2, wire.frames().dropped());
        assertEquals(4, wire.totals().inFrames());
        assertEquals(2, wire.totals().inMessages(), "a fragmented text and a binary message; not the pong");
        assertEquals(1, wire.totals().outFrames());
        assertEquals(16, wire.totals().inBytes());
        wire.clear();
        assertEquals(0, wire.totals().inMessages());
    }
}
