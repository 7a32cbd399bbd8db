package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.InterceptFilter;
import dev.duplex.net.proxy.JdkWsClient;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.proxy.ProxyRecorder;
import dev.duplex.net.proxy.ProxyServer;
import dev.duplex.options.ProxyInput;

/**
 * A person's hand in the proxy, between two peers nobody here wrote: the JDK's WebSocket client, and
 * Node's {@code ws} echo server upstream, which prints every message and close it got. What the peers saw
 * is the proof: the held message edited, the order kept behind a held one, a drop, an injection, a leg
 * closed by hand, a delay rule.
 */
class ProxyInterceptionTest {
    private final ProxyRecorder events = new ProxyRecorder();
    private final ProxyServer proxy = new ProxyServer(events);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JdkWsClient client = new JdkWsClient();
    private NodeProxyPeers.Upstream upstream;
    private WebSocket ws;

    @BeforeEach
    void upstream() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.stop();
        upstream.close();
    }

    private int open(ProxyConfig config) throws Exception {
        int port = proxy.start(config).getPort();
        ws = JdkWsClient.connect(http, URI.create("ws://127.0.0.1:" + port + "/chat"), client);
        return events.await(ProxyEvent.Opened.class).pair();
    }

    private ProxyEvent.Held held(String text) throws InterruptedException {
        return events.await(ProxyEvent.Held.class, h -> !h.payload().isBinary() && h.payload().text().equals(text));
    }

    @Test
    void aHeldMessageGoesOnEditedAndTheOneBehindItWaitsItsTurn() throws Exception {
        proxy.intercept(new InterceptFilter(EnumSet.of(Direction.UP), true, true, null));
        open(ProxyConfig.of(0, upstream.uri("/")));
        ws.sendText("one", true).join();
        ws.sendText("two", true).join();
        ProxyEvent.Held one = held("one");
        ProxyEvent.Held two = held("two");
        assertEquals(Direction.UP, one.direction());

        // The second is let go first: it must still wait behind the first.
        assertTrue(proxy.forward(two.id(), Payload.text("TWO, edited")));
        assertTrue(proxy.forward(one.id(), Payload.text("uno")));
        assertFalse(proxy.forward(one.id(), Payload.text("again")), "a decided message is no longer held");
        assertEquals("uno", upstream.nextMessage().get("data"), "the server got the edit, in the order sent");
        assertEquals("TWO, edited", upstream.nextMessage().get("data"));
        // The echoes come down unheld: only up was paused.
        assertEquals("uno", client.next());
        assertEquals("TWO, edited", client.next());
        ProxyEvent.Message edited = events.await(ProxyEvent.Message.class, m -> m.fate() == ProxyEvent.Fate.EDITED
                && m.payload().text().equals("uno"));
        assertEquals("one", edited.original().text(), "the log keeps what came in");
    }

    @Test
    void aDroppedMessageNeverReachesTheServerAndTheQueueGoesOn() throws Exception {
        proxy.intercept(new InterceptFilter(EnumSet.of(Direction.UP), true, false, Pattern.compile("secret")));
        open(ProxyConfig.of(0, upstream.uri("/")));
        ws.sendText("my secret", true).join();
        ws.sendText("public", true).join();
        ProxyEvent.Held secret = held("my secret");
        assertTrue(proxy.drop(secret.id()));
        assertEquals("public", upstream.nextMessage().get("data"),
                "the one the pattern does not match was not held once the dropped one was gone");
        assertEquals("public", client.next());
        events.await(ProxyEvent.Message.class, m -> m.fate() == ProxyEvent.Fate.DISCARDED);
    }

    @Test
    void downHoldsTheServersRepliesAndReleaseAllLetsThemGo() throws Exception {
        proxy.intercept(new InterceptFilter(EnumSet.of(Direction.DOWN), true, true, null));
        open(ProxyConfig.of(0, upstream.uri("/")));
        ws.sendText("a", true).join();
        ws.sendText("b", true).join();
        assertEquals("a", upstream.nextMessage().get("data"), "up is not held");
        held("a");
        held("b");
        proxy.intercept(InterceptFilter.NONE);
        proxy.releaseAll();
        assertEquals("a", client.next());
        assertEquals("b", client.next());
    }

    @Test
    void injectedMessagesReachEachPeerAtOnce() throws Exception {
        int pair = open(ProxyConfig.of(0, upstream.uri("/")));
        assertTrue(proxy.inject(pair, Direction.DOWN, Payload.text("from Duplex to the client")));
        assertEquals("from Duplex to the client", client.next());
        assertTrue(proxy.inject(pair, Direction.UP, Payload.text("from Duplex to the server")));
        assertEquals("from Duplex to the server", upstream.nextMessage().get("data"));
        assertEquals("from Duplex to the server", client.next(), "its echo came down as any reply");
        assertFalse(proxy.inject(pair + 1, Direction.UP, Payload.text("nobody")), "no such pair");
    }

    @Test
    void closingTheServerLegByHandClosesTheClientWithTheSameCode() throws Exception {
        int pair = open(ProxyConfig.of(0, upstream.uri("/")));
        assertTrue(proxy.closeLeg(pair, Leg.UPSTREAM, 4001, "closed by hand"));
        assertEquals(Map.of("code", "4001", "reason", "closed by hand"), upstream.nextClose());
        assertEquals("4001 closed by hand", client.awaitClose());
    }

    @Test
    void closingTheClientLegByHandReachesTheClient() throws Exception {
        int pair = open(ProxyConfig.of(0, upstream.uri("/")));
        assertTrue(proxy.closeLeg(pair, Leg.CLIENT, 4002, "you, out"));
        assertEquals("4002 you, out", client.awaitClose());
        assertEquals(Map.of("code", "4002", "reason", "you, out"), upstream.nextClose(), "passed to the server as given");
    }

    @Test
    void theClientsCloseWaitsBehindItsHeldMessage() throws Exception {
        proxy.intercept(InterceptFilter.ALL);
        open(ProxyConfig.of(0, upstream.uri("/")));
        ws.sendText("last words", true).join();
        ProxyEvent.Held last = held("last words");
        ws.sendClose(1000, "bye").join();
        events.await(ProxyEvent.Wire.class, w -> w.leg() == Leg.CLIENT && w.event() instanceof WsEvent.Frame f
                && f.frame().inbound() && f.frame().opcode() == 8);
        assertTrue(proxy.forward(last.id(), last.payload()));
        assertEquals("last words", upstream.nextMessage().get("data"), "forwarded after the client had closed");
        assertEquals(Map.of("code", "1000", "reason", "bye"), upstream.nextClose(), "and the close after it");
    }

    @Test
    void aDelayRuleHoldsTheMessageBackAndKeepsTheOrder() throws Exception {
        ProxyConfig config = ProxyConfig.of(0, upstream.uri("/"))
                .withRules(List.of(ProxyInput.delay("up:^slow=>400").value()));
        open(config);
        ws.sendText("slow one", true).join();
        ws.sendText("fast one", true).join();
        assertEquals("slow one", upstream.nextMessage().get("data"));
        assertEquals("fast one", upstream.nextMessage().get("data"), "the one behind it waited");
        ProxyEvent.Message slow = events.await(ProxyEvent.Message.class, m -> m.fate() == ProxyEvent.Fate.DELAYED);
        assertEquals("up:^slow=>400", slow.rule());
        // Every event is kept in all(), also those the awaits above went past.
        ProxyEvent.Wire in = events.all(ProxyEvent.Wire.class).stream().filter(w -> w.leg() == Leg.CLIENT
                && w.event() instanceof WsEvent.Frame f && f.frame().inbound() && f.frame().opcode() == 1)
                .findFirst().orElseThrow();
        Duration held = Duration.between(in.at(), slow.at());
        assertTrue(held.toMillis() >= 400, "held back " + held.toMillis() + " ms");
    }
}
