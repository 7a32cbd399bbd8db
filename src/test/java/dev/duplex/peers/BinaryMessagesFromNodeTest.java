package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.model.message.JsonTree;
import dev.duplex.model.message.MessageDetail;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;

/**
 * End to end: a Node {@code ws} server sends {@code {user: {name: 'ada', tags: ['x', 'y']}, n: 3}} encoded by
 * npm's {@code @msgpack/msgpack} and then by {@code cbor-x}, as binary messages, to our client; the message
 * view's detail of each received event says which format Auto read it in and holds the tree, with the JSON
 * tree's paths, for search and Copy path.
 */
class BinaryMessagesFromNodeTest {
    private final EventRecorder events = new EventRecorder();
    private final WsClient client = new WsClient(events);
    private NodeBinaryEncoders.Server server;

    @AfterEach
    void tearDown() throws Exception {
        client.close(1000, "");
        if (server != null) server.close();
    }

    @Test
    void messagePackAndCborFromNodeReadAsTrees() throws Exception {
        server = NodeBinaryEncoders.serve("user");
        client.connect(server.uri(), new ClientOptions(null, Map.of(), 5_000, List.of(), false));
        events.next(WsEvent.Opened.class);
        for (BinaryReader.Format expected : List.of(BinaryReader.Format.MESSAGEPACK, BinaryReader.Format.CBOR)) {
            WsEvent.Received received = events.next(WsEvent.Received.class);
            assertTrue(received.payload().isBinary());
            MessageDetail detail = MessageDetail.of(received, List.of(received), 0).orElseThrow();
            assertEquals(Optional.of(expected), detail.reading().orElseThrow().format(), detail.reading().toString());
            JsonTree.Node root = detail.json().orElseThrow();
            assertEquals(List.of("user", "n"), root.children().stream().map(JsonTree.Node::key).toList());
            JsonTree.Node y = JsonTree.next(root, null, "y").orElseThrow();
            assertEquals("$.user.tags[1]", y.path());
            assertEquals("{\"user\":{\"name\":\"ada\",\"tags\":[\"x\",\"y\"]},\"n\":3}", JsonTree.toJson(root));
        }
        server.awaitSent();
    }
}
