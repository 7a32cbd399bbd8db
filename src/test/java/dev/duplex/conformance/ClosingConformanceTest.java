package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.CLOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 5.5.1, 7.1.5 and 7.4: close frames, their codes and reasons, and nothing after them. */
class ClosingConformanceTest extends ConformanceCase {
    @Test
    void aOneByteClosePayloadIsAProtocolError() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(CLOSE, new byte[] {0x03});
            assertClosedWith(PROTOCOL_ERROR, c, "close with a 1-byte payload");
        }
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1012, 1013, 1014, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void anInvalidCloseCodeIsAProtocolError(int code) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendClose(code, new byte[0]);
            RawClient.Closing closing = closingOf(c, "close with code " + code);
            // 1012-1014 were assigned by IANA after RFC 6455 (service restart, try again later, bad gateway);
            // a server may take them as valid.
            if (code >= 1012 && code <= 1014) {
                assertTrue(closing.code() == code || closing.code() == PROTOCOL_ERROR, closing::toString);
            } else {
                assertEquals(PROTOCOL_ERROR, closing.code(), closing::toString);
            }
        }
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    void aValidCloseCodeIsAnsweredWithACloseFrame(int code) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendClose(code, utf8("bye"));
            RawClient.Closing closing = closingOf(c, "close with code " + code);
            assertNotEquals(RawClient.ABNORMAL, closing.code(), "no close frame came back");
            assertTrue(closing.code() == code || closing.code() == 1000, closing::toString);
            assertTrue(c.drainUntilEof(), "the server did not end the TCP connection after the close handshake");
        }
    }

    @Test
    void aCloseWithoutPayloadIsAnsweredWithACloseFrame() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendClose(-1, new byte[0]);
            RawClient.Closing closing = closingOf(c, "close without payload");
            assertTrue(closing.code() == RawClient.NO_CODE || closing.code() == 1000, closing::toString);
        }
    }

    @Test
    void aCloseWithAReasonOf123BytesIsAnswered() throws IOException {
        byte[] reason = new byte[123];
        Arrays.fill(reason, (byte) 'r');
        try (RawClient c = RawClient.connect(address)) {
            c.sendClose(1000, reason);
            assertClosedWith(1000, c, "close 1000 with a 123-byte reason");
        }
    }

    @Test
    void aCloseReasonThatIsNotUtf8IsRefused() throws Exception {
        try (RawClient c = connectAndAwaitJoined()) {
            c.sendClose(1000, hex("ce ba e1 bd b9 ce bc ce b5 ed a0 80 65 64 69 74 65 64"));
            RawClient.Closing closing = closingOf(c, "close 1000 with a reason that is not UTF-8");
            assertTrue(closing.code() == INVALID_DATA || closing.code() == PROTOCOL_ERROR, closing::toString);
        }
    }

    @Test
    void nothingIsEchoedAfterTheClientsClose() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendClose(1000, new byte[0]);
            c.sendText("after close"); // RFC 6455 5.5.1: no data frames after a close frame
            RawClient.Closing closing = closingOf(c, "text after the client's close");
            assertEquals(1000, closing.code());
        }
    }
}
