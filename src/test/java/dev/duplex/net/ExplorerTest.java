package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The protocol explorer's engine over real loopback sockets: handshakes and frames seen on both ends,
 * control frames, fragments, options, refusals.
 */
class ExplorerTest extends OurServerAndClient {
    private URI start(ServerConfig config) throws Exception {
        server.start(config);
        return server.url();
    }

    private URI startEcho() throws Exception {
        return start(new ServerConfig("127.0.0.1", 0, "", null));
    }

    private static List<FrameInfo> frames(Recorder r, boolean inbound) {
        List<FrameInfo> out = new ArrayList<>();
        for (WsEvent e : r.all()) {
            if (e instanceof WsEvent.Frame f && f.frame().inbound() == inbound) out.add(f.frame());
        }
        return out;
    }

    @Test
    void customHeadersAndSubprotocolsReachTheServerAndBothSidesSeeTheHandshake() throws Exception {
        URI url = startEcho();
        ClientOptions options = new ClientOptions("http://example.test", Map.of("X-Duplex-Test", "42"), 5_000,
                List.of("chat.v2", "json"), false);
        client.connect(url, options);
        WsEvent.Handshake clientSide = clientEvents.next(WsEvent.Handshake.class);
        clientEvents.next(WsEvent.Opened.class);
        WsEvent.Handshake serverSide = serverEvents.next(WsEvent.Handshake.class);

        for (HandshakeRecord r : List.of(clientSide.record(), serverSide.record())) {
            assertEquals("GET / HTTP/1.1", r.requestLine());
            assertEquals("42", r.requestHeader("x-duplex-test"));
            assertEquals("chat.v2, json", r.requestHeader("Sec-WebSocket-Protocol"));
            assertEquals("http://example.test", r.requestHeader("Origin"));
            assertEquals("13", r.requestHeader("Sec-WebSocket-Version"));
            assertEquals(101, r.status());
            assertFalse(r.responseHeader("Sec-WebSocket-Accept").isEmpty());
        }
        assertEquals(clientSide.record().requestHeader("Sec-WebSocket-Key"),
                serverSide.record().requestHeader("Sec-WebSocket-Key"), "the same handshake from both ends");
    }

    @Test
    void framesAreSeenMaskedFromTheClientAndUnmaskedFromTheServer() throws Exception {
        URI url = startEcho();
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        client.send("hello");
        clientEvents.next(WsEvent.Received.class);

        FrameInfo out = frames(clientEvents, false).get(0);
        assertEquals(FrameInfo.TEXT, out.opcode());
        assertTrue(out.fin());
        assertTrue(out.masked(), "a client masks");
        assertEquals(5, out.payloadLength());
        assertEquals(2 + 4 + 5, out.wireLength());
        assertEquals("hello", new String(out.payload(), StandardCharsets.UTF_8));

        FrameInfo back = frames(clientEvents, true).get(0);
        assertFalse(back.masked(), "a server does not");
        assertEquals(2 + 5, back.wireLength());

        serverEvents.next(WsEvent.Sent.class);
        FrameInfo atServer = frames(serverEvents, true).get(0);
        assertArrayEquals(out.maskKey(), atServer.maskKey(), "the server saw the same masking key");
        assertEquals("hello", new String(atServer.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void aPingWithPayloadComesBackAsAPongWithItsRoundTrip() throws Exception {
        URI url = startEcho();
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        client.ping("are you there?".getBytes(StandardCharsets.UTF_8));
        WsEvent.Pong pong = clientEvents.next(WsEvent.Pong.class);
        assertEquals("are you there?", new String(pong.payload().bytes(), StandardCharsets.UTF_8));
        assertTrue(pong.rttNanos() > 0, "a round trip was measured");
        WsEvent.Ping atServer = serverEvents.next(WsEvent.Ping.class);
        assertTrue(atServer.answered());
        assertEquals("are you there?", new String(atServer.payload().bytes(), StandardCharsets.UTF_8),
                "the ping's payload is reported, not the buffer the pong consumed");
    }

    @Test
    void withAutomaticPongOffOurServerDropsTheClientAfterItsTimeout() throws Exception {
        URI url = start(new ServerConfig("127.0.0.1", 0, "", null, 1, null, null));
        client.setAutoPong(false);
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        WsEvent.Ping unanswered = clientEvents.next(WsEvent.Ping.class);
        assertFalse(unanswered.answered());
        // The server said so in its log before the ping went out.
        assertTrue(serverEvents.all().stream().anyMatch(e -> e instanceof WsEvent.Behaved b
                && b.act() == ServerBehaviour.Act.PINGED && b.number() == 1), serverEvents.all().toString());
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertTrue(closed.byServer());
        WsEvent.ClientLeft left = serverEvents.next(WsEvent.ClientLeft.class);
        assertEquals(1006, left.code(), "the library drops a client that does not answer its pings");
    }

    @Test
    void aMessageInFragmentsArrivesWholeAndInOrder() throws Exception {
        URI url = startEcho();
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        String message = "0123456789abcdefghij-你好";
        client.sendFragmented(Payload.text(message), 4);
        assertEquals(message, serverEvents.next(WsEvent.Received.class).payload().text());
        assertEquals(message, clientEvents.next(WsEvent.Received.class).payload().text());

        List<FrameInfo> sent = frames(clientEvents, false);
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        int expectedFrames = (bytes + 3) / 4;
        assertEquals(expectedFrames, sent.size());
        assertEquals(FrameInfo.TEXT, sent.get(0).opcode());
        assertFalse(sent.get(0).fin());
        for (int i = 1; i < sent.size(); i++) assertEquals(FrameInfo.CONTINUATION, sent.get(i).opcode());
        assertTrue(sent.get(sent.size() - 1).fin());
        assertEquals(bytes, sent.stream().mapToLong(FrameInfo::payloadLength).sum());
    }

    @Test
    void aRefusedUpgradeShowsItsStatusHeadersAndBody() throws Exception {
        URI url = start(new ServerConfig("127.0.0.1", 0, "", null, 60,
                ServerBehaviour.NORMAL.withRefusal(new ServerConfig.Refusal(403, "Forbidden", "no entry for you")), null));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Handshake handshake = clientEvents.next(WsEvent.Handshake.class);
        assertEquals(403, handshake.record().status());
        assertEquals("HTTP/1.1 403 Forbidden", handshake.record().statusLine());
        assertEquals("16", handshake.record().responseHeader("Content-Length"));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.HANDSHAKE_REFUSED, failed.problem().kind());
        assertEquals("HTTP 403 Forbidden", failed.problem().detail());
        assertEquals(1006, clientEvents.next(WsEvent.Closed.class).code());
        assertEquals("no entry for you", handshake.record().body());
        WsEvent.Handshake atServer = serverEvents.next(WsEvent.Handshake.class);
        assertEquals(403, atServer.record().status());
    }

    @Test
    void anInvalidCloseCodeOnPurposeAndWhatTheServerDidInReturn() throws Exception {
        URI url = startEcho();
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        client.closeRaw(999, new byte[0]);
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        // Java-WebSocket's server rejects close code 999 with a protocol error, as RFC 6455 asks.
        assertEquals(1002, closed.code(), closed.toString());
        FrameInfo ours = frames(clientEvents, false).get(0);
        assertEquals(FrameInfo.CLOSE, ours.opcode());
        assertEquals(999, ours.closeCode());
    }

    @Test
    void theServerPingsAndClosesAChosenClient() throws Exception {
        URI url = startEcho();
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        String peer = serverEvents.next(WsEvent.ClientJoined.class).peer();
        assertEquals(List.of(peer), server.clients());

        server.send(peer, "the server speaks first");
        assertEquals("the server speaks first", clientEvents.next(WsEvent.Received.class).payload().text());
        server.ping(peer, new byte[] {1, 2, 3});
        WsEvent.Pong pong = serverEvents.next(WsEvent.Pong.class);
        assertArrayEquals(new byte[] {1, 2, 3}, pong.payload().bytes());
        assertTrue(pong.rttNanos() > 0);
        server.close(peer, 4000, "bye from the lab");
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(4000, closed.code());
        assertEquals("bye from the lab", closed.reason());
        assertTrue(closed.byServer());
    }
}
