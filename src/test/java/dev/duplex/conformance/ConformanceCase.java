package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.CONTINUATION;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;

/**
 * RFC 6455 sections 4 to 8 against our echo server, in the spirit of the Autobahn testsuite's groups, a
 * test class a group: every case talks to the server over a raw socket with hand-built frames, and after
 * every case a fresh client must still get its echo. One server serves every group ({@link
 * ConformanceServer}), so damage that builds up across cases shows too.
 */
@ExtendWith(ConformanceServer.class)
abstract class ConformanceCase {
    static final int PROTOCOL_ERROR = 1002, INVALID_DATA = 1007;
    /** The bound of waits on the server's own events: a broken server fails the test, it is never waited out. */
    static final long EVENT_BOUND_MS = 5_000;

    static final LabServer SERVER = ConformanceServer.SERVER;
    /** The server's reports of clients joining and leaving, since this case began. */
    static final LinkedBlockingQueue<WsEvent> SERVER_EVENTS = ConformanceServer.EVENTS;
    static InetSocketAddress address;

    @BeforeAll
    static void findTheServer() {
        address = ConformanceServer.address();
    }

    /** After every case: a fresh client handshakes, and its text and binary messages come back. */
    @AfterEach
    void aFreshClientStillGetsItsEcho(TestInfo test) throws IOException {
        String text = "still serving after " + test.getDisplayName() + " κόσμε";
        try (RawClient fresh = RawClient.connect(address)) {
            RawClient.Message echo = fresh.echo(text);
            assertEquals(TEXT, echo.opcode());
            assertEquals(text, echo.text());
            byte[] bytes = {0, 1, (byte) 0xff, 0x7f, (byte) 0x80};
            fresh.writeFrame(BINARY, bytes);
            RawClient.Message binary = fresh.readMessage();
            assertEquals(BINARY, binary.opcode());
            assertArrayEquals(bytes, binary.payload());
            fresh.sendClose(1000, new byte[0]);
            assertEquals(1000, fresh.readCloseCode());
        }
    }

    @BeforeEach
    void forgetEarlierServerEvents() {
        SERVER_EVENTS.clear();
    }

    /**
     * The server's next event of this kind about this peer (events about others are passed over), or null
     * if none came within the bound.
     */
    static <E extends WsEvent> E serverEvent(Class<E> kind, String peer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EVENT_BOUND_MS);
        while (true) {
            WsEvent e = SERVER_EVENTS.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) return null;
            String p = e instanceof WsEvent.ClientJoined j ? j.peer() : ((WsEvent.ClientLeft) e).peer();
            if (kind.isInstance(e) && p.equals(peer)) return kind.cast(e);
        }
    }

    /**
     * A raw client whose opening the server has reported (its onOpen ran): for the checks Duplex makes on
     * the selector thread, which race the library's worker finishing the handshake (see
     * {@link MaskingConformanceTest#anUnmaskedFrameRightAfterTheHandshakeIsAlways1002AndTheServerForgetsTheClient}).
     */
    static RawClient connectAndAwaitJoined() throws IOException, InterruptedException {
        RawClient c = RawClient.connect(address);
        if (serverEvent(WsEvent.ClientJoined.class, c.localPeer()) == null) {
            c.close();
            throw new AssertionError("the server never reported the client joining");
        }
        return c;
    }

    static void saw(String what, Object outcome) {
        ConformanceServer.saw(what, outcome);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Reads until the server ends the connection, records it, and checks that it echoed nothing first. */
    static RawClient.Closing closingOf(RawClient c, String what) throws IOException {
        RawClient.Closing closing = c.readClosing();
        saw(what, closing);
        assertFalse(closing.dataBefore(), () -> what + ": a data frame came back before the close: " + closing);
        return closing;
    }

    static void assertClosedWith(int expected, RawClient c, String what) throws IOException {
        RawClient.Closing closing = closingOf(c, what);
        assertEquals(expected, closing.code(), () -> what + ": " + closing);
    }

    /** Sends {@code payload} as one message cut at these offsets (ascending): no offsets, one frame. */
    static void sendFragmented(RawClient c, int opcode, byte[] payload, int[] splits) throws IOException {
        int start = 0;
        for (int i = 0; i <= splits.length; i++) {
            int end = i < splits.length ? splits[i] : payload.length;
            c.writeFrame(i == splits.length, 0, i == 0 ? opcode : CONTINUATION, true, Arrays.copyOfRange(payload, start, end));
            start = end;
        }
    }
}
