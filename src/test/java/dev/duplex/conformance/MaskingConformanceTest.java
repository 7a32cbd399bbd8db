package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.CLOSE;
import static dev.duplex.conformance.RawClient.PING;
import static dev.duplex.conformance.RawClient.PONG;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.duplex.net.WsEvent;

/** RFC 6455 5.1: a client's frames must be masked, and a server's never are. */
class MaskingConformanceTest extends ConformanceCase {
    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {TEXT, BINARY, PING, PONG, CLOSE})
    void anUnmaskedClientFrameIsAProtocolError(int opcode) throws Exception {
        try (RawClient c = connectAndAwaitJoined()) {
            c.writeFrame(true, 0, opcode, false, opcode == CLOSE ? RawClient.closePayload(1000, new byte[0]) : utf8("not masked"));
            RawClient.Closing closing = closingOf(c, "unmasked frame 0x" + Integer.toHexString(opcode));
            assertEquals(PROTOCOL_ERROR, closing.code(), closing::toString);
            assertTrue(closing.before().isEmpty(), () -> "answered before failing: " + closing);
        }
    }

    /**
     * The same, sent as soon as the 101 arrives, as any client does. Duplex checks masking on the selector
     * thread while the library's worker may still be between writing the 101 and marking the connection
     * open; then the connection is dropped without a close frame and never reported closed, so it stays
     * in the server's clients (and its count) for ever.
     */
    @Test
    void anUnmaskedFrameRightAfterTheHandshakeIsAlways1002AndTheServerForgetsTheClient() throws Exception {
        // One after the other without waiting for the server to finish with the last one: that keeps its
        // workers busy, which is what opens the window (a few connections in a hundred here).
        int total = 600;
        Map<String, Integer> seen = new java.util.TreeMap<>();
        java.util.Set<String> peers = new java.util.HashSet<>();
        for (int i = 0; i < total; i++) {
            try (RawClient c = RawClient.connect(address)) {
                peers.add(c.localPeer());
                c.writeFrame(true, 0, PONG, false, utf8("not masked"));
                seen.merge(c.readClosing().toString(), 1, Integer::sum);
            }
        }
        // every client has closed its socket; the server must report each of them leaving
        int left = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EVENT_BOUND_MS);
        while (left < total) {
            WsEvent e = SERVER_EVENTS.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) break;
            if (e instanceof WsEvent.ClientLeft l && peers.contains(l.peer())) left++;
        }
        saw(total + " unmasked frames right after the 101", seen + "; reported leaving: " + left
                + "; clients the server still lists: " + SERVER.clients().size());
        assertEquals(Map.of("close 1002 \"client frames must be masked\"", total), seen);
        assertEquals(total, left, "connections the server never reported closed");
    }

    @Test
    void aServersFramesAreNeverMasked() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.sendText("mask?");
            RawClient.Frame f = c.readFrame();
            assertEquals(TEXT, f.opcode());
            assertFalse(f.masked());
        }
    }
}
