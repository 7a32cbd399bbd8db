package dev.duplex.conversation;

import static dev.duplex.conversation.Samples.T0;
import static dev.duplex.conversation.Samples.URL;
import static dev.duplex.conversation.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;

class ConversationTest {
    private static final String PEER = URL.toString();

    private static WsEvent.Frame frameEvent(long millis, FrameInfo info) {
        return new WsEvent.Frame(T0.plusMillis(millis), PEER, info);
    }

    @Test
    void picksTheHandshakeFramesUrlAndCloseFromAClientsEvents() {
        WsEvent.Frame early = frameEvent(1, Samples.in(FrameInfo.TEXT, true, utf8("welcome")));
        WsEvent.Handshake handshake = new WsEvent.Handshake(T0.plusMillis(2), PEER, Samples.HANDSHAKE);
        WsEvent.Frame sent = frameEvent(4, Samples.out(FrameInfo.TEXT, true, utf8("hi")));
        WsEvent.Frame echoed = frameEvent(5, Samples.in(FrameInfo.TEXT, true, utf8("hi")));
        WsEvent.Closed closed = new WsEvent.Closed(T0.plusMillis(9), 1001, "going away", true, true);
        List<WsEvent> events = List.of(
                early, // the tap saw it in the same read as the server's answer, before onopen
                handshake,
                new WsEvent.Opened(T0.plusMillis(3), URL, ""),
                new WsEvent.Received(T0.plusMillis(3), PEER, Payload.text("welcome")),
                sent,
                new WsEvent.Sent(T0.plusMillis(4), PEER, Payload.text("hi")),
                echoed,
                new WsEvent.Received(T0.plusMillis(5), PEER, Payload.text("hi")),
                new WsEvent.Pong(T0.plusMillis(6), PEER, Payload.binary(new byte[0]), 1234),
                closed);

        Conversation c = Conversation.of(events);

        assertEquals(URL, c.url());
        assertEquals(new Conversation.Handshake(T0.plusMillis(2), Samples.HANDSHAKE), c.handshake());
        assertEquals(List.of(Conversation.Frame.of(early), Conversation.Frame.of(sent), Conversation.Frame.of(echoed)),
                c.frames());
        assertSame(sent.frame(), c.frames().get(1).info());
        assertEquals(new Conversation.Close(T0.plusMillis(9), 1001, "going away", true, true), c.close());
    }

    @Test
    void aRefusedHandshakeTakesItsUrlFromTheHostHeader() {
        HandshakeRecord refused = new HandshakeRecord(
                "GET /private?x=1 HTTP/1.1\r\nHost: example.org:9000\r\nUpgrade: websocket\r\n\r\n",
                "HTTP/1.1 403 Forbidden\r\nContent-Length: 6\r\n\r\nnot you");
        List<WsEvent> events = List.of(
                new WsEvent.Handshake(T0, "server-side name", refused),
                new WsEvent.Failed(T0, "server-side name", new Problem(Problem.Kind.HANDSHAKE_REFUSED, "403")),
                new WsEvent.Closed(T0.plusMillis(1), 1006, "", false, false));

        Conversation c = Conversation.of(events);

        assertEquals(URI.create("ws://example.org:9000/private?x=1"), c.url());
        assertEquals(refused, c.handshake().record());
        assertTrue(c.frames().isEmpty());
        assertEquals(1006, c.close().code());
    }

    @Test
    void withoutOnopenTheClientsPeerNameIsItsUrl() {
        // wss://: no tap, so no handshake; a failure names the connection by its URL.
        URI wss = URI.create("wss://example.org/feed");
        Conversation c = Conversation.of(List.of(
                new WsEvent.Failed(T0, wss.toString(), new Problem(Problem.Kind.TIMED_OUT, "")),
                new WsEvent.Closed(T0, 1006, "", false, false)));
        assertEquals(wss, c.url());
        assertNull(c.handshake());
    }

    @Test
    void noUrlAtAllIsAnError() {
        List<WsEvent> events = List.of(new WsEvent.Closed(T0, 1006, "", false, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conversation.of(events));
        assertTrue(e.getMessage().contains("no URL"), e.getMessage());
    }

    @Test
    void eventsOfTwoConnectionsAreSplitAtEachClose() {
        List<WsEvent> events = new ArrayList<>();
        events.add(new WsEvent.Opened(T0, URL, ""));
        events.add(frameEvent(1, Samples.out(FrameInfo.TEXT, true, utf8("first"))));
        events.add(new WsEvent.Closed(T0.plusMillis(2), 1000, "", true, false));
        URI second = URI.create("ws://127.0.0.1:8080/other");
        events.add(new WsEvent.Opened(T0.plusMillis(3), second, ""));
        events.add(frameEvent(4, Samples.out(FrameInfo.TEXT, true, utf8("second"))));

        List<Conversation> all = Conversation.allOf(events);

        assertEquals(2, all.size());
        assertEquals(URL, all.get(0).url());
        assertEquals("first", new String(all.get(0).frames().get(0).info().payload()));
        assertEquals(1000, all.get(0).close().code());
        assertEquals(second, all.get(1).url());
        assertNull(all.get(1).close(), "the second connection is still open");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conversation.of(events));
        assertTrue(e.getMessage().contains("2 connections"), e.getMessage());
    }

    @Test
    void eventsWithoutAConnectionHoldNone() {
        List<WsEvent> serverOnly = List.of(new WsEvent.Listening(T0, URL, false), new WsEvent.Stopped(T0));
        assertEquals(List.of(), Conversation.allOf(serverOnly));
        assertThrows(IllegalArgumentException.class, () -> Conversation.of(serverOnly));
        assertThrows(IllegalArgumentException.class, () -> Conversation.of(List.of()));
    }

    @Test
    void framesAreEqualByTheContentOfTheirBytes() {
        FrameInfo a = Samples.out(FrameInfo.BINARY, true, Samples.allByteValues());
        Conversation.Frame frame = new Conversation.Frame(T0, a);
        Conversation.Frame copy = new Conversation.Frame(T0, copy(a, UnaryOperator.identity()));
        assertEquals(frame, copy);
        assertEquals(frame.hashCode(), copy.hashCode());

        // Each field on its own makes a difference.
        List<FrameInfo> variants = List.of(
                new FrameInfo(true, a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), false, a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), true, a.rsv2(), a.rsv3(), a.opcode(), a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), true, a.rsv3(), a.opcode(), a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), true, a.opcode(), a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), 1, a.maskKey(), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), null, a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), Samples.bytes(0, 0, 0, 0), a.payloadLength(), a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), a.maskKey(), 9999, a.wireLength(), a.payload()),
                new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(), a.maskKey(), a.payloadLength(), 1, a.payload()),
                copy(a, p -> {
                    p[255] = 0;
                    return p;
                }));
        for (FrameInfo v : variants) assertNotEquals(frame, new Conversation.Frame(T0, v), v.toString());
        assertNotEquals(frame, new Conversation.Frame(T0.plusNanos(1), a));
    }

    @Test
    void theFrameListIsACopy() {
        List<Conversation.Frame> frames = new ArrayList<>();
        frames.add(new Conversation.Frame(T0, Samples.in(FrameInfo.TEXT, true, utf8("x"))));
        Conversation c = new Conversation(URL, null, frames, null);
        frames.clear();
        assertEquals(1, c.frames().size());
        assertThrows(UnsupportedOperationException.class, () -> c.frames().clear());
    }

    @Test
    void aFrameTurnsBackIntoTheInspectorsEvent() {
        WsEvent.Frame event = frameEvent(1, Samples.in(FrameInfo.PING, true, utf8("p")));
        assertEquals(event, Conversation.Frame.of(event).toEvent(PEER));
    }

    private static FrameInfo copy(FrameInfo a, UnaryOperator<byte[]> payload) {
        return new FrameInfo(a.inbound(), a.fin(), a.rsv1(), a.rsv2(), a.rsv3(), a.opcode(),
                a.maskKey() == null ? null : a.maskKey().clone(), a.payloadLength(), a.wireLength(),
                payload.apply(a.payload().clone()));
    }
}
