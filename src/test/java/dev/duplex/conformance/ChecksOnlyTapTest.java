package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

/**
 * The server as {@code serve} runs it, frames not captured: its wire tap then follows only the client's
 * frames (see WireTap.checksOnly) and stops reading the handshake back after the 101. The RFC's checks and
 * the refusals must still hold there, as they do for the window's server the other conformance tests use.
 */
class ChecksOnlyTapTest {
    private static final LabServer SERVER = new LabServer(e -> { });
    private static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        SERVER.setCaptureFrames(false);
        address = SERVER.start(new ServerConfig("127.0.0.1", 0, "", null));
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void echoesManyMessagesExactly() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            for (int i = 0; i < 2_000; i++) {
                RawClient.Message m = c.echo("message " + i);
                assertEquals(TEXT, m.opcode());
                assertArrayEquals(("message " + i).getBytes(StandardCharsets.UTF_8), m.payload());
            }
        }
    }

    @Test
    void anUnmaskedFrameAfterEchoesIsStillAProtocolError() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            c.echo("first");
            c.writeFrame(true, 0, TEXT, false, "not masked".getBytes(StandardCharsets.UTF_8));
            RawClient.Closing closing = c.readClosing();
            assertEquals(ConformanceCase.PROTOCOL_ERROR, closing.code(), closing::toString);
            assertFalse(closing.dataBefore(), closing::toString);
        }
    }

    @Test
    void aCloseReasonThatIsNotUtf8IsStillInvalidData() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            c.echo("first");
            c.sendClose(1000, new byte[] {(byte) 0xff, (byte) 0xfe});
            assertEquals(ConformanceCase.INVALID_DATA, c.readClosing().code());
        }
    }

    @Test
    void anUnsupportedVersionIsStillAnswered426AndClosed() throws Exception {
        try (RawClient c = RawClient.tcp(address)) {
            c.writeRaw(RawClient.upgradeRequest(RawClient.newKey()).replace("Sec-WebSocket-Version: 13",
                    "Sec-WebSocket-Version: 12").getBytes(StandardCharsets.US_ASCII));
            RawClient.HttpAnswer answer = c.readHttpAnswer();
            assertEquals(426, answer.status(), answer::toString);
            assertEquals("13", answer.headers().get("sec-websocket-version"));
            assertTrue(c.drainUntilEof(), "the refused connection was kept open");
        }
    }
}
