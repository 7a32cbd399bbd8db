package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.duplex.protocol.CloseRequest.Problem;

class CloseRequestTest {

    @Test
    void sendableCodesHaveNoProblem() {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999}) {
            assertEquals(Set.of(), new CloseRequest(code, "ok").problems(), "code " + code);
            assertTrue(new CloseRequest(code, "").valid());
        }
        assertEquals(Set.of(), new CloseRequest(CloseRequest.NO_CODE, "").problems());
    }

    @Test
    void reportingCodesAndCodesOutOfRange() {
        for (int code : new int[] {1005, 1006, 1015}) {
            assertEquals(Set.of(Problem.CODE_RESERVED_FOR_REPORTING), new CloseRequest(code, "").problems(), "code " + code);
        }
        for (int code : new int[] {0, 999, 1004, 1016, 2000, 2999, 5000, 65535}) {
            assertEquals(Set.of(Problem.CODE_NOT_ALLOWED), new CloseRequest(code, "").problems(), "code " + code);
        }
        for (int code : new int[] {-2, 65536, Integer.MAX_VALUE}) {
            assertEquals(Set.of(Problem.CODE_DOES_NOT_FIT), new CloseRequest(code, "").problems(), "code " + code);
            assertThrows(IllegalArgumentException.class, () -> CloseRequest.encode(code, ""));
        }
    }

    @Test
    void reasonIsCountedInUtf8Bytes() {
        String ascii123 = "a".repeat(123);
        assertEquals(Set.of(), new CloseRequest(1000, ascii123).problems());
        assertEquals(Set.of(Problem.REASON_TOO_LONG), new CloseRequest(1000, ascii123 + "b").problems());
        // 41 Chinese characters are 123 bytes; 42 are 126, though only 42 characters.
        String zh41 = "关".repeat(41);
        assertEquals(123, new CloseRequest(1000, zh41).reasonBytes());
        assertEquals(Set.of(), new CloseRequest(1000, zh41).problems());
        assertEquals(Set.of(Problem.REASON_TOO_LONG), new CloseRequest(1000, zh41 + "关").problems());
        // Problems add up.
        assertEquals(Set.of(Problem.CODE_RESERVED_FOR_REPORTING, Problem.REASON_TOO_LONG),
                new CloseRequest(1006, zh41 + "关").problems());
        assertEquals(Set.of(Problem.REASON_WITHOUT_CODE), new CloseRequest(CloseRequest.NO_CODE, "bye").problems());
        assertEquals("close.problem.REASON_TOO_LONG", Problem.REASON_TOO_LONG.key());
    }

    @Test
    void encodesCodeBigEndianThenUtf8() {
        assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, CloseRequest.encode(1000, ""));
        assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, CloseRequest.encode(1000, null));
        assertArrayEquals(new byte[] {0x0F, (byte) 0xA0, 'b', 'y', 'e'}, CloseRequest.encode(4000, "bye"));
        assertArrayEquals(new byte[] {0x03, (byte) 0xEE, (byte) 0xE5, (byte) 0x86, (byte) 0x8D, (byte) 0xE8, (byte) 0xA7, (byte) 0x81},
                CloseRequest.encode(1006, "再见"), "an invalid code is encoded all the same");
        assertArrayEquals(new byte[0], CloseRequest.encode(CloseRequest.NO_CODE, "dropped"));
        assertArrayEquals(new byte[] {0, 0}, CloseRequest.encode(0, ""));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF}, CloseRequest.encode(65535, ""));
        assertEquals(2 + 124, new CloseRequest(1000, "x".repeat(124)).payload().length, "a long reason is kept whole");
    }

    @Test
    void aCloseThatBreaksNoRuleGoesThroughTheHandshakeAndAnyOtherAsTyped() {
        List<String> sent = new ArrayList<>();
        CloseRequest.HandshakeClose handshake = (code, reason) -> sent.add("handshake " + code + " " + reason);
        CloseRequest.CloseAsTyped asTyped = (code, reason) -> sent.add("as typed " + code + " " + reason.length);

        new CloseRequest(1000, "bye").sendThrough(handshake, asTyped);
        new CloseRequest(1005, "bye").sendThrough(handshake, asTyped);
        new CloseRequest(1000, "é".repeat(62)).sendThrough(handshake, asTyped);
        new CloseRequest(CloseRequest.NO_CODE, "").sendThrough(handshake, asTyped);
        assertEquals(List.of("handshake 1000 bye", "as typed 1005 3", "as typed 1000 124", "as typed -1 0"), sent);

        assertThrows(IllegalStateException.class, () -> new CloseRequest(70_000, "").sendThrough(handshake, asTyped));
        assertEquals(4, sent.size(), "a code no frame can carry sends nothing");
    }
}
