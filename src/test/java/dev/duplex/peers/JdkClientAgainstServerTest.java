package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.Problem;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.WsEvent;

/**
 * Another real client, the JDK's own {@link java.net.http.WebSocket}, against our {@link LabServer} on an
 * ephemeral loopback port: nothing in common with Java-WebSocket but the RFC.
 */
class JdkClientAgainstServerTest {
    private static final long TIMEOUT_S = EventRecorder.TIMEOUT.toSeconds();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EventRecorder serverEvents = new EventRecorder();
    private final LabServer server = new LabServer(serverEvents);
    private WebSocket socket;

    @AfterEach
    void tearDown() {
        if (socket != null) socket.abort();
        server.stop();
    }

    /** Starts our server and returns ws://127.0.0.1:PORT (no path). */
    private String start(String path, ReplyTemplate reply) throws Exception {
        InetSocketAddress bound = server.start(new ServerConfig("127.0.0.1", 0, path, reply));
        serverEvents.next(WsEvent.Listening.class);
        return "ws://127.0.0.1:" + bound.getPort();
    }

    private WebSocket open(String url, JdkPeer peer) throws Exception {
        return HTTP.newWebSocketBuilder().buildAsync(URI.create(url), peer).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Test
    void textEchoesExactly() throws Exception {
        String base = start("", ReplyTemplate.ECHO);
        JdkPeer peer = new JdkPeer();
        socket = open(base + "/", peer);
        serverEvents.await(WsEvent.ClientJoined.class);

        // Short, non-ASCII (several UTF-8 bytes per char, one outside the BMP) and long enough that the
        // JDK hands it to the listener in parts.
        String big = "0123456789abcdef".repeat(20_000);
        for (String text : new String[] {"hello", "héllo 你好 ✓ 𝄞", big}) {
            socket.sendText(text, true).get(TIMEOUT_S, TimeUnit.SECONDS);
            assertEquals(text, peer.nextMessage(String.class), "the echo of a " + text.length() + "-char text");
            WsEvent.Received received = serverEvents.await(WsEvent.Received.class);
            assertEquals(text, received.payload().text());
            assertFalse(received.payload().isBinary());
        }
    }

    @Test
    void binaryEchoesByteForByte() throws Exception {
        // Under the seed's template too: a text template must never touch binary data.
        String base = start("", ReplyTemplate.SEED);
        JdkPeer peer = new JdkPeer();
        socket = open(base + "/", peer);

        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) every[i] = (byte) i;
        byte[] random = new byte[200_000];
        new Random(6455).nextBytes(random);
        for (byte[] data : new byte[][] {every, random, new byte[0]}) {
            socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT_S, TimeUnit.SECONDS);
            assertArrayEquals(data, peer.nextMessage(byte[].class), "the echo of " + data.length + " bytes");
            WsEvent.Received received = serverEvents.await(WsEvent.Received.class);
            assertTrue(received.payload().isBinary());
            assertArrayEquals(data, received.payload().bytes());
        }
    }

    @Test
    void serverSeesJoinWithPathAndOrigin() throws Exception {
        String base = start("", ReplyTemplate.ECHO);
        // The JDK lets a caller set Origin (only Sec-WebSocket-* and the HTTP client's own restricted
        // headers are refused), so a JDK client can pose as a page.
        socket = HTTP.newWebSocketBuilder()
                .header("Origin", "http://page.example:8000")
                .buildAsync(URI.create(base + "/jdk/peer?room=1"), new JdkPeer())
                .get(TIMEOUT_S, TimeUnit.SECONDS);

        WsEvent.ClientJoined joined = serverEvents.await(WsEvent.ClientJoined.class);
        assertEquals("/jdk/peer", joined.path(), "the path, without the query");
        assertEquals("http://page.example:8000", joined.origin());
        assertEquals(1, joined.clients());
        assertTrue(joined.peer().startsWith("127.0.0.1:"), joined.peer());
        assertEquals(1, server.clientCount());
    }

    @Test
    void serverSeesNoOriginWhenTheJdkSendsNone() throws Exception {
        String base = start("", ReplyTemplate.ECHO);
        socket = open(base + "/", new JdkPeer());
        assertEquals("", serverEvents.await(WsEvent.ClientJoined.class).origin(),
                "the JDK's client sends no Origin of its own");
    }

    @Test
    void closeFromTheJdkWith1000() throws Exception {
        String base = start("", ReplyTemplate.ECHO);
        JdkPeer peer = new JdkPeer();
        socket = open(base + "/", peer);
        serverEvents.await(WsEvent.ClientJoined.class);

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT_S, TimeUnit.SECONDS);

        WsEvent.ClientLeft left = serverEvents.await(WsEvent.ClientLeft.class);
        assertEquals(1000, left.code());
        assertEquals("bye", left.reason());
        assertTrue(left.byClient(), "the client started the closing");
        assertEquals(0, left.clients());
        // The server answered the close frame: the JDK saw the closing handshake complete.
        JdkPeer.Close close = peer.closed.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(1000, close.code());
    }

    @Test
    void pathRestrictedServerRefusesOtherPathsWith404AndAcceptsItsOwn() throws Exception {
        String base = start("/shiming", ReplyTemplate.ECHO);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> HTTP.newWebSocketBuilder().buildAsync(URI.create(base + "/other"), new JdkPeer())
                        .get(TIMEOUT_S, TimeUnit.SECONDS));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                refused.getCause(), "the JDK's reason for the refusal");
        assertEquals(404, handshake.getResponse().statusCode());
        WsEvent.Failed failed = serverEvents.await(WsEvent.Failed.class);
        assertEquals(new Problem(Problem.Kind.WRONG_PATH, "/other"), failed.problem());

        JdkPeer peer = new JdkPeer();
        socket = open(base + "/shiming", peer);
        WsEvent.ClientJoined joined = serverEvents.await(WsEvent.ClientJoined.class);
        assertEquals("/shiming", joined.path());
        assertEquals(1, joined.clients(), "the refused client never counted");
        socket.sendText("still here", true).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("still here", peer.nextMessage(String.class));
    }

    @Test
    void seedTemplateAnswersLikeTheGoServer() throws Exception {
        String base = start("/shiming", ReplyTemplate.SEED);
        JdkPeer peer = new JdkPeer();
        socket = open(base + "/shiming", peer);

        socket.sendText("hi", true).get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals("我已经收到消息 Received:hi", peer.nextMessage(String.class));
        WsEvent.Sent sent = serverEvents.await(WsEvent.Sent.class);
        assertEquals("我已经收到消息 Received:hi", sent.payload().text());
    }

    /** The JDK side: whole messages (text as String, binary as byte[]) in a queue, and the close. */
    static final class JdkPeer implements WebSocket.Listener {
        record Close(int code, String reason) { }

        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
            messages.add(error);
        }

        <T> T nextMessage(Class<T> type) throws InterruptedException {
            Object m = messages.poll(TIMEOUT_S, TimeUnit.SECONDS);
            if (m == null) fail("the JDK client got no message within " + TIMEOUT_S + " s");
            if (m instanceof Throwable t) fail("the JDK client failed", t);
            return assertInstanceOf(type, m);
        }
    }
}
