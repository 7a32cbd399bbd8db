package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;

/**
 * Each switch of the server lab against a client nobody here wrote, Node's ws: what it sees is what the
 * switch promises.
 */
class NodeClientAgainstBehavioursTest {
    private final LabServer server = new LabServer(event -> { });

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI start(ServerBehaviour b) throws Exception {
        server.start(new ServerConfig("127.0.0.1", 0, "", null).withBehaviour(b));
        return server.url();
    }

    private static List<String> messages(List<Map<String, String>> lines) {
        return NodeWsClient.of(lines, "message").stream().map(m -> m.get("data")).toList();
    }

    private static Map<String, String> only(List<Map<String, String>> lines, String event) {
        List<Map<String, String>> found = NodeWsClient.of(lines, event);
        assertEquals(1, found.size(), "one " + event + " in " + lines);
        return found.get(0);
    }

    @Test
    void aRefusalReachesWsWithItsStatusHeadersAndBody() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withRefusal(
                new ServerConfig.Refusal(403, "Forbidden", "not today", List.of("X-Duplex-Lab: refused"))));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), false, List.of(), 0));
        Map<String, String> refused = only(lines, "refused");
        assertEquals("403", refused.get("status"));
        assertTrue(refused.get("headers").contains("x-duplex-lab: refused"), refused.toString());
        assertEquals("not today", refused.get("body"));
        assertTrue(NodeWsClient.of(lines, "open").isEmpty(), lines.toString());
    }

    @Test
    void theFirstOfferedSubprotocolIsWhatWsGets() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withSubprotocol(ServerBehaviour.FIRST_OFFERED));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of("mqtt", "chat"), false, List.of("hi"), 1));
        assertEquals("mqtt", only(lines, "open").get("protocol"));
        assertEquals(List.of("hi"), messages(lines));
    }

    @Test
    void wsFailsTheConnectionWhenTheServerAnswersASubprotocolItNeverOffered() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withSubprotocol("surprise"));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of("chat"), false, List.of(), 0));
        assertTrue(only(lines, "error").get("message").contains("subprotocol"), lines.toString());
        assertTrue(NodeWsClient.of(lines, "open").isEmpty(), lines.toString());
    }

    @Test
    void delayedRepliesArriveInOrder() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withDelay(100));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), false, List.of("1", "2", "3"), 3));
        assertEquals(List.of("1", "2", "3"), messages(lines));
        assertEquals("1000", only(lines, "close").get("code"));
    }

    @Test
    void everyThirdReplyNeverComes() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withDropEvery(3));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), false,
                List.of("a", "b", "c", "d", "e", "f", "g"), 5));
        // Seven sent, the 3rd and 6th unanswered: five replies, after which ws closes by itself.
        assertEquals(List.of("a", "b", "d", "e", "g"), messages(lines));
    }

    @Test
    void wsSeesTheChosenCloseAfterItsNthMessage() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withCloseAfter(2, 4008, "two is plenty"));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), false, List.of("x", "y", "z"), 0));
        Map<String, String> close = only(lines, "close");
        assertEquals("4008", close.get("code"));
        assertEquals("two is plenty", close.get("reason"));
        assertEquals(List.of("x", "y"), messages(lines));
    }

    @Test
    void withPingsUnansweredWsGetsNoPong() throws Exception {
        URI url = start(ServerBehaviour.NORMAL.withAnswerPings(false));
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), true, List.of("after"), 1));
        // The ping went first; an answering server's pong would come before the echo.
        assertEquals(List.of("after"), messages(lines));
        assertTrue(NodeWsClient.of(lines, "pong").isEmpty(), lines.toString());
    }

    @Test
    void withPingsAnsweredWsGetsItsPong() throws Exception {
        // The control for the test above: the same script sees a pong from a normal server.
        URI url = start(ServerBehaviour.NORMAL);
        var lines = NodeWsClient.run(url, new NodeWsClient.Script(List.of(), true, List.of("after"), 1));
        assertEquals("anyone?", only(lines, "pong").get("data"));
    }
}
