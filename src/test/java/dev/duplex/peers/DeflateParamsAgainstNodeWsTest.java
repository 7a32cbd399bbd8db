package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/**
 * permessage-deflate's parameters against Node's {@code ws}, with Duplex on either end: messages of 40 KB in
 * several frames both ways, with context takeover on and off and with narrowed windows. ws inflates with the
 * window agreed, in 64-byte chunks, so a back-reference past it fails the run ({@link NodeDeflatePeer}). The
 * frames our tap saw are compressed (RSV1 on each message's first frame only) and inflate to what was sent.
 */
class DeflateParamsAgainstNodeWsTest {
    private static final int COUNT = 8;
    private static final int SIZE = 40_000;
    private final EventRecorder events = new EventRecorder();
    private LabServer server;
    private WsClient client;
    private NodeScript nodeServer;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (client != null) client.close(1000, "");
        if (nodeServer != null) nodeServer.close();
    }

    /** Our server with {@code ours}, ws's client offering {@code offer}; returns the answer ws got. */
    private String nodeClientTalksToOurServer(DeflateParams ours, String offer) throws Exception {
        server = new LabServer(events);
        server.setDeflate(ours);
        server.start(new ServerConfig("127.0.0.1", 0, "", null));
        List<Map<String, String>> node = NodeDeflatePeer.client(server.url(), offer, COUNT, SIZE, 4);
        assertTrue(NodeWsClient.of(node, "error").isEmpty(), node.toString());
        List<String> sent = NodeWsClient.of(node, "sent").stream().map(l -> l.get("sha")).toList();
        List<String> echoed = NodeWsClient.of(node, "message").stream().map(l -> l.get("sha")).toList();
        assertEquals(COUNT, sent.size(), node.toString());
        assertEquals(sent, echoed, "every echo whole, in order");
        assertEquals("1000", NodeWsClient.of(node, "close").get(0).get("code"), node.toString());
        while (!(events.next() instanceof WsEvent.ClientLeft)) { } // the server's events before it, in order
        assertCompressedAndInflatingTo(sent, true, true);
        assertCompressedAndInflatingTo(sent, false, false); // the server echoes each message in one frame
        return NodeWsClient.of(node, "upgrade").get(0).get("extensions");
    }

    /** The tap's data frames one way: each message compressed (in several frames if so), inflating to {@code shas}. */
    private void assertCompressedAndInflatingTo(List<String> shas, boolean inbound, boolean inManyFrames) {
        List<FrameInfo> frames = events.wire().stream().filter(e -> e instanceof WsEvent.Frame)
                .map(e -> ((WsEvent.Frame) e).frame()).filter(f -> f.inbound() == inbound && !f.control()).toList();
        List<String> messages = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (FrameInfo f : frames) {
            if (f.opcode() != FrameInfo.CONTINUATION) {
                assertTrue(f.rsv1(), "a message's first frame is compressed: " + f);
            } else {
                assertFalse(f.rsv1(), "RSV1 on the first frame only");
            }
            assertNotNull(f.inflated(), "shown inflated: " + f);
            message.writeBytes(f.inflated());
            if (f.fin()) {
                messages.add(NodeDeflatePeer.sha256(message.toByteArray()));
                message.reset();
            }
        }
        assertEquals(shas, messages, (inbound ? "inbound" : "outbound") + " frames inflate to the messages");
        if (inManyFrames) assertTrue(frames.size() > shas.size() * 2, "messages of many frames: " + frames.size());
    }

    @Test
    void theOracleCatchesAReferencePastTheWindow() throws Exception {
        Map<String, String> oracle = NodeDeflatePeer.oracleCatchesAWideWindow();
        assertEquals("true", oracle.get("caught"), oracle.toString());
    }

    @Test
    void aBrowserLikeOfferIsTakenWithContextTakeover() throws Exception {
        String answer = nodeClientTalksToOurServer(DeflateParams.DEFAULT, "{}");
        assertEquals("permessage-deflate", answer);
    }

    @Test
    void everyParameterTheClientOffersIsHonoured() throws Exception {
        String answer = nodeClientTalksToOurServer(DeflateParams.DEFAULT, "{\"serverNoContextTakeover\":true,"
                + "\"clientNoContextTakeover\":true,\"serverMaxWindowBits\":9,\"clientMaxWindowBits\":10}");
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9", answer);
    }

    @Test
    void theServerNarrowsTheClientsWindowAndAsksForNoContext() throws Exception {
        DeflateParams ours = DeflateParams.typed("client_no_context_takeover; client_max_window_bits=9; server_max_window_bits=10");
        String answer = nodeClientTalksToOurServer(ours, "{}");
        assertEquals("permessage-deflate; client_no_context_takeover; client_max_window_bits=9", answer);
    }

    /** Our client with {@code ours} against ws's server with {@code options}; returns the answer it sent. */
    private String ourClientTalksToNodeServer(DeflateParams ours, String options) throws Exception {
        nodeServer = NodeDeflatePeer.server(options, 3);
        client = new WsClient(events);
        client.connect(URI.create("ws://127.0.0.1:" + nodeServer.port() + "/"),
                new ClientOptions(null, Map.of(), 5_000, List.of(), ours));
        events.await(WsEvent.Opened.class);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String text = i == 3 ? "" : words(i);
            sent.add(NodeDeflatePeer.sha256(text.getBytes(StandardCharsets.UTF_8)));
            client.sendFragmented(Payload.text(text), 8192);
        }
        for (int i = 0; i < COUNT; i++) {
            WsEvent.Received r = events.await(WsEvent.Received.class);
            assertEquals(sent.get(i), NodeDeflatePeer.sha256(r.payload().bytes()), "echo " + i);
        }
        String answer = nodeServer.await("\"answer\"");
        for (int i = 0; i < COUNT; i++) nodeServer.await("\"message\"");
        assertCompressedAndInflatingTo(sent, true, true);
        assertCompressedAndInflatingTo(sent, false, true);
        return answer;
    }

    /** About {@link #SIZE} bytes of words in a seeded random order: repeats at every distance, near and far. */
    private static String words(int seed) {
        String[] words = {"frame", "mask", "opcode", "压缩", "window", "context", "takeover", "消息", "payload", "echo"};
        java.util.Random random = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < SIZE / 2) sb.append(words[random.nextInt(words.length)]).append(random.nextInt(100)).append(' ');
        return sb.toString();
    }

    @Test
    void ourClientOffersAsABrowserDoes() throws Exception {
        String answer = ourClientTalksToNodeServer(DeflateParams.DEFAULT, "{}");
        assertTrue(answer.contains("\"offered\":\"permessage-deflate; client_max_window_bits\""), answer);
        assertTrue(answer.contains("\"extensions\":\"permessage-deflate"), answer);
    }

    @Test
    void ourClientAsksForEveryParameterAndKeepsToTheWindowsAgreed() throws Exception {
        DeflateParams ours = DeflateParams.typed(
                "server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=9");
        String answer = ourClientTalksToNodeServer(ours, "{}");
        assertTrue(answer.contains("server_max_window_bits=9"), answer);
        assertTrue(answer.contains("client_max_window_bits=9"), answer);
        assertTrue(answer.contains("client_no_context_takeover"), answer);
    }
}
