package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.peers.JdkClientAgainstServerTest.JdkPeer;

/**
 * The Node ws fixture, checked with a client that shares nothing with it: the JDK's own
 * {@link java.net.http.WebSocket} (which offers subprotocols but not permessage-deflate), and a raw socket
 * for what the JDK client cannot offer.
 */
class NodeWsServerTest {
    private static final long TIMEOUT_S = NodeWsServer.TIMEOUT.toSeconds();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NodeWsServer server;
    private WebSocket socket;

    @AfterEach
    void tearDown() throws Exception {
        if (socket != null) socket.abort();
        if (server != null) server.close();
    }

    @Test
    void picksTheFirstOfferedSubprotocolItSupports() throws Exception {
        // The server lists chat.v1 first, but the client offers chat.v2 first: the client's order wins.
        server = NodeWsServer.start(NodeWsServer.Options.defaults().withSubprotocols("chat.v1", "chat.v2"));
        socket = HTTP.newWebSocketBuilder().subprotocols("superchat", "chat.v2", "chat.v1")
                .buildAsync(server.uri("/lab?x=1"), new JdkPeer()).get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals("chat.v2", socket.getSubprotocol());
        NodeWsServer.Handshake h = server.nextHandshake();
        assertEquals("chat.v2", h.protocol(), h.json());
        assertEquals("superchat, chat.v2, chat.v1", h.header("Sec-WebSocket-Protocol"), h.json());
        assertEquals("/lab?x=1", h.url());
        assertEquals("", h.extensions());
        assertEquals("HTTP/1.1 101 Switching Protocols", h.response().get(0), h.json());
        assertTrue(h.response().contains("Sec-WebSocket-Protocol: chat.v2"), h.json());
    }

    @Test
    void choosesNoSubprotocolWhenItSupportsNoneOffered() throws Exception {
        server = NodeWsServer.start(NodeWsServer.Options.defaults().withSubprotocols("chat.v1"));
        socket = HTTP.newWebSocketBuilder().subprotocols("superchat")
                .buildAsync(server.uri(), new JdkPeer()).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("", socket.getSubprotocol());
        NodeWsServer.Handshake h = server.nextHandshake();
        assertEquals("", h.protocol(), h.json());
        assertFalse(h.response().stream().anyMatch(l -> l.toLowerCase().startsWith("sec-websocket-protocol")), h.json());
    }

    @Test
    void customHeadersArriveAndMessagesEcho() throws Exception {
        server = NodeWsServer.start();
        JdkPeer peer = new JdkPeer();
        socket = HTTP.newWebSocketBuilder().header("X-Duplex-Test", "lab 42").header("Authorization", "Bearer t0k3n")
                .buildAsync(server.uri(), peer).get(TIMEOUT_S, TimeUnit.SECONDS);

        NodeWsServer.Handshake h = server.nextHandshake();
        assertEquals("lab 42", h.header("x-duplex-test"), h.json());
        assertEquals("lab 42", h.header("X-Duplex-Test"), "names in any case");
        assertEquals("Bearer t0k3n", h.header("authorization"), h.json());
        assertEquals("13", h.header("sec-websocket-version"));
        assertNull(h.header("sec-websocket-extensions"), "the JDK client offers no extension");
        assertTrue(h.rawHeaders().contains("X-Duplex-Test") || h.rawHeaders().contains("x-duplex-test"), h.json());

        for (String text : new String[] {"hello", "héllo 你好 ✓ 𝄞", "x".repeat(100_000)}) {
            socket.sendText(text, true).get(TIMEOUT_S, TimeUnit.SECONDS);
            assertEquals(text, peer.nextMessage(String.class), "a text echo comes back as text");
        }
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        bytes[0] = (byte) 0xFF; // not UTF-8: a binary echo must not pass through text
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertArrayEquals(bytes, peer.nextMessage(byte[].class), "a binary echo comes back as binary, byte for byte");

        socket.sendClose(1000, "done").get(TIMEOUT_S, TimeUnit.SECONDS);
        JdkPeer.Close close = peer.closed.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(1000, close.code(), "ws answers a close with the same code");
    }

    @Test
    void perMessageDeflateIsNegotiatedOnlyWhenOn() throws Exception {
        for (boolean on : new boolean[] {true, false}) {
            try (NodeWsServer s = NodeWsServer.start(NodeWsServer.Options.defaults().withPerMessageDeflate(on))) {
                String head = rawHandshake(s.port(), "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
                assertTrue(head.startsWith("HTTP/1.1 101 "), head);
                assertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
                assertEquals(on, head.toLowerCase().contains("sec-websocket-extensions: permessage-deflate"), "on=" + on + ": " + head);
                NodeWsServer.Handshake h = s.nextHandshake();
                assertEquals(on, h.extensions().startsWith("permessage-deflate"), h.json());
                assertEquals("permessage-deflate; client_max_window_bits", h.header("sec-websocket-extensions"));
            }
        }
    }

    @Test
    void closeEndsTheProcess() throws Exception {
        NodeWsServer s = NodeWsServer.start();
        int port = s.port();
        assertTrue(port > 0 && port < 65536, "port " + port);
        assertTrue(s.isAlive());
        s.close();
        assertFalse(s.isAlive());
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
        });
        assertTrue(s.output().get(0).startsWith("LISTENING "), String.join("\n", s.output()));
    }

    @Test
    void parsesTheHandshakeLine() throws Exception {
        NodeWsServer.Handshake h = NodeWsServer.parseHandshake("{\"url\":\"/p\",\"headers\":{\"host\":\"h:1\",\"x-a\":\"b, c\"},"
                + "\"rawHeaders\":[\"Host\",\"h:1\"],\"protocol\":\"\",\"extensions\":\"\",\"response\":[\"HTTP/1.1 101 Switching Protocols\"],"
                + "\"extra\":{\"nested\":[1,2]}}");
        assertEquals("/p", h.url());
        assertEquals("h:1", h.header("HOST"));
        assertEquals("b, c", h.header("X-A"));
        assertEquals(List.of("Host", "h:1"), h.rawHeaders());
        assertEquals(List.of("HTTP/1.1 101 Switching Protocols"), h.response());
    }

    /** A handshake by hand, with RFC 6455's example key, and the response head as text. */
    private static String rawHandshake(int port, String extraHeaders) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) NodeWsServer.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                String s = head.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) return s;
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
