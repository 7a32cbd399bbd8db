package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.i18n.HandshakeText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.WsEvent;

/**
 * Our client against Node's ws server (the npm registry's, nobody here wrote it): subprotocol and
 * permessage-deflate negotiation as the handshake view shows them, and compressed frames (RSV1) in the
 * frame view that still make the right messages.
 */
class OurClientAgainstNodeWsTest {
    private final EventRecorder events = new EventRecorder();
    private final WsClient client = new WsClient(events);
    private NodeWsServer server;

    @AfterEach
    void tearDown() throws Exception {
        client.close(1000, "");
        if (server != null) server.close();
    }

    private static String explained(WsEvent.Handshake h) {
        return new HandshakeText(Texts.of(Locale.ENGLISH)).text(h);
    }

    @Test
    void theSubprotocolTheServerPicksIsShown() throws Exception {
        server = NodeWsServer.start(NodeWsServer.Options.defaults().withSubprotocols("chat.v1", "chat.v2"));
        client.connect(server.uri("/"), new ClientOptions(null, Map.of("X-Lab", "1"), 5_000,
                List.of("superchat", "chat.v2"), false));
        WsEvent.Opened opened = events.next(WsEvent.Opened.class);
        assertEquals("chat.v2", opened.subprotocol());
        WsEvent.Handshake h = (WsEvent.Handshake) events.wire().get(0);
        assertEquals("superchat, chat.v2", h.record().requestHeader("Sec-WebSocket-Protocol"));
        assertEquals("chat.v2", h.record().responseHeader("Sec-WebSocket-Protocol"));
        String text = explained(h);
        assertTrue(text.contains("Subprotocol: chat.v2"), text);
        assertTrue(text.contains("✓ The server sent"), text);
        assertEquals("1", server.nextHandshake().header("X-Lab"));
    }

    @Test
    void permessageDeflateIsNegotiatedAndCompressedFramesStillMakeTheMessage() throws Exception {
        server = NodeWsServer.start(NodeWsServer.Options.defaults().withPerMessageDeflate(true));
        client.connect(server.uri("/"), new ClientOptions(null, Map.of(), 5_000, List.of(), true));
        events.next(WsEvent.Opened.class);
        WsEvent.Handshake h = (WsEvent.Handshake) events.wire().get(0);
        assertTrue(h.record().requestHeader("Sec-WebSocket-Extensions").startsWith("permessage-deflate"));
        assertTrue(h.record().responseHeader("Sec-WebSocket-Extensions").startsWith("permessage-deflate"),
                h.record().response());
        assertTrue(explained(h).contains("Extensions: permessage-deflate"), explained(h));

        String message = "compress me ".repeat(200); // over ws's 1 KiB compression threshold
        client.send(message);
        assertEquals(message, events.next(WsEvent.Sent.class).payload().text());
        assertEquals(message, events.next(WsEvent.Received.class).payload().text());
        FrameInfo in = events.wire().stream().filter(e -> e instanceof WsEvent.Frame f && f.frame().inbound())
                .map(e -> ((WsEvent.Frame) e).frame()).findFirst().orElseThrow();
        assertTrue(in.rsv1(), "the echo came compressed (RSV1)");
        assertTrue(in.payloadLength() < message.length(), "and smaller on the wire than the text");
    }

    @Test
    void withoutTheOfferNothingIsCompressed() throws Exception {
        server = NodeWsServer.start(NodeWsServer.Options.defaults().withPerMessageDeflate(true));
        client.connect(server.uri("/"), new ClientOptions(null, Map.of(), 5_000, List.of(), false));
        events.next(WsEvent.Opened.class);
        WsEvent.Handshake h = (WsEvent.Handshake) events.wire().get(0);
        assertEquals("", h.record().responseHeader("Sec-WebSocket-Extensions"));
        client.send("plain");
        events.next(WsEvent.Sent.class);
        events.next(WsEvent.Received.class);
        assertFalse(events.wire().stream().anyMatch(e -> e instanceof WsEvent.Frame f && f.frame().rsv1()));
    }
}
