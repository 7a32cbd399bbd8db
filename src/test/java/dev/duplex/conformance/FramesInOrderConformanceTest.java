package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.CLOSE;
import static dev.duplex.conformance.RawClient.PING;
import static dev.duplex.conformance.RawClient.RSV1;
import static dev.duplex.conformance.RawClient.RSV2;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

/**
 * Issue 14: the frames of one TCP write are acted on in their order. A good message written together with
 * a bad frame is echoed before the 1002 (it was dropped: Autobahn's NON-STRICT); nothing after a close is
 * acted on, and two closes in one write still get a close back (it was a bare TCP close). Each write here
 * holds every frame, so that they reach the server in one read as often as TCP allows; the cases repeat,
 * since one read is likely, not certain.
 */
class FramesInOrderConformanceTest extends ConformanceCase {
    private static final int REPEATS = 20;

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {3, 7, 11, 15})
    void aGoodMessageWrittenWithAReservedOpcodeIsEchoedBeforeThe1002(int opcode) throws IOException {
        for (int i = 0; i < REPEATS; i++) {
            try (RawClient c = RawClient.connect(address)) {
                c.writeRaw(concat(RawClient.frame(true, 0, TEXT, true, utf8("before " + i)),
                        RawClient.frame(true, 0, opcode, true, utf8("reserved"))));
                assertEchoThenClose(c, "before " + i, PROTOCOL_ERROR, "text then opcode " + opcode);
            }
        }
    }

    @ParameterizedTest(name = "rsv {0}")
    @ValueSource(ints = {1, 2, 4, 7})
    void aGoodMessageWrittenWithAReservedBitIsEchoedBeforeThe1002(int rsv) throws IOException {
        for (int i = 0; i < REPEATS; i++) {
            try (RawClient c = RawClient.connect(address)) {
                c.writeRaw(concat(RawClient.frame(true, 0, TEXT, true, utf8("good " + i)),
                        RawClient.frame(true, rsv, TEXT, true, utf8("reserved bit")),
                        RawClient.frame(true, 0, TEXT, true, utf8("after the bad one"))));
                assertEchoThenClose(c, "good " + i, PROTOCOL_ERROR, "text then rsv " + rsv);
            }
        }
    }

    @Test
    void twoClosesInOneWriteGetOneCloseBack() throws IOException {
        for (int i = 0; i < REPEATS; i++) {
            try (RawClient c = RawClient.connect(address)) {
                byte[] close = RawClient.frame(true, 0, CLOSE, true, RawClient.closePayload(1000, utf8("bye")));
                c.writeRaw(concat(close, close));
                RawClient.Closing closing = closingOf(c, "two closes in one write");
                assertEquals(1000, closing.code(), closing::toString);
                assertTrue(c.drainUntilEof(), "the server did not end the TCP connection after the close handshake");
            }
        }
    }

    @Test
    void aMessageThenACloseThenAPingGetTheEchoAndTheCloseAndNoPong() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeRaw(concat(RawClient.frame(true, 0, TEXT, true, utf8("last words")),
                    RawClient.frame(true, 0, CLOSE, true, RawClient.closePayload(1000, new byte[0])),
                    RawClient.frame(true, 0, PING, true, utf8("too late"))));
            assertEchoThenClose(c, "last words", 1000, "text, close, ping");
        }
    }

    @Test
    void aFrameWrittenAByteAtATimeIsEchoedWhole() throws IOException {
        String text = "in pieces ".repeat(40) + "κόσμε";
        try (RawClient c = RawClient.connect(address)) {
            byte[] frame = RawClient.frame(true, 0, TEXT, true, utf8(text));
            for (byte b : frame) c.writeRaw(new byte[] {b});
            RawClient.Message echo = c.readMessage();
            assertEquals(text, echo.text());
        }
    }

    @Test
    void withPermessageDeflateTakenACompressedMessageIsEchoedBeforeTheBadFramesClose() throws Exception {
        LabServer deflating = new LabServer(e -> { });
        deflating.setDeflate(true);
        InetSocketAddress at = deflating.start(new ServerConfig("127.0.0.1", 0, "", null));
        try {
            for (int i = 0; i < REPEATS; i++) {
                try (RawClient c = RawClient.tcp(at)) {
                    String request = RawClient.upgradeRequest(RawClient.newKey())
                            .replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
                    c.writeRaw(request.getBytes(StandardCharsets.US_ASCII));
                    RawClient.HttpAnswer answer = c.readHttpAnswer();
                    assertEquals(101, answer.status(), answer.statusLine());
                    assertTrue(answer.headers().getOrDefault("sec-websocket-extensions", "").startsWith("permessage-deflate"),
                            answer.headers().toString());
                    String text = "squeeze me, squeeze me, squeeze me " + i;
                    // RSV1 is the compressed bit here, so the bad frame sets RSV2.
                    c.writeRaw(concat(RawClient.frame(true, RSV1, TEXT, true, deflate(utf8(text))),
                            RawClient.frame(true, RSV2, TEXT, true, utf8("reserved bit"))));
                    RawClient.Closing closing = c.readClosing();
                    assertEquals(1, closing.before().size(), closing::toString);
                    RawClient.Frame echo = closing.before().get(0);
                    assertEquals(RSV1, echo.rsv(), "the echo goes compressed: " + echo);
                    assertEquals(text, new String(inflate(echo.payload()), StandardCharsets.UTF_8));
                    assertEquals(PROTOCOL_ERROR, closing.code(), closing::toString);
                }
            }
        } finally {
            deflating.stop();
        }
    }

    private static void assertEchoThenClose(RawClient c, String echoed, int code, String what) throws IOException {
        RawClient.Closing closing = c.readClosing();
        saw(what, closing);
        assertEquals(1, closing.before().size(), () -> what + ": " + closing);
        assertEquals(TEXT, closing.before().get(0).opcode(), () -> what + ": " + closing);
        assertEquals(echoed, closing.before().get(0).text(), () -> what + ": " + closing);
        assertEquals(code, closing.code(), () -> what + ": " + closing);
    }

    private static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] f : frames) all.writeBytes(f);
        return all.toByteArray();
    }

    /** permessage-deflate's compression of one message (RFC 7692 7.2.1): the flush's 4-byte tail removed. */
    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        byte[] trimmed = new byte[n - 4];
        System.arraycopy(out, 0, trimmed, 0, n - 4);
        return trimmed;
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(concat(compressed, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
        byte[] out = new byte[4096];
        int n = inflater.inflate(out);
        inflater.end();
        byte[] result = new byte[n];
        System.arraycopy(out, 0, result, 0, n);
        return result;
    }
}
