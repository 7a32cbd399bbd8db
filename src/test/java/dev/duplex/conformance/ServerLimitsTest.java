package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.CONTINUATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.WsEvent;

/**
 * Frames that declare more than the server will hold, against the server as it ships (default limits:
 * 16 MiB a message). Kept apart from the groups of {@link ConformanceCase} and their one server: a server
 * that believed these lengths would allocate them in this very JVM, and take the rest of the suite down
 * with it.
 *
 * <p>The evidence that nothing was allocated is that the close comes at once, while the client has sent a
 * few bytes of the announced payload: a server that had made room for it would still be waiting for the
 * rest.
 */
class ServerLimitsTest {
    private static final int TOO_BIG = 1009;
    private static final long EVENT_BOUND_MS = 5_000;

    private final LinkedBlockingQueue<WsEvent.ClientLeft> left = new LinkedBlockingQueue<>();
    /** A server per case: one that a case takes down must not take the next case with it. */
    private final LabServer server = new LabServer(e -> {
        if (e instanceof WsEvent.ClientLeft l) left.add(l);
    });
    private InetSocketAddress address;

    @BeforeEach
    void startServer() throws Exception {
        address = server.start(new ServerConfig("127.0.0.1", 0, "", null));
    }

    /** After every case: a fresh client still gets its echo, and a message of 1 MiB still fits. */
    @AfterEach
    void aFreshClientStillGetsItsEcho() throws IOException {
        try (RawClient fresh = RawClient.connect(address)) {
            assertEquals("still serving", fresh.echo("still serving").text());
            byte[] big = new byte[1024 * 1024];
            new java.util.Random(1009).nextBytes(big);
            fresh.writeFrame(BINARY, big);
            assertArrayEquals(big, fresh.readMessage().payload());
        } finally {
            server.stop();
        }
    }

    /** The server's report of this peer leaving, or null if none came within the bound. */
    private WsEvent.ClientLeft leftOf(String peer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EVENT_BOUND_MS);
        while (true) {
            WsEvent.ClientLeft e = left.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || e.peer().equals(peer)) return e;
        }
    }

    /**
     * Writes a frame header declaring {@code length} bytes, its masking key, and {@code few} bytes of it, in
     * one write: a server that refuses the header at once must not find the rest still coming (a write to
     * a closed socket would fail, and its reset could lose the close frame on the way back).
     */
    private static void announce(RawClient c, boolean fin, int opcode, long length, int few) throws IOException {
        byte[] header = RawClient.header(fin, 0, opcode, true, length);
        byte[] all = new byte[header.length + 4 + few];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(new byte[] {0x11, 0x22, 0x33, 0x44}, 0, all, header.length, 4);
        c.writeRaw(all);
    }

    @Test
    void aFrameDeclaringOneGibibyteIsClosedWith1009AndNotAllocated() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            String peer = c.localPeer();
            announce(c, true, BINARY, 1L << 30, 16);
            RawClient.Closing closing = c.readClosing();
            System.out.println("1 GiB declared -> " + closing);
            assertEquals(TOO_BIG, closing.code(), closing::toString);
            WsEvent.ClientLeft gone = leftOf(peer);
            assertTrue(gone != null, "the server never reported the client leaving");
            assertEquals(TOO_BIG, gone.code());
        }
    }

    @Test
    void aFrameOneByteOverTheDefaultLimitIsClosedWith1009() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            announce(c, true, BINARY, ServerConfig.Limits.DEFAULT_MAX_MESSAGE + 1L, 16);
            RawClient.Closing closing = c.readClosing();
            System.out.println("16 MiB + 1 declared -> " + closing);
            assertEquals(TOO_BIG, closing.code(), closing::toString);
        }
    }

    /**
     * RFC 6455 5.2: the most significant bit of a 64-bit length MUST be 0. Read as a signed long the length
     * is negative; cut to an int, 2^63 + 5 is 5, and the frame would pass for a 5-byte one.
     */
    @Test
    void a64BitLengthWithItsTopBitSetFailsTheConnection() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            announce(c, true, BINARY, Long.MIN_VALUE + 5, 5);
            RawClient.Frame first = c.readFrame();
            System.out.println("2^63 + 5 declared, 5 bytes sent -> first frame back: " + first
                    + (first.opcode() == RawClient.CLOSE ? " code " + first.closeCode() : ""));
            assertEquals(RawClient.CLOSE, first.opcode(), () -> "the server took it as a frame of "
                    + first.payload().length + " bytes and answered " + first);
            assertTrue(first.closeCode() == 1002 || first.closeCode() == TOO_BIG, () -> "close " + first.closeCode());
        }
    }

    @Test
    void fragmentsThatAddUpToMoreThanTheLimitAreClosedWith1009() throws Exception {
        try (RawClient c = RawClient.connect(address)) {
            // each fragment is under the limit, the message is 1 byte over it
            c.writeFrame(false, 0, BINARY, true, new byte[ServerConfig.Limits.DEFAULT_MAX_MESSAGE - 99]);
            c.writeFrame(true, 0, CONTINUATION, true, new byte[100]);
            RawClient.Closing closing = c.readClosing();
            System.out.println("16 MiB + 1 in two fragments -> " + closing);
            assertEquals(TOO_BIG, closing.code(), closing::toString);
        }
    }
}
