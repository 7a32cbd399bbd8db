package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/**
 * The embedded server's permessage-deflate switch against Node's {@code ws} client, which offers it: taken,
 * the messages go both ways compressed (RSV1 on the wire, as the server's tap saw them) and echo whole; off,
 * the offer is declined and the frames go plain.
 */
class DeflateAgainstNodeWsTest {
    private final EventRecorder events = new EventRecorder();
    private final LabServer server = new LabServer(events);

    @AfterEach
    void stop() {
        server.stop();
    }

    private List<Map<String, String>> talk(boolean deflate, String message) throws Exception {
        server.setDeflate(deflate);
        server.start(new ServerConfig("127.0.0.1", 0, "", null));
        URI url = server.url();
        return NodeProxyPeers.runClient(url, new NodeProxyPeers.Script(List.of(), Map.of("Origin", "http://127.0.0.1"),
                false, List.of(message), 1, 1000, "done"));
    }

    @Test
    void anOfferIsTakenAndTheFramesGoCompressedBothWays() throws Exception {
        String message = "compress me, compress me, compress me, 压缩我";
        List<Map<String, String>> client = talk(true, message);
        assertTrue(NodeProxyPeers.of(client, "open").get(0).get("extensions").contains("permessage-deflate"), client.toString());
        assertEquals(message, NodeProxyPeers.of(client, "message").get(0).get("data"), "inflated whole");
        while (!(events.next() instanceof WsEvent.ClientLeft)) { } // the events before it, in order
        List<FrameInfo> text = events.wire().stream().filter(e -> e instanceof WsEvent.Frame).map(e -> ((WsEvent.Frame) e).frame())
                .filter(f -> f.opcode() == FrameInfo.TEXT).toList();
        assertEquals(2, text.size(), text.toString());
        for (FrameInfo f : text) assertTrue(f.rsv1(), "compressed on the wire: " + f);
        WsEvent.Handshake h = (WsEvent.Handshake) events.wire().stream().filter(e -> e instanceof WsEvent.Handshake).findFirst().orElseThrow();
        assertTrue(h.record().responseHeader("Sec-WebSocket-Extensions").startsWith("permessage-deflate"), h.record().response());
    }

    @Test
    void offByDefaultTheOfferIsDeclined() throws Exception {
        List<Map<String, String>> client = talk(false, "plain");
        assertEquals("", NodeProxyPeers.of(client, "open").get(0).get("extensions"), client.toString());
        while (!(events.next() instanceof WsEvent.ClientLeft)) { } // the events before it, in order
        assertTrue(events.wire().stream().filter(e -> e instanceof WsEvent.Frame).map(e -> ((WsEvent.Frame) e).frame())
                .noneMatch(FrameInfo::rsv1));
    }
}
