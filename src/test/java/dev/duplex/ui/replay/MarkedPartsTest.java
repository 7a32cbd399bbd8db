package dev.duplex.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.replay.Difference;

/** A message split where the engine's Difference says it differs, as a comparison cell shows it. */
class MarkedPartsTest {

    private static MarkedParts recorded(Payload recorded, Payload replayed) {
        Difference d = Difference.between(recorded, replayed);
        return MarkedParts.of(recorded, d.inBytes(), d.recordedStart(), d.recordedEnd());
    }

    private static MarkedParts replayed(Payload recorded, Payload replayed) {
        Difference d = Difference.between(recorded, replayed);
        return MarkedParts.of(replayed, d.inBytes(), d.replayedStart(), d.replayedEnd());
    }

    @Test
    void aPrefixInsertedIsMarkedOnTheReplayedSideAndEmptyOnTheRecorded() {
        Payload a = Payload.text("hello");
        Payload b = Payload.text("Received: hello");
        assertEquals(new MarkedParts("", "", "hello"), recorded(a, b));
        assertEquals(new MarkedParts("", "Received: ", "hello"), replayed(a, b));
    }

    @Test
    void spansCountCodePointsSoAWideCharacterIsNeverCut() {
        Payload a = Payload.text("你好 Zoë!");
        Payload b = Payload.text("你好 Zoe!");
        assertEquals(new MarkedParts("你好 Zo", "ë", "!"), recorded(a, b));
        assertEquals(new MarkedParts("你好 Zo", "e", "!"), replayed(a, b));
    }

    @Test
    void aLongTextIsCutAroundTheMarkAndLineBreaksShow() {
        String head = "x".repeat(100);
        Payload a = Payload.text(head + "1\n" + "y".repeat(100));
        Payload b = Payload.text(head + "2\n" + "y".repeat(100));
        MarkedParts p = recorded(a, b);
        assertEquals("…" + "x".repeat(MarkedParts.CONTEXT), p.before());
        assertEquals("1", p.marked());
        assertEquals("\\n" + "y".repeat(MarkedParts.CONTEXT - 1) + "…", p.after());
    }

    @Test
    void bytesShowAsHexWithTheDifferingBytesMarked() {
        Payload a = Payload.binary(new byte[] {0, 1, 2, (byte) 0xff});
        Payload b = Payload.binary(new byte[] {0, 1, 7, (byte) 0xff});
        assertEquals(new MarkedParts("00 01 ", "02", " ff"), recorded(a, b));
        assertEquals(new MarkedParts("00 01 ", "07", " ff"), replayed(a, b));
    }

    @Test
    void aMessageWithNothingMarkedIsOneLine() {
        assertEquals(new MarkedParts("a\\r\\nb", "", ""), MarkedParts.plain("a\r\nb"));
    }
}
