package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;

/** The server keeps serving: many clients at once, half-open handshakes, a reset mid-frame, long mixed traffic. */
class StillServingConformanceTest extends ConformanceCase {
    @Test
    void fiftyClientsAtOnceEachGetTheirOwnEcho() throws Exception {
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<RawClient> clients = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch allConnected = new CountDownLatch(n);
            List<Future<String>> echoes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                echoes.add(pool.submit(() -> {
                    RawClient c = RawClient.connect(address);
                    clients.add(c);
                    allConnected.countDown();
                    // every client is connected before any sends: the server holds all 50 at once
                    if (!allConnected.await(EVENT_BOUND_MS, TimeUnit.MILLISECONDS)) throw new AssertionError("not all connected");
                    String text = "client " + id + " says " + "x".repeat(id * 37);
                    byte[] bin = new byte[id * 101];
                    new Random(id).nextBytes(bin);
                    assertEquals(text, c.echo(text).text());
                    c.writeFrame(BINARY, bin);
                    assertArrayEquals(bin, c.readMessage().payload());
                    return "ok";
                }));
            }
            for (Future<String> f : echoes) assertEquals("ok", f.get(3 * EVENT_BOUND_MS, TimeUnit.MILLISECONDS));
            saw("50 clients at once", "each got its own text and binary echo");
        } finally {
            pool.shutdownNow();
            synchronized (clients) {
                for (RawClient c : clients) c.close();
            }
        }
    }

    @Test
    void halfOpenHandshakesDoNotStopANewClient() throws IOException {
        List<RawClient> stalled = new ArrayList<>();
        try {
            stalled.add(RawClient.tcp(address)); // says nothing at all
            RawClient requestLine = RawClient.tcp(address);
            stalled.add(requestLine);
            requestLine.writeRaw("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            RawClient halfHeaders = RawClient.tcp(address);
            stalled.add(halfHeaders);
            String request = RawClient.upgradeRequest(RawClient.newKey());
            halfHeaders.writeRaw(request.substring(0, request.length() - 20).getBytes(StandardCharsets.US_ASCII));
            RawClient oneByte = RawClient.tcp(address);
            stalled.add(oneByte);
            oneByte.writeRaw(new byte[] {'G'});

            try (RawClient fresh = RawClient.connect(address)) {
                assertEquals("past the stalled ones", fresh.echo("past the stalled ones").text());
            }
            saw("4 half-open handshakes held open", "a fresh client handshook and got its echo");
        } finally {
            for (RawClient c : stalled) c.close();
        }
    }

    @Test
    void aClientThatResetsMidFrameDoesNotHurtTheServer() throws Exception {
        String peer;
        try (RawClient c = RawClient.connect(address)) {
            peer = c.localPeer();
            // Mid-frame, not mid-handshake: wait until the server has taken the client in. (A reset that
            // races the library's own opening of the connection is a different case; see the session note.)
            assertTrue(serverEvent(WsEvent.ClientJoined.class, peer) != null, "the server took the client in");
            c.writeRaw(RawClient.header(true, 0, BINARY, true, 1000));
            c.writeRaw(new byte[] {1, 2, 3, 4}); // the masking key
            c.writeRaw(new byte[10]);
            c.reset();
        }
        // the server sees the connection end (event-driven: its own ClientLeft event for that peer)
        WsEvent.ClientLeft left = serverEvent(WsEvent.ClientLeft.class, peer);
        saw("reset mid-frame", left == null ? "the server did not report the client leaving" : "server saw it leave with " + left.code());
        assertTrue(left != null, "the server never noticed the reset connection");
    }

    @Test
    void interleavedTextAndBinaryOnOneConnectionKeepTheirOrder() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            for (int i = 0; i < 20; i++) {
                if (i % 2 == 0) c.sendText("t" + i);
                else c.writeFrame(BINARY, new byte[] {(byte) i});
            }
            for (int i = 0; i < 20; i++) {
                RawClient.Message m = c.readMessage();
                if (i % 2 == 0) {
                    assertEquals(TEXT, m.opcode());
                    assertEquals("t" + i, m.text());
                } else {
                    assertEquals(BINARY, m.opcode());
                    assertArrayEquals(new byte[] {(byte) i}, m.payload());
                }
            }
        }
    }
}
