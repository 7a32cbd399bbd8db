package dev.duplex.peers;

import static dev.duplex.peers.ExternalPrograms.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;

/**
 * Our {@link WsClient} against the seed's own Go server (golang.org/x/net/websocket), built from
 * {@code ../shared/peers/seed-go-server}. It can only listen on :8080, at /shiming.
 */
class SeedGoServerTest {
    private static final int PORT = 8080;
    private static final URI URL = URI.create("ws://127.0.0.1:" + PORT + "/shiming");
    private static final String ORIGIN = "http://localhost:8080";
    private static final long START_LIMIT_MS = 20_000;

    private static Process server;
    private static Path serverLog;

    private final EventRecorder events = new EventRecorder();
    private final WsClient client = new WsClient(events);

    /** Why the server cannot run here (a missing program, port 8080 taken), or null once it runs. */
    private static String unavailable;
    /** What went wrong starting it, when something did. */
    private static Throwable broken;
    private static boolean attempted;

    /**
     * Builds and starts the server once per run, on the first test. Done here rather than in a
     * {@code @BeforeAll} so that a skip is reported per test with its reason, not as a silent empty class.
     */
    @BeforeEach
    void seedServerRunning() {
        synchronized (SeedGoServerTest.class) {
            if (!attempted) {
                attempted = true;
                try {
                    unavailable = buildAndStart();
                } catch (Throwable t) {
                    broken = t;
                }
            }
        }
        if (broken != null) fail("the seed's Go server did not start", broken);
        require(unavailable == null, unavailable);
    }

    /** Returns why the server cannot run here, or null once it listens; fails on anything else. */
    private static String buildAndStart() throws Exception {
        Path script = ExternalPrograms.peersDir().resolve("seed-go-server/build.sh");
        if (!Files.isRegularFile(script)) return "the seed's Go server is not at " + script;
        // Without go, build.sh would apt-get it: only CI may do that; a developer's run skips instead.
        boolean goThere = ExternalPrograms.onPath("go")
                && Files.isDirectory(Path.of("/usr/share/gocode/src/golang.org/x/net/websocket"));
        if (!goThere && !ExternalPrograms.underCi()) {
            return "go (golang-go) and golang.org/x/net/websocket (golang-golang-x-net-dev) are needed to"
                    + " build the seed's Go server";
        }
        Path dir = Files.createDirectories(ExternalPrograms.buildDir().resolve("seed-go-server.d"));
        Path binary = ExternalPrograms.buildDir().resolve("seed-go-server");
        Path buildLog = dir.resolve("build.log");
        Process build = new ProcessBuilder("bash", script.toString(), binary.toString())
                .redirectErrorStream(true).redirectOutput(buildLog.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor();
            fail("building the seed's Go server took over 5 minutes; " + read(buildLog));
        }
        assertEquals(0, build.exitValue(), () -> "build.sh failed: " + read(buildLog));

        if (!portFree(PORT)) {
            return "port " + PORT + " is taken by another program, and the seed's Go server can listen nowhere else";
        }
        serverLog = dir.resolve("server.log");
        server = new ProcessBuilder(binary.toString()).redirectErrorStream(true)
                .redirectOutput(serverLog.toFile()).start();
        awaitListening(server);
        return null;
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server == null) return;
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    @AfterEach
    void closeClient() {
        client.close(1000, "");
    }

    @Test
    void answersOurClientWithTheSeedReply() throws Exception {
        client.connect(URL, new ClientOptions(ORIGIN, Map.of(), 5_000));
        WsEvent.Opened opened = events.next(WsEvent.Opened.class);
        assertEquals(URL, opened.url());

        for (String message : new String[] {"hello", "你好 ✓"}) {
            client.send(message);
            WsEvent.Received received = events.await(WsEvent.Received.class);
            assertEquals("我已经收到消息 Received:" + message, received.payload().text(), () -> "server log: " + log());
            assertFalse(received.payload().isBinary());
        }
    }

    @Test
    void refusesAHandshakeWithoutOrigin() throws Exception {
        client.connect(URL, new ClientOptions(null, Map.of(), 5_000));

        // As a browser would: onerror, then onclose(1006); never onopen.
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.HANDSHAKE_REFUSED, failed.problem().kind(), failed::toString);
        assertTrue(failed.problem().detail().contains("403"), failed::toString);
        WsEvent.Closed closed = events.next(WsEvent.Closed.class);
        assertEquals(1006, closed.code());
        assertFalse(closed.wasClean());
    }

    @Test
    void answersACloseFrameWithoutOneOnTheWire() throws Exception {
        // What the seed's server does, seen on the wire: golang.org/x/net/websocket takes a close frame
        // for the end of input (io.EOF), the handler returns, and the TCP connection is closed, without
        // a close frame in reply.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5_000);
            socket.setSoTimeout((int) EventRecorder.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET /shiming HTTP/1.1\r\nHost: 127.0.0.1:" + PORT + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + ORIGIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = readHead(in);
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            // RFC 6455's own worked example of the key and its accept value.
            assertTrue(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), response);

            // A masked close frame with code 1000: FIN + opcode 8, MASK + length 2, the key, the payload.
            byte[] key = {0x12, 0x34, 0x56, 0x78};
            out.write(new byte[] {(byte) 0x88, (byte) 0x82, key[0], key[1], key[2], key[3],
                    (byte) (0x03 ^ key[0]), (byte) (0xE8 ^ key[1])});
            out.flush();

            byte[] rest = in.readAllBytes(); // until the server closes; the timeout fails the test
            assertEquals(0, rest.length, () -> "expected the connection to end with no close frame; got "
                    + HexFormat.ofDelimiter(" ").formatHex(rest));
        }
    }

    @Test
    void ourCloseWith1000EndsWithoutTheServersCloseFrame() throws Exception {
        client.connect(URL, new ClientOptions(ORIGIN, Map.of(), 5_000));
        events.next(WsEvent.Opened.class);

        client.close(1000, "bye");

        WsEvent.Closed closed = events.next(WsEvent.Closed.class);
        // The server never answers our close frame (see the test above): it just drops the connection.
        // Chromium then reports onclose(1006, wasClean false), and so do we. (Java-WebSocket on its own
        // would report the code *we* sent as a clean close: WsClient reads on for the server's answer.)
        assertEquals(1006, closed.code(), () -> "events " + events.history());
        assertEquals("", closed.reason());
        assertFalse(closed.wasClean());
        assertFalse(closed.byServer(), "we started the close");
        assertEquals(List.of(WsEvent.Opened.class, WsEvent.Closed.class),
                events.history().stream().map(Object::getClass).toList(), "no error on the way");
    }

    // ---- the process ----

    private static boolean portFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until the process accepts TCP on 127.0.0.1:8080: each attempt is a real connect; between
     * attempts it waits on the process itself, so that a server that dies (say, port taken) ends the
     * wait at once with its own words.
     */
    private static void awaitListening(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_LIMIT_MS);
        for (int attempt = 1; attempt <= 200 && System.nanoTime() < deadline; attempt++) {
            if (!p.isAlive()) fail("the seed's Go server exited with " + p.exitValue() + ": " + log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                return;
            } catch (IOException notYet) {
                // not listening yet: back off briefly, waking at once should the process exit
                if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    fail("the seed's Go server exited with " + p.exitValue() + ": " + log());
                }
            }
        }
        fail("the seed's Go server did not accept connections on 127.0.0.1:" + PORT + " within "
                + START_LIMIT_MS + " ms: " + log());
    }

    /** The HTTP head of a response, up to and including the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) fail("the connection ended inside the response head: " + head);
            head.write(c);
            byte[] b = head.toByteArray();
            int n = b.length;
            if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (n > 16_384) fail("no end to the response head: " + head);
        }
    }

    private static String log() {
        return serverLog == null ? "" : read(serverLog);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
