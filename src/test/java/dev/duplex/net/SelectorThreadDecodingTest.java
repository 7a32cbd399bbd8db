package dev.duplex.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duplex.net.proxy.JdkWsClient;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.SelectorThreadDecoding;
import dev.duplex.net.server.ServerConfig;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.junit.jupiter.api.Test;

/**
 * The embedded server decodes on the selector thread that read the bytes (see {@link SelectorThreadDecoding}):
 * the echo's latency depends on it. Checked with the JDK's client over loopback, with far more reads than the
 * library's pool has buffers, so a buffer that did not go back to the pool would stop the server.
 */
class SelectorThreadDecodingTest {
    private static final int MESSAGES_PER_CONNECTION = 500;
    private static final int CONNECTIONS = 3;

    @Test
    void messagesAreDecodedOnTheSelectorThreadAndEveryOneIsEchoed() throws Exception {
        Set<String> decodingThreads = ConcurrentHashMap.newKeySet();
        LabServer server = new LabServer(e -> {
            if (e instanceof WsEvent.Received) decodingThreads.add(Thread.currentThread().getName());
        });
        server.start(new ServerConfig("127.0.0.1", 0, "", null));
        HttpClient http = HttpClient.newHttpClient();
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                runs.add(CompletableFuture.runAsync(() -> echoInTurn(http, server, connection)));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            server.stop();
        }
        assertEquals(1, decodingThreads.size(), "decoded on " + decodingThreads);
        assertTrue(decodingThreads.iterator().next().startsWith("WebSocketSelector-"), "decoded on " + decodingThreads);
    }

    /** One connection's messages, each sent when the one before came back. */
    private static void echoInTurn(HttpClient http, LabServer server, int connection) {
        JdkWsClient client = new JdkWsClient();
        try {
            WebSocket ws = JdkWsClient.connect(http, server.url(), client);
            for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                String m = "c" + connection + " m" + i;
                ws.sendText(m, true).get(10, TimeUnit.SECONDS);
                assertEquals(m, client.next());
            }
            ws.abort();
        } catch (Exception e) {
            throw new AssertionError("connection " + connection, e);
        }
    }

    @Test
    void aDecodeThatThrowsIsReportedAndItsBufferStillGoesBackToThePool() throws Exception {
        AtomicReference<RuntimeException> reported = new AtomicReference<>();
        List<WebSocketImpl> handedToDecoder = new ArrayList<>();
        WebSocketAdapter server = new WebSocketAdapter() {
            @Override public void onWebsocketMessage(org.java_websocket.WebSocket c, String m) { }
            @Override public void onWebsocketMessage(org.java_websocket.WebSocket c, ByteBuffer b) { }
            @Override public void onWebsocketOpen(org.java_websocket.WebSocket c, org.java_websocket.handshake.Handshakedata d) { }
            @Override public void onWebsocketClose(org.java_websocket.WebSocket c, int code, String r, boolean remote) { }
            @Override public void onWebsocketClosing(org.java_websocket.WebSocket c, int code, String r, boolean remote) { }
            @Override public void onWebsocketCloseInitiated(org.java_websocket.WebSocket c, int code, String r) { }
            @Override public void onWebsocketError(org.java_websocket.WebSocket c, Exception ex) { }
            @Override public void onWriteDemand(org.java_websocket.WebSocket c) { }
            @Override public java.net.InetSocketAddress getLocalSocketAddress(org.java_websocket.WebSocket c) { return null; }
            @Override public java.net.InetSocketAddress getRemoteSocketAddress(org.java_websocket.WebSocket c) { return null; }
        };
        IllegalStateException broken = new IllegalStateException("a fault in decoding");
        WebSocketImpl conn = new WebSocketImpl(server, new Draft_6455()) {
            @Override
            public void decode(ByteBuffer read) {
                throw broken;
            }
        };
        ByteBuffer read = ByteBuffer.wrap(new byte[] {1, 2, 3});
        conn.inQueue.put(read);
        SelectorThreadDecoding decoding = new SelectorThreadDecoding(server, (c, e) -> {
            assertSame(conn, c);
            reported.set(e);
        });

        decoding.decode(conn, handedToDecoder::add);

        assertSame(broken, reported.get());
        assertEquals(1, handedToDecoder.size(), "the buffer's carrier goes to a decoder");
        WebSocketImpl carrier = handedToDecoder.get(0);
        assertSame(read, carrier.inQueue.poll(), "the carrier holds the buffer that was read");
        carrier.decode(read); // what the decoder does with it: nothing, before giving it back
        assertTrue(conn.inQueue.isEmpty());
    }
}
