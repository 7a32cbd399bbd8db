package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Our client against hand-written servers that misbehave: each failure comes with a clear cause. */
class MisbehavingServerTest {
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);

    private static void holdOpen(RawServer.Connection c) throws java.io.IOException {
        c.in.read(); // until the client goes
    }

    @Test
    void garbageAfterThe101IsAProtocolErrorWithItsCause() throws Exception {
        try (RawServer raw = new RawServer(key -> {
            byte[] ok = RawServer.accept(key);
            byte[] garbage = {(byte) 0x83, 0x02, 0x41, 0x42}; // FIN + reserved opcode 3
            byte[] all = new byte[ok.length + garbage.length];
            System.arraycopy(ok, 0, all, 0, ok.length);
            System.arraycopy(garbage, 0, all, ok.length, garbage.length);
            return all;
        }, MisbehavingServerTest::holdOpen)) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 5_000));
            events.next(WsEvent.Opened.class);
            WsEvent.Failed failed = events.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.PEER_BROKE_PROTOCOL, failed.problem().kind());
            assertTrue(failed.problem().detail().startsWith("1002"), failed.problem().detail());
            events.next(WsEvent.Closed.class);
        }
    }

    @Test
    void aWrongAcceptIsNamed() throws Exception {
        try (RawServer raw = new RawServer(key -> ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), MisbehavingServerTest::holdOpen)) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 5_000));
            WsEvent.Failed failed = events.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.WRONG_ACCEPT, failed.problem().kind());
            assertTrue(failed.problem().detail().startsWith("AAAAAAAAAAAAAAAAAAAAAAAAAAA= ≠ "), failed.problem().detail());
            assertEquals(1006, events.next(WsEvent.Closed.class).code());
        }
    }

    @Test
    void aHandshakeThatNeverFinishesTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer raw = new RawServer(key -> null, c -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 300));
            WsEvent.Failed failed = events.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.TIMED_OUT, failed.problem().kind());
            assertEquals(1006, events.next(WsEvent.Closed.class).code());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aMessageOverOurLimitIsRefusedWith1009() throws Exception {
        try (RawServer raw = new RawServer(c -> {
            c.writeFrame(0x2, new byte[5_000]);
            holdOpen(c);
        })) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 5_000, List.of(), null, 1_000));
            events.next(WsEvent.Opened.class);
            WsEvent.Failed failed = events.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.PEER_BROKE_PROTOCOL, failed.problem().kind());
            assertTrue(failed.problem().detail().startsWith("1009"), failed.problem().detail());
            events.next(WsEvent.Closed.class);
            assertTrue(events.all().stream().noneMatch(e -> e instanceof WsEvent.Received), "the message was not delivered");
        }
    }
}
