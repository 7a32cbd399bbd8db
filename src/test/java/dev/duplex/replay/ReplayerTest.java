package dev.duplex.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.conversation.Conversation;
import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/**
 * The replay engine on its own, as a window would drive it: its events in order, over a real socket to
 * our lab server (the same engine against Node's ws, through the command line, is in
 * {@code peers.ReplayAgainstNodeWsTest}). The sessions are written by hand, to choose their gaps and
 * groups exactly.
 */
class ReplayerTest {
    private static final Instant T0 = Instant.parse("2024-06-03T09:15:00Z");
    private static final long WAIT_S = 10;

    private final BlockingQueue<WsEvent> serverEvents = new LinkedBlockingQueue<>();
    private final LabServer server = new LabServer(serverEvents::add);
    private final BlockingQueue<ReplayEvent> events = new LinkedBlockingQueue<>();
    private final List<ReplayEvent> seen = new ArrayList<>();

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private static Conversation.Frame frame(boolean inbound, String text, long ms) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new Conversation.Frame(T0.plusMillis(ms), new FrameInfo(inbound, true, false, false, false, FrameInfo.TEXT,
                inbound ? null : new byte[] {9, 9, 9, 9}, data.length, data.length + (inbound ? 2 : 6), data));
    }

    private static RecordedSession session(Conversation.Frame... frames) throws Exception {
        HandshakeRecord h = new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\nOrigin: http://h\r\n"
                + "Sec-WebSocket-Protocol: chat.v2, json\r\n\r\n", "HTTP/1.1 101 Switching Protocols\r\n\r\n");
        return RecordedSession.of(new Conversation(URI.create("ws://h/"), new Conversation.Handshake(T0, h),
                List.of(frames), null));
    }

    private Replayer start(RecordedSession session, Timing timing, int quietMs, ServerConfig config) throws Exception {
        server.start(config);
        Replayer r = new Replayer(session, timing, quietMs, events::add);
        r.start(server.url(), ClientOptions.browserLike(server.url()));
        return r;
    }

    /** The next replay event of this type, passing over the others (kept in {@link #seen}). */
    private <T extends ReplayEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (true) {
            ReplayEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) fail("no " + type.getSimpleName() + " within " + WAIT_S + " s; seen: " + seen);
            seen.add(e);
            if (type.isInstance(e)) return type.cast(e);
        }
    }

    private Verdict verdict() throws InterruptedException {
        return next(ReplayEvent.Judged.class).verdict();
    }

    @Test
    void theRecordingIsGroupedByTheClientMessageEachReplyFollowed() throws Exception {
        RecordedSession s = session(frame(true, "welcome", 1), frame(false, "a", 100), frame(true, "A", 101),
                frame(true, "A2", 102), frame(false, "b", 400), frame(false, "c", 450), frame(true, "C", 451));
        assertEquals(List.of(dev.duplex.net.Payload.text("welcome")), s.greeting());
        assertEquals(3, s.steps().size());
        assertEquals(Duration.ofMillis(100), s.steps().get(0).gap());
        assertEquals(Duration.ofMillis(300), s.steps().get(1).gap());
        assertEquals(Duration.ofMillis(50), s.steps().get(2).gap());
        assertEquals(2, s.steps().get(0).replies().size());
        assertTrue(s.steps().get(1).replies().isEmpty());
        assertEquals(4, s.recordedReplies());
        assertEquals("http://h", s.handshake().origin());
        assertEquals(List.of("chat.v2", "json"), s.handshake().subprotocols());
    }

    @Test
    void originalTimingKeepsTheRecordedGapsBetweenSends() throws Exception {
        RecordedSession s = session(frame(false, "a", 0), frame(true, "a", 1), frame(false, "b", 400), frame(true, "b", 401));
        start(s, Timing.ORIGINAL, 2_000, new ServerConfig("127.0.0.1", 0, "", null));
        ReplayEvent.Sent first = next(ReplayEvent.Sent.class);
        ReplayEvent.Sent second = next(ReplayEvent.Sent.class);
        assertTrue(Duration.between(first.at(), second.at()).toMillis() >= 390,
                "the second went " + Duration.between(first.at(), second.at()) + " after the first; recorded 400 ms");
        ReplayEvent.Summary summary = next(ReplayEvent.Finished.class).summary();
        assertTrue(summary.asRecorded(), seen.toString());
        assertEquals(2, summary.same());
        assertFalse(summary.endedByServer());
    }

    @Test
    void aGreetingIsAwaitedBeforeTheFirstMessageInFastTiming() throws Exception {
        RecordedSession s = session(frame(true, "welcome", 1), frame(false, "hi", 5), frame(true, "hi", 6));
        start(s, Timing.FAST, 5_000, new ServerConfig("127.0.0.1", 0, "", null));
        WsEvent.ClientJoined joined = null;
        while (joined == null) {
            WsEvent e = serverEvents.poll(WAIT_S, TimeUnit.SECONDS);
            if (e == null) fail("the replay never connected; seen: " + seen);
            if (e instanceof WsEvent.ClientJoined j) joined = j;
        }
        server.send(joined.peer(), "welcome");
        Verdict greeting = verdict();
        assertEquals(new Verdict(0, 1, Verdict.Kind.SAME, dev.duplex.net.Payload.text("welcome"),
                dev.duplex.net.Payload.text("welcome"), null), greeting);
        assertTrue(seen.stream().noneMatch(e -> e instanceof ReplayEvent.Sent), "sent before the greeting came: " + seen);
        assertEquals(new Verdict(1, 1, Verdict.Kind.SAME, dev.duplex.net.Payload.text("hi"), dev.duplex.net.Payload.text("hi"),
                null), verdict());
        assertTrue(next(ReplayEvent.Finished.class).summary().asRecorded(), seen.toString());
    }

    @Test
    void aServerThatClosesEarlyLeavesTheRestNotSent() throws Exception {
        // Half a second between messages: the server's close after the first reply is in long before the second.
        RecordedSession s = session(frame(false, "1", 0), frame(true, "1", 1), frame(false, "2", 500), frame(true, "2", 501),
                frame(false, "3", 1000), frame(true, "3", 1001));
        start(s, Timing.ORIGINAL, 2_000, new ServerConfig("127.0.0.1", 0, "", null)
                .withBehaviour(ServerBehaviour.NORMAL.withCloseAfter(1, 4000, "enough")));
        ReplayEvent.NotSent notSent = next(ReplayEvent.NotSent.class);
        ReplayEvent.Summary summary = next(ReplayEvent.Finished.class).summary();
        assertFalse(summary.asRecorded());
        assertTrue(summary.endedByServer(), seen.toString());
        assertTrue(summary.closedAbnormally(), "4000 is not 1000 or 1001: " + summary);
        assertEquals(4000, summary.close().code());
        assertEquals(2, notSent.step(), seen.toString());
        assertEquals(1, summary.sent(), seen.toString());
        assertEquals(1, summary.same(), seen.toString());
        assertEquals(2, summary.notSent(), seen.toString());
    }

    @Test
    void stepTimingSendsOnlyWhenAskedAndStopSendsNoMore() throws Exception {
        RecordedSession s = session(frame(false, "one", 0), frame(true, "one", 1), frame(false, "two", 10),
                frame(true, "two", 11));
        Replayer r = start(s, Timing.STEP, 2_000, new ServerConfig("127.0.0.1", 0, "", null));
        ReplayEvent.AwaitingStep awaiting = next(ReplayEvent.AwaitingStep.class);
        assertEquals(1, awaiting.step());
        assertTrue(seen.stream().noneMatch(e -> e instanceof ReplayEvent.Sent), seen.toString());
        r.step();
        assertEquals(1, next(ReplayEvent.Sent.class).step());
        assertEquals(Verdict.Kind.SAME, verdict().kind());
        assertEquals(2, next(ReplayEvent.AwaitingStep.class).step());
        r.stop();
        assertEquals(2, next(ReplayEvent.NotSent.class).step());
        ReplayEvent.Summary summary = next(ReplayEvent.Finished.class).summary();
        assertEquals(1, summary.sent());
        assertEquals(1, summary.notSent());
        assertFalse(summary.endedByServer());
    }
}
