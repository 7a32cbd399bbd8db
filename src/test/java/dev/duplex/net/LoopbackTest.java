package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Our client against our server over real loopback sockets, on ephemeral ports. */
class LoopbackTest extends OurServerAndClient {
    private URI start(ServerConfig config) throws Exception {
        InetSocketAddress bound = server.start(config);
        assertTrue(bound.getPort() > 0);
        return server.url();
    }

    private static ServerConfig ephemeral(String path, ReplyTemplate reply) {
        return new ServerConfig("127.0.0.1", 0, path, reply);
    }

    @Test
    void echoesTextAndBinaryAndClosesNormally() throws Exception {
        URI url = start(ephemeral("", ReplyTemplate.ECHO));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Opened opened = clientEvents.next(WsEvent.Opened.class);
        assertEquals(url, opened.url());

        WsEvent.ClientJoined joined = serverEvents.next(WsEvent.ClientJoined.class);
        assertEquals("/", joined.path());
        assertEquals("http://127.0.0.1:" + url.getPort(), joined.origin());
        assertEquals(1, joined.clients());

        client.send("你好 hello");
        assertEquals("你好 hello", clientEvents.next(WsEvent.Sent.class).payload().text());
        assertEquals("你好 hello", serverEvents.next(WsEvent.Received.class).payload().text());
        assertEquals("你好 hello", clientEvents.next(WsEvent.Received.class).payload().text());

        byte[] data = {0, 1, 2, (byte) 0xFF, (byte) 0x80};
        client.send(data);
        Payload echoed = clientEvents.next(WsEvent.Received.class).payload();
        assertTrue(echoed.isBinary());
        assertArrayEquals(data, echoed.bytes());

        client.close(1000, "bye");
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(1000, closed.code());
        assertTrue(closed.wasClean());
        assertFalse(closed.byServer());
        WsEvent.ClientLeft left = serverEvents.next(WsEvent.ClientLeft.class);
        assertEquals(1000, left.code());
        assertEquals("bye", left.reason());
        assertEquals(0, left.clients());
    }

    @Test
    void replyTemplateAnswersLikeTheSeedServer() throws Exception {
        URI url = start(ephemeral("/shiming", ReplyTemplate.SEED));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        client.send("hi");
        assertEquals("我已经收到消息 Received:hi", clientEvents.next(WsEvent.Received.class).payload().text());
        assertEquals("我已经收到消息 Received:hi", serverEvents.next(WsEvent.Sent.class).payload().text());
    }

    @Test
    void wrongPathIsRefusedWith404AndTheClientSaysSo() throws Exception {
        URI url = start(ephemeral("/shiming", ReplyTemplate.ECHO));
        URI other = URI.create("ws://127.0.0.1:" + url.getPort() + "/other");
        client.connect(other, ClientOptions.browserLike(other));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.HANDSHAKE_REFUSED, failed.problem().kind());
        assertTrue(failed.problem().detail().startsWith("HTTP 404"), failed.problem().detail());
        assertEquals(1006, clientEvents.next(WsEvent.Closed.class).code());
        WsEvent.Failed serverSide = serverEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.WRONG_PATH, serverSide.problem().kind());
        assertEquals("/other", serverSide.problem().detail());
    }

    @Test
    void connectionRefusedIsNamedAndClosesWith1006() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free again once closed: nothing listens there now
        }
        URI url = URI.create("ws://127.0.0.1:" + port + "/");
        client.connect(url, new ClientOptions(null, Map.of(), 5_000));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.CONNECTION_REFUSED, failed.problem().kind());
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(1006, closed.code());
        assertFalse(closed.wasClean());
    }

    @Test
    void unknownHostIsNamed() throws Exception {
        URI url = URI.create("ws://no-such-host.invalid/");
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.UNKNOWN_HOST, failed.problem().kind());
        assertTrue(failed.problem().detail().contains("no-such-host.invalid"), failed.problem().detail());
    }

    @Test
    void portInUseIsAnAnswerNotALogLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            ServerStartException e = assertThrows(ServerStartException.class,
                    () -> server.start(new ServerConfig("127.0.0.1", taken.getLocalPort(), "", null)));
            assertEquals(Problem.Kind.PORT_IN_USE, e.problem().kind());
            assertEquals("127.0.0.1:" + taken.getLocalPort(), e.problem().detail());
        }
        assertFalse(server.isRunning());
    }

    @Test
    void aBindAddressOfAnotherMachineIsRefusedPlainly() {
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> server.start(new ServerConfig("192.0.2.1", 0, "", null)));
        assertEquals(Problem.Kind.BAD_BIND_ADDRESS, e.problem().kind());
    }

    @Test
    void stoppingClosesClientsWith1001AndTheSamePortRestartsAtOnce() throws Exception {
        URI url = start(ephemeral("", null));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        server.stop();
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(1001, closed.code());
        assertTrue(closed.byServer());
        serverEvents.next(WsEvent.Stopped.class);

        server.start(new ServerConfig("127.0.0.1", url.getPort(), "", null));
        assertEquals(url, server.url());
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
    }

    @Test
    void allInterfacesIsReported() throws Exception {
        server.start(new ServerConfig("0.0.0.0", 0, "", null));
        WsEvent.Listening listening = serverEvents.next(WsEvent.Listening.class);
        assertTrue(listening.allInterfaces());
        assertEquals("127.0.0.1", listening.url().getHost());
    }

    @Test
    void stoppingLeavesNoLibraryThreadBehind() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        URI url = start(ephemeral("", null));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        java.util.Set<Thread> during = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        during.removeAll(before);
        java.util.List<Thread> serverThreads = during.stream()
                .filter(t -> t.getName().startsWith("WebSocketSelector") || t.getName().startsWith("WebSocketWorker")
                        || t.getName().equals("duplex-write-watch") || t.getName().startsWith("connectionLostChecker"))
                .toList();
        assertTrue(serverThreads.size() >= 2, "saw the server's threads: " + serverThreads);
        assertTrue(serverThreads.stream().allMatch(Thread::isDaemon), "library threads never keep the JVM alive");
        long t0 = System.nanoTime();
        server.stop();
        assertTrue(System.nanoTime() - t0 < java.util.concurrent.TimeUnit.SECONDS.toNanos(3), "stop is bounded");
        for (Thread t : serverThreads) {
            t.join(5_000); // waits for the thread's end, bounded
            assertFalse(t.isAlive(), t.getName() + " still running after stop");
        }
    }
}
