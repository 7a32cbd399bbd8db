package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * onclose reports what the server answered, as a browser does, whoever started the close. Against a
 * hand-written server, so each answer is exactly the one under test.
 */
class ClosingHandshakeTest {
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);

    private void open(RawServer server) throws Exception {
        client.connect(server.url(), new ClientOptions(null, Map.of(), 5_000));
        events.next(WsEvent.Opened.class);
    }

    @Test
    void theServersOwnCodeAndReasonAreReported() throws Exception {
        try (RawServer server = new RawServer(c -> {
            RawServer.Frame ours = c.readFrame();
            assertEquals(0x8, ours.opcode());
            assertEquals(1000, ours.closeCode());
            c.writeClose(4001, "not today"); // a server may answer with its own code
            c.socket.close();
        })) {
            open(server);
            client.close(1000, "bye");
            WsEvent.Closed closed = events.next(WsEvent.Closed.class);
            assertEquals(4001, closed.code());
            assertEquals("not today", closed.reason());
            assertTrue(closed.wasClean());
            assertFalse(closed.byServer());
            server.done.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerThatNeverAnswersOurCloseGives1006AfterTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> {
            c.readFrame(); // our close frame, never answered
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            open(server);
            client.close(1000, "");
            WsEvent.Closed closed = events.next(WsEvent.Closed.class);
            assertEquals(1006, closed.code());
            assertFalse(closed.wasClean());
            assertFalse(closed.byServer());
            release.countDown();
        }
    }

    @Test
    void aCloseFrameWithoutCodeIs1005AndTheServerStartedIt() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.writeFrame(0x1, "last words".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            c.writeFrame(0x8, new byte[0]);
            c.readFrame(); // the client's answer
            c.socket.close();
        })) {
            open(server);
            assertEquals("last words", events.next(WsEvent.Received.class).payload().text());
            WsEvent.Closed closed = events.next(WsEvent.Closed.class);
            assertEquals(1005, closed.code());
            assertTrue(closed.wasClean());
            assertTrue(closed.byServer());
        }
    }
}
