package dev.duplex.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;

/** Where two messages differ: their common start and end taken off, in code points or bytes. */
class DifferenceTest {

    @Test
    void theSameMessageHasNoDifference() {
        assertNull(Difference.between(Payload.text("hello"), Payload.text("hello")));
        assertNull(Difference.between(Payload.binary(new byte[] {1, 2}), Payload.binary(new byte[] {1, 2})));
    }

    @Test
    void aChangedWordIsTheSpanBetweenTheCommonStartAndEnd() {
        assertEquals(new Difference(false, false, 0, 8, 0, 6),
                Difference.between(Payload.text("Received:hello"), Payload.text("Answer:hello")));
        assertEquals(new Difference(false, false, 5, 6, 5, 6),
                Difference.between(Payload.text("{\"n\":100}"), Payload.text("{\"n\":200}")));
    }

    @Test
    void anInsertionIsAnEmptySpanOnTheRecordedSide() {
        assertEquals(new Difference(false, false, 5, 5, 5, 9),
                Difference.between(Payload.text("hello"), Payload.text("hello you")));
        assertEquals(new Difference(false, false, 0, 0, 0, 8),
                Difference.between(Payload.text("Received:hello"), Payload.text("Answer: Received:hello")));
    }

    @Test
    void textCountsCodePointsSoNoCharacterIsCut() {
        // The emoji is one code point of two chars: the spans count it once.
        assertEquals(new Difference(false, false, 2, 3, 2, 3),
                Difference.between(Payload.text("我已经收到"), Payload.text("我已👋收到")));
    }

    @Test
    void binaryCountsBytesAndTextAgainstBinaryIsSaid() {
        assertEquals(new Difference(true, false, 2, 3, 2, 3),
                Difference.between(Payload.binary(new byte[] {0, 1, 2, 3}), Payload.binary(new byte[] {0, 1, (byte) 0xff, 3})));
        assertEquals(new Difference(true, true, 2, 2, 2, 2),
                Difference.between(Payload.text("hi"), Payload.binary(new byte[] {'h', 'i'})));
    }
}
