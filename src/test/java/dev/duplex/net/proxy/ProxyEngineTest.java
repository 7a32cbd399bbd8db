package dev.duplex.net.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.protocol.AcceptCheck;

/**
 * The proxy's engine between the JDK's own WebSocket client (a real peer nobody here wrote) and an
 * upstream: our lab server, or a hand-written one that never answers some upgrades, to show that a
 * client waiting for a slow upstream holds up no other client.
 */
class ProxyEngineTest {
    private final ProxyRecorder events = new ProxyRecorder();
    private final ProxyServer proxy = new ProxyServer(events);
    private final LabServer upstream = new LabServer(e -> { });
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerSocket rawUpstream;
    /** Every socket the raw upstream accepted: one only held by a local would be closed by its cleaner at a GC. */
    private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        proxy.stop();
        upstream.stop();
        if (rawUpstream != null) rawUpstream.close();
        for (Socket s : accepted) s.close();
    }

    private URI startProxy(URI to, int connectTimeoutMs) throws Exception {
        int port = proxy.start(ProxyConfig.of(0, to).withConnectTimeout(connectTimeoutMs)).getPort();
        return URI.create("ws://127.0.0.1:" + port);
    }

    @Test
    void anEchoGoesThroughBothLegsAndTheCloseWithIt() throws Exception {
        URI up = URI.create("ws://127.0.0.1:" + upstream.start(new ServerConfig("127.0.0.1", 0, "/echo", ReplyTemplate.ECHO)).getPort() + "/");
        URI through = startProxy(up, 0);
        JdkWsClient listener = new JdkWsClient();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(through.resolve("/echo?x=1"), listener).get(10, TimeUnit.SECONDS);
        ProxyEvent.Opened opened = events.await(ProxyEvent.Opened.class);
        assertEquals(URI.create(up + "echo?x=1"), opened.upstream());
        ws.sendText("hello through", true);
        assertEquals("hello through", listener.next());
        ws.sendClose(4001, "client bye");
        ProxyEvent.Closed closed = events.await(ProxyEvent.Closed.class);
        assertEquals(Leg.CLIENT, closed.first());
        assertEquals(4001, closed.code());
        assertEquals(4001, closed.passedCode());
        assertEquals("client bye", closed.passedReason());
        // Both legs' frames were seen: the client's masked text in, the server's echo out, and the same upstream.
        List<ProxyEvent.Wire> wire = events.all(ProxyEvent.Wire.class);
        assertTrue(wire.stream().anyMatch(w -> w.leg() == Leg.CLIENT && w.event() instanceof WsEvent.Frame f
                && f.frame().inbound() && f.frame().masked()), wire::toString);
        assertTrue(wire.stream().anyMatch(w -> w.leg() == Leg.UPSTREAM && w.event() instanceof WsEvent.Frame f
                && !f.frame().inbound() && f.frame().masked()), wire::toString);
        assertTrue(wire.stream().anyMatch(w -> w.leg() == Leg.UPSTREAM && w.event() instanceof WsEvent.Handshake), wire::toString);
    }

    @Test
    void aClientWaitingForASilentUpstreamHoldsUpNoOtherClient() throws Exception {
        rawUpstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::answerAllButSlow, "raw-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
        // The slow upstream is given up on after 2 x 3 s; each fast client must open well within that.
        URI through = startProxy(URI.create("ws://127.0.0.1:" + rawUpstream.getLocalPort() + "/"), 3_000);

        CompletableFuture<WebSocket> slow = http.newWebSocketBuilder().buildAsync(through.resolve("/slow"), new JdkWsClient());
        events.await(ProxyEvent.Arrived.class, a -> a.target().equals("/slow"));
        // Both of the library's decoders (at least) get a connection to decode while the slow one waits.
        for (int i = 0; i < 3; i++) {
            WebSocket fast = http.newWebSocketBuilder().buildAsync(through.resolve("/fast" + i), new JdkWsClient())
                    .get(2, TimeUnit.SECONDS);
            fast.abort();
        }
        assertFalse(slow.isDone(), "the slow client is still waiting for its upstream");
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> slow.get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
        assertEquals(504, refused.getResponse().statusCode(), "the upstream did not answer in time");
        ProxyEvent.Refused said = events.await(ProxyEvent.Refused.class);
        assertEquals(504, said.status());
    }

    /** Answers every upgrade with 101, except those for /slow, which it never answers. */
    private void answerAllButSlow() {
        while (!rawUpstream.isClosed()) {
            try {
                Socket s = rawUpstream.accept();
                accepted.add(s);
                String head = readHead(s.getInputStream());
                if (head.startsWith("GET /slow")) continue; // held open, never answered
                String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + AcceptCheck.of(key).expectedAccept() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            head.append((char) c);
        }
        return head.toString();
    }
}
