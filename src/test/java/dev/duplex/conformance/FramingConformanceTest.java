package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.CLOSE;
import static dev.duplex.conformance.RawClient.CONTINUATION;
import static dev.duplex.conformance.RawClient.PING;
import static dev.duplex.conformance.RawClient.PONG;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 5.2, 5.4 and 5.5: reserved bits and opcodes, fragmentation, and the rules of control frames. */
class FramingConformanceTest extends ConformanceCase {
    // ---- 5.2: reserved bits, reserved opcodes ---------------------------------------------------------

    @ParameterizedTest(name = "RSV mask {0}")
    @ValueSource(ints = {RawClient.RSV1, RawClient.RSV2, RawClient.RSV3, RawClient.RSV1 | RawClient.RSV2 | RawClient.RSV3})
    void reservedBitsWithoutAnExtensionFailTheConnection(int rsv) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(true, rsv, TEXT, true, utf8("reserved bits"));
            RawClient.Closing closing = closingOf(c, "RSV bits " + Integer.toBinaryString(rsv) + " on a text frame");
            assertTrue(closing.code() == PROTOCOL_ERROR || closing.code() == RawClient.ABNORMAL, closing::toString);
        }
    }

    @Test
    void reservedBitsOnAPingFailTheConnection() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(true, RawClient.RSV3, PING, true, utf8("ping"));
            RawClient.Closing closing = closingOf(c, "RSV3 on a ping");
            assertTrue(closing.code() == PROTOCOL_ERROR || closing.code() == RawClient.ABNORMAL, closing::toString);
            assertTrue(closing.before().isEmpty(), () -> "answered before failing: " + closing);
        }
    }

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void aReservedOpcodeIsAProtocolError(int opcode) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(true, 0, opcode, true, utf8("reserved"));
            assertClosedWith(PROTOCOL_ERROR, c, "reserved opcode 0x" + Integer.toHexString(opcode));
        }
    }

    @Test
    void aReservedOpcodeInsideAFragmentedMessageIsAProtocolError() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, TEXT, true, utf8("frag"));
            c.writeFrame(true, 0, 0x4, true, utf8("reserved"));
            assertClosedWith(PROTOCOL_ERROR, c, "reserved opcode 0x4 inside a fragmented text message");
        }
    }

    // ---- 5.4: fragmentation ------------------------------------------------------------------------

    @ParameterizedTest(name = "FIN={0}")
    @ValueSource(booleans = {true, false})
    void aContinuationWithNothingToContinueIsAProtocolError(boolean fin) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(fin, 0, CONTINUATION, true, utf8("orphan"));
            if (!fin) c.writeFrame(true, 0, CONTINUATION, true, utf8(" continuation"));
            assertClosedWith(PROTOCOL_ERROR, c, "continuation (FIN=" + fin + ") with nothing to continue");
        }
    }

    @Test
    void aContinuationAfterACompleteMessageIsAProtocolError() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendText("complete");
            assertEquals("complete", c.readMessage().text());
            c.writeFrame(true, 0, CONTINUATION, true, utf8("late"));
            assertClosedWith(PROTOCOL_ERROR, c, "continuation after a complete message");
        }
    }

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {TEXT, BINARY})
    void aNewDataFrameWhileAFragmentedMessageIsOpenIsAProtocolError(int opcode) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, TEXT, true, utf8("first half, "));
            c.writeFrame(true, 0, opcode, true, utf8("a new message"));
            assertClosedWith(PROTOCOL_ERROR, c, "data frame 0x" + opcode + " inside an open fragmented text message");
        }
    }

    @Test
    void fragmentsReassembleIntoOneMessage() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, TEXT, true, utf8("frag"));
            c.writeFrame(false, 0, CONTINUATION, true, utf8(""));
            c.writeFrame(false, 0, CONTINUATION, true, utf8("men"));
            c.writeFrame(true, 0, CONTINUATION, true, utf8("ted"));
            RawClient.Message m = c.readMessage();
            assertEquals(TEXT, m.opcode());
            assertEquals("fragmented", m.text());
        }
    }

    // ---- 5.5: control frames -----------------------------------------------------------------------

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {PING, PONG, CLOSE})
    void aControlFrameOver125BytesIsAProtocolError(int opcode) throws IOException {
        byte[] payload = new byte[126];
        Arrays.fill(payload, (byte) 'a');
        if (opcode == CLOSE) {
            payload[0] = 0x03; // 1000, then a 124-byte reason
            payload[1] = (byte) 0xE8;
        }
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(opcode, payload);
            RawClient.Closing closing = closingOf(c, "control frame 0x" + Integer.toHexString(opcode) + " with 126 bytes");
            assertEquals(PROTOCOL_ERROR, closing.code(), closing::toString);
            assertTrue(closing.before().isEmpty(), () -> "answered before failing: " + closing);
        }
    }

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {PING, PONG, CLOSE})
    void aFragmentedControlFrameIsAProtocolError(int opcode) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, opcode, true, opcode == CLOSE ? RawClient.closePayload(1000, new byte[0]) : utf8("frag"));
            c.writeFrame(true, 0, CONTINUATION, true, utf8("ment"));
            RawClient.Closing closing = closingOf(c, "control frame 0x" + Integer.toHexString(opcode) + " with FIN=0");
            assertEquals(PROTOCOL_ERROR, closing.code(), closing::toString);
            assertTrue(closing.before().isEmpty(), () -> "answered before failing: " + closing);
        }
    }
}
