package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The server lab's switches against our own client over loopback: what the client sees is what each switch
 * promises, and the server's log says so when a switch acts. (Node's ws client sees the same:
 * peers.NodeClientAgainstBehavioursTest.)
 */
class ServerBehaviourTest extends OurServerAndClient {
    private URI start(ServerBehaviour behaviour) throws Exception {
        server.start(new ServerConfig("127.0.0.1", 0, "", null).withBehaviour(behaviour));
        return server.url();
    }

    private URI connect(ServerBehaviour behaviour, List<String> subprotocols) throws Exception {
        URI url = start(behaviour);
        client.connect(url, new ClientOptions(WsUrl.defaultOrigin(url), Map.of(), 5_000, subprotocols, false));
        return url;
    }

    /**
     * What the server's log said of this switch, oldest first. The server logs an act before the client
     * can see its effect (a reply, a close, a refusal), so by the time a test has seen that, it is here.
     */
    private List<WsEvent.Behaved> acts(ServerBehaviour.Act act) {
        return serverEvents.all().stream().filter(e -> e instanceof WsEvent.Behaved b && b.act() == act)
                .map(WsEvent.Behaved.class::cast).toList();
    }

    private WsEvent.Behaved acted(ServerBehaviour.Act act) {
        List<WsEvent.Behaved> all = acts(act);
        assertEquals(1, all.size(), "one " + act + " in " + serverEvents.all());
        return all.get(0);
    }

    @Test
    void aRefusalSendsItsStatusHeadersAndBody() throws Exception {
        connect(ServerBehaviour.NORMAL.withRefusal(new ServerConfig.Refusal(429, "Too Many Requests",
                "slow down\n", List.of("Retry-After: 30", "X-Duplex: lab"))), List.of());
        WsEvent.Handshake seen = clientEvents.next(WsEvent.Handshake.class);
        assertEquals("HTTP/1.1 429 Too Many Requests", seen.record().statusLine());
        assertEquals("30", seen.record().responseHeader("Retry-After"));
        assertEquals("lab", seen.record().responseHeader("X-Duplex"));
        assertEquals("slow down\n", seen.record().body());
        assertEquals(Problem.Kind.HANDSHAKE_REFUSED, clientEvents.next(WsEvent.Failed.class).problem().kind());
        assertEquals(1006, clientEvents.next(WsEvent.Closed.class).code());
        assertEquals(429, acted(ServerBehaviour.Act.REFUSED).number());
    }

    @Test
    void refusalHeadersCannotSmuggleInMoreOfTheAnswer() {
        assertThrows(IllegalArgumentException.class,
                () -> new ServerConfig.Refusal(403, "Forbidden", "", List.of("X-A: 1\r\nSet-Cookie: x=1")));
        assertThrows(IllegalArgumentException.class, () -> new ServerConfig.Refusal(403, "Forbidden", "", List.of("no colon")));
        assertThrows(IllegalArgumentException.class, () -> new ServerConfig.Refusal(101, "Switching", ""));
    }

    @Test
    void theFirstOfferedSubprotocolIsAnsweredAndShownForTheClient() throws Exception {
        connect(ServerBehaviour.NORMAL.withSubprotocol(ServerBehaviour.FIRST_OFFERED), List.of("chat.v2", "json"));
        assertEquals("chat.v2", clientEvents.next(WsEvent.Opened.class).subprotocol());
        assertEquals("chat.v2", serverEvents.next(WsEvent.ClientJoined.class).subprotocol());
        assertEquals("chat.v2", acted(ServerBehaviour.Act.SUBPROTOCOL).detail());
    }

    @Test
    void withheldSubprotocolLeavesTheClientWithNone() throws Exception {
        connect(ServerBehaviour.NORMAL, List.of("chat.v2"));
        WsEvent.Opened opened = clientEvents.next(WsEvent.Opened.class);
        assertEquals("", opened.subprotocol());
        assertEquals("", serverEvents.next(WsEvent.ClientJoined.class).subprotocol());
    }

    @Test
    void aSubprotocolTheClientNeverOfferedFailsTheConnection() throws Exception {
        // RFC 6455 4.1: the client must fail a connection whose server picked a subprotocol it did not offer.
        connect(ServerBehaviour.NORMAL.withSubprotocol("surprise"), List.of("chat.v2"));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.UNOFFERED_SUBPROTOCOL, failed.problem().kind(), failed.toString());
        assertEquals("surprise ∉ chat.v2", failed.problem().detail());
        assertFalse(clientEvents.all().stream().anyMatch(e -> e instanceof WsEvent.Opened), "no onopen, as in a browser");
        assertEquals(1006, clientEvents.next(WsEvent.Closed.class).code());
    }

    @Test
    void delayedRepliesComeLateAndInOrder() throws Exception {
        connect(ServerBehaviour.NORMAL.withDelay(150), List.of());
        clientEvents.next(WsEvent.Opened.class);
        long sentAt = System.nanoTime();
        client.send("one");
        client.send("two");
        WsEvent.Received first = clientEvents.next(WsEvent.Received.class);
        long firstAfterMs = (System.nanoTime() - sentAt) / 1_000_000;
        WsEvent.Received second = clientEvents.next(WsEvent.Received.class);
        assertEquals("one", first.payload().text());
        assertEquals("two", second.payload().text());
        // A lower bound only: the reply cannot come before the delay, however slow the machine.
        assertTrue(firstAfterMs >= 150, "the first reply came after " + firstAfterMs + " ms");
        assertEquals(List.of(150L, 150L), acts(ServerBehaviour.Act.DELAYED).stream().map(WsEvent.Behaved::number).toList());
    }

    @Test
    void everySecondReplyIsDropped() throws Exception {
        connect(ServerBehaviour.NORMAL.withDropEvery(2), List.of());
        clientEvents.next(WsEvent.Opened.class);
        for (String m : List.of("m1", "m2", "m3", "m4", "m5")) client.send(m);
        // Replies keep their order on one connection: once m5's has come, m2's and m4's would have too.
        assertEquals("m1", clientEvents.next(WsEvent.Received.class).payload().text());
        assertEquals("m3", clientEvents.next(WsEvent.Received.class).payload().text());
        assertEquals("m5", clientEvents.next(WsEvent.Received.class).payload().text());
        assertEquals(List.of(2L, 4L), acts(ServerBehaviour.Act.DROPPED).stream().map(WsEvent.Behaved::number).toList());
    }

    @Test
    void theServerClosesAfterTheNthMessageWithTheChosenCode() throws Exception {
        connect(ServerBehaviour.NORMAL.withCloseAfter(3, 4001, "enough"), List.of());
        clientEvents.next(WsEvent.Opened.class);
        for (String m : List.of("a", "b", "c")) client.send(m);
        for (String m : List.of("a", "b", "c")) assertEquals(m, clientEvents.next(WsEvent.Received.class).payload().text());
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(4001, closed.code());
        assertEquals("enough", closed.reason());
        assertTrue(closed.byServer());
        WsEvent.Behaved act = acted(ServerBehaviour.Act.CLOSED_AFTER);
        assertEquals(3, act.number());
        assertEquals("4001 \"enough\"", act.detail());
    }

    @Test
    void withPingsUnansweredNoPongComes() throws Exception {
        connect(ServerBehaviour.NORMAL.withAnswerPings(false), List.of());
        clientEvents.next(WsEvent.Opened.class);
        client.ping("anyone?".getBytes(StandardCharsets.UTF_8));
        client.send("after the ping");
        // The server answers in order: a pong would have come before this echo.
        assertEquals("after the ping", clientEvents.next(WsEvent.Received.class).payload().text());
        assertFalse(clientEvents.all().stream().anyMatch(e -> e instanceof WsEvent.Pong), clientEvents.all().toString());
        assertFalse(serverEvents.next(WsEvent.Ping.class).answered());
    }

    @Test
    void aBehaviourChangedWhileRunningAppliesToTheNextMessage() throws Exception {
        connect(ServerBehaviour.NORMAL, List.of());
        clientEvents.next(WsEvent.Opened.class);
        client.send("plain");
        assertEquals("plain", clientEvents.next(WsEvent.Received.class).payload().text());
        server.setBehaviour(ServerBehaviour.NORMAL.withCloseAfter(2, 4002, ""));
        client.send("second");
        assertEquals("second", clientEvents.next(WsEvent.Received.class).payload().text());
        assertEquals(4002, clientEvents.next(WsEvent.Closed.class).code());
    }

    @Test
    void broadcastReachesEveryClient() throws Exception {
        URI url = start(ServerBehaviour.NORMAL);
        Recorder otherEvents = new Recorder();
        WsClient other = new WsClient(otherEvents);
        try {
            client.connect(url, ClientOptions.browserLike(url));
            other.connect(url, ClientOptions.browserLike(url));
            clientEvents.next(WsEvent.Opened.class);
            otherEvents.next(WsEvent.Opened.class);
            serverEvents.next(WsEvent.ClientJoined.class);
            serverEvents.next(WsEvent.ClientJoined.class);
            assertEquals(2, server.broadcast("to all"));
            assertEquals("to all", clientEvents.next(WsEvent.Received.class).payload().text());
            assertEquals("to all", otherEvents.next(WsEvent.Received.class).payload().text());
        } finally {
            other.close(1000, "");
        }
    }
}
