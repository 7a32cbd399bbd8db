package dev.duplex.net.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.duplex.net.HandshakeRecord;

/** What goes up for a client's request, and what the rules make of a message: no network needed. */
class UpstreamRequestTest {
    @Test
    void theClientsPathAndQueryFollowTheUpstreams() {
        assertEquals(URI.create("ws://h:1/shiming"), UpstreamRequest.target(URI.create("ws://h:1"), "/shiming"));
        assertEquals(URI.create("ws://h:1/base"), UpstreamRequest.target(URI.create("ws://h:1/base"), "/"));
        assertEquals(URI.create("wss://h/base/chat?x=1"), UpstreamRequest.target(URI.create("wss://h/base/"), "/chat?x=1"));
        assertEquals(URI.create("ws://h/b/c?k=v&x=1"), UpstreamRequest.target(URI.create("ws://h/b?k=v"), "/c?x=1"));
    }

    @Test
    void onlyTheHeadersOfTheRequestItselfAreKeptBack() {
        HandshakeRecord request = new HandshakeRecord("GET /a HTTP/1.1\r\nHost: proxy:9\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade, X-Hop\r\nX-Hop: 1\r\nSec-WebSocket-Key: k\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Protocol: a, b\r\nSec-WebSocket-Protocol: c\r\n"
                + "Origin: http://o\r\nCookie: x=1\r\nCookie: y=2\r\nAuthorization: Basic z\r\nUser-Agent: UA\r\n\r\n", "");
        assertTrue(UpstreamRequest.isUpgrade(request));
        UpstreamRequest up = UpstreamRequest.of(URI.create("ws://server:8/"), request, 0);
        assertEquals(URI.create("ws://server:8/a"), up.url());
        assertEquals("http://o", up.options().origin());
        assertEquals(List.of("a", "b", "c"), up.options().subprotocols());
        assertFalse(up.options().permessageDeflate());
        assertEquals(java.util.Map.of("Cookie", "x=1; y=2", "Authorization", "Basic z", "User-Agent", "UA"),
                up.options().headers());
        assertFalse(UpstreamRequest.isUpgrade(new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n", "")));
    }

    @Test
    void rewritesApplyInOrderAndADropStopsTheMessage() {
        RelayRules rules = new RelayRules(List.of(
                MessageRule.rewrite(Direction.UP, Pattern.compile("hello (\\w+)"), "bonjour $1", "r1"),
                MessageRule.rewrite(Direction.UP, Pattern.compile("bonjour"), "salut", "r2"),
                MessageRule.drop(Direction.DOWN, Pattern.compile("^secret"), "d1")));
        RelayRules.Outcome up = rules.apply(Direction.UP, "hello world");
        assertEquals("salut world", up.text());
        assertTrue(up.rewritten());
        assertEquals("r1, r2", up.rules());
        assertFalse(rules.apply(Direction.DOWN, "hello world").rewritten(), "rules go one way");
        assertTrue(rules.apply(Direction.DOWN, "secret plans").dropped());
        assertFalse(rules.apply(Direction.DOWN, "no secret").dropped());
    }
}
