package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabInputTest {
    @Test
    void thePingPayloadIsTheUtf8OfWhatIsTyped() {
        assertArrayEquals(new byte[] {'h', 'i'}, LabInput.pingPayload("hi"));
        assertArrayEquals(new byte[0], LabInput.pingPayload(null));
        assertEquals(6, LabInput.pingPayload("你好").length);
        assertEquals(200, LabInput.pingPayload("x".repeat(200)).length, "over 125 bytes goes as asked");
    }

    @Test
    void pingEveryIsInSecondsWithDecimals() {
        assertEquals(50L, LabInput.pingEveryMs("0.05").value());
        assertEquals(1_500L, LabInput.pingEveryMs(" 1.5 ").value());
        assertEquals(3_600_000L, LabInput.pingEveryMs("3600").value());
        assertEquals(500L, LabInput.pingEveryMs(".5").value());
        for (String bad : new String[] {"0.04", "3601", "", "NaN", "Infinity", "1e2", "5d", "0x1p3", "-1"}) {
            assertEquals(FieldProblem.of(Field.PING_EVERY, "form.pingEvery"), LabInput.pingEveryMs(bad).problem(), bad);
        }
    }

    @Test
    void theFragmentSizeIsOneByteOrMore() {
        assertEquals(1, LabInput.fragmentSize("1").value());
        assertEquals(FieldProblem.of(Field.FRAGMENT_SIZE, "form.fragmentSize"), LabInput.fragmentSize("0").problem());
        assertEquals(FieldProblem.of(Field.FRAGMENT_SIZE, "form.fragmentSize"), LabInput.fragmentSize("four").problem());
    }

    @Test
    void aBurstHasItsCountAndInterval() {
        assertEquals(new LabInput.Burst(100, 0), LabInput.burst("100", "0").value());
        assertEquals(new LabInput.Burst(1_000_000, 3_600_000), LabInput.burst("1000000", "3600000").value());
        assertEquals(FieldProblem.of(Field.BURST_COUNT, "form.burst"), LabInput.burst("0", "0").problem());
        assertEquals(FieldProblem.of(Field.BURST_COUNT, "form.burst"), LabInput.burst("1000001", "0").problem());
        assertEquals(FieldProblem.of(Field.BURST_EVERY, "form.burst"), LabInput.burst("5", "-1").problem());
        assertEquals(FieldProblem.of(Field.BURST_EVERY, "form.burst"), LabInput.burst("5", "3600001").problem());
    }
}
