package dev.duplex.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;

/** The message view's tree and detail: paths as JSONPath writes them, what is not JSON, search order, round trips. */
class JsonTreeTest {
    @Test
    void everyNodeKnowsItsPath() {
        JsonTree.Node root = JsonTree.of("{\"user\":{\"name\":\"ada\",\"tags\":[\"x\",{\"odd key\":null}]},\"n\":1.5}").orElseThrow();
        assertEquals("$", root.path());
        JsonTree.Node user = root.children().get(0);
        assertEquals("$.user", user.path());
        JsonTree.Node tags = user.children().get(1);
        assertEquals(JsonTree.Kind.ARRAY, tags.kind());
        assertEquals("$.user.tags[1][\"odd key\"]", tags.children().get(1).children().get(0).path());
        assertEquals(JsonTree.Kind.NULL, tags.children().get(1).children().get(0).kind());
        assertEquals("1.5", root.children().get(1).value());
        assertEquals("{\"name\":\"ada\",\"tags\":[\"x\",{\"odd key\":null}]}", JsonTree.toJson(user),
                "an object copied as JSON");
    }

    @Test
    void textThatIsNotOneObjectOrArrayHasNoTree() {
        assertTrue(JsonTree.of("hello").isEmpty());
        assertTrue(JsonTree.of("42").isEmpty(), "a bare number says nothing as a tree");
        assertTrue(JsonTree.of("{\"a\":1} trailing").isEmpty());
        assertTrue(JsonTree.of("{\"a\":").isEmpty());
        assertTrue(JsonTree.of("[1,2] [3]").isEmpty());
        assertTrue(JsonTree.of("  [1, 2]\n").isPresent(), "white space around is fine");
    }

    @Test
    void searchGoesOnFromTheChosenNodeAndWrapsRound() {
        JsonTree.Node root = JsonTree.of("{\"a\":\"Tag\",\"b\":{\"tag\":2},\"c\":[\"no\"]}").orElseThrow();
        JsonTree.Node first = JsonTree.next(root, null, "tag").orElseThrow();
        assertEquals("$.a", first.path(), "a value matches, ignoring case");
        JsonTree.Node second = JsonTree.next(root, first, "tag").orElseThrow();
        assertEquals("$.b.tag", second.path(), "a key matches");
        assertEquals("$.a", JsonTree.next(root, second, "tag").orElseThrow().path());
        assertTrue(JsonTree.next(root, null, "absent").isEmpty());
    }

    @Test
    void aReplyIsTimedFromOurLastMessageButNotPastAnotherReply() {
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        List<WsEvent> log = List.of(
                new WsEvent.Sent(t0, null, Payload.text("one")),
                new WsEvent.Received(t0.plusMillis(7), null, Payload.text("{\"ok\":true}")),
                new WsEvent.Received(t0.plusMillis(9), null, Payload.binary(new byte[] {1, 2})));
        MessageDetail reply = MessageDetail.of(log.get(1), log, 1).orElseThrow();
        assertEquals(Duration.ofMillis(7), reply.roundTrip().orElseThrow());
        assertTrue(reply.json().isPresent());
        assertTrue(reply.hex().startsWith("00000000  7b 22 6f 6b"), reply.hex());
        MessageDetail second = MessageDetail.of(log.get(2), log, 2).orElseThrow();
        assertTrue(second.roundTrip().isEmpty(), "the first reply answered our message");
        assertTrue(second.binary());
        assertEquals(2, second.size());
        assertTrue(MessageDetail.of(new WsEvent.Stopped(t0), log, 0).isEmpty());
    }
}
