package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.duplex.cli.Cli;

/**
 * {@code duplex connect --decode socket.io} against npm's socket.io server (not ours): the Engine.IO open and
 * the default namespace joined, events decoded with their arguments, a binary attachment collected, emits
 * with and without an ack (the ACK paired with its emit), an ack the server asked for, another namespace
 * joined with auth, typing mistakes said without sending, and the heartbeat both answered and, with
 * {@code --no-heartbeat}, left for the server's ping timeout. The server's own printout is the proof of what
 * arrived there.
 */
class SocketIoOnTheCommandLineTest {
    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();

    private CompletableFuture<Integer> connect(PipedInputStream stdin, String... args) {
        return ConsoleLines.connect(stdin, out, err, args);
    }

    @Test
    void speaksSocketIoWithARealServer() throws Exception {
        try (NodeSocketIoServer server = NodeSocketIoServer.start(25_000, 20_000)) {
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = connect(stdin, "connect", "--decode", "socket.io",
                    server.address().toString());

            out.await("onopen", "/socket.io/?EIO=4&transport=websocket");
            out.await("Engine.IO open", "25000", "20000");
            server.await("\"ns\":\"/\"");
            out.await("Socket.IO", "welcome", "[\"hello\", {\"n\":1}]");
            out.await("Socket.IO", "question", "[\"are you there?\"]", "0");
            out.await("Socket.IO", "file", "5 B");

            type.println("/ack 0 \"yes\"");
            assertTrue(server.await("answer").contains("\"answer\":\"yes\""));

            type.println("/emit chat \"hi there\" 42");
            assertTrue(server.await("\"ev\":\"chat\"").contains("[\"hi there\",42]"));
            out.await("Socket.IO", "chat", "[\"hi there\", 42]");

            type.println("/emit --ack ask {\"q\":1}");
            assertTrue(server.await("\"ev\":\"ask\"").contains("{\"q\":1}"));
            String ack = out.await("Socket.IO ACK 0", "ask", "{\"got\":{\"q\":1}}");
            assertTrue(ack.contains(" ms"), ack);

            type.println("/emit --binary 48656c6c6f --binary ff upload \"a.bin\"");
            out.await("Socket.IO BINARY_EVENT on / with 2 binary attachment(s)");
            assertTrue(server.await("\"ev\":\"upload\"").contains("\"name\":\"a.bin\",\"bytes\":[72,101,108,108,111]"));
            type.println("/emit --binary xyz upload");
            err.await("--binary takes hex digits");

            type.println("/join /admin {\"token\":\"abc\"}");
            assertTrue(server.await("\"ns\":\"/admin\"").contains("\"token\":\"abc\""));
            out.await("Socket.IO", "hi-admin", "/admin");

            type.println("/emit");
            err.await("/emit [--ack]");
            type.println("/emit chat {broken");
            err.await("JSON");
            type.println("/leave admin");
            err.await("/leave /");

            type.close();
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            // Our close frame at the end of input ends the transport: the server says so in its own words.
            String gone = server.await("disconnect");
            assertTrue(gone.contains("transport close"), gone);
        }
    }

    @Test
    void answersTheHeartbeatUnlessToldNotTo() throws Exception {
        try (NodeSocketIoServer server = NodeSocketIoServer.start(200, 200)) {
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = connect(stdin, "connect", "--decode", "auto",
                    server.address() + "/socket.io/");
            server.await("\"ns\":\"/\"");
            // Three pings answered take longer than the server's interval plus timeout (400 ms): a client that
            // did not answer would have been dropped by now, and the server would have said so first.
            for (int i = 0; i < 3; i++) out.await("Engine.IO ping");
            type.println("/emit chat \"still here\"");
            String next = server.await("\"ev\":");
            assertTrue(next.contains("still here"), "the connection outlived the ping timeout: " + next);
            type.close();
            status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        try (NodeSocketIoServer server = NodeSocketIoServer.start(200, 200)) {
            droppedForItsPingTimeout(server, server.address().toString(), "Engine.IO ping", "--no-heartbeat");
        }
    }

    /** With {@code --no-heartbeat}, once {@code said} is printed, the server drops us for its ping timeout. */
    private void droppedForItsPingTimeout(NodeSocketIoServer server, String url, String... said) throws Exception {
        PipedInputStream stdin = new PipedInputStream();
        new PipedOutputStream(stdin); // kept open: the server, not the end of input, ends this one
        CompletableFuture<Integer> status = connect(stdin, "connect", "--decode", "socket.io", "--no-heartbeat", url);
        out.await(said);
        assertTrue(server.await("disconnect").contains("ping timeout"));
        out.await("onclose");
        status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Socket.IO 2 (EIO=3 in the URL): the server joins us to / by itself, we ping every interval and it pongs, a
     * binary attachment loses its type byte, an emit with an ack is answered; without the heartbeat the server
     * drops us for the ping timeout.
     */
    @Test
    void speaksSocketIo2OverEngineIo3() throws Exception {
        try (NodeSocketIoServer server = NodeSocketIoServer.start2(2_000, 1_000)) {
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = connect(stdin, "connect", "--decode", "socket.io",
                    server.address() + "/socket.io/?EIO=3&transport=websocket");
            out.await("Engine.IO v3 open", "we ping every 2000 ms");
            server.await("\"ns\":\"/\"");
            out.await("Socket.IO connected to namespace /");
            out.await("Socket.IO", "welcome", "[\"hello\", {\"n\":1}]");
            out.await("Socket.IO", "file", "5 B");
            // Three round trips of our ping outlast the interval and timeout (3 s): unanswered, it would have ended.
            for (int i = 0; i < 3; i++) out.await("Engine.IO pong, round trip");
            type.println("/emit --ack ask {\"q\":2}");
            assertTrue(server.await("\"ev\":\"ask\"").contains("{\"q\":2}"));
            out.await("Socket.IO ACK 0", "ask", "{\"got\":{\"q\":2}}");
            type.println("/emit --binary 0001ff upload \"v2.bin\"");
            assertTrue(server.await("\"ev\":\"upload\"").contains("\"name\":\"v2.bin\",\"bytes\":[0,1,255]"));
            type.close();
            status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        try (NodeSocketIoServer server = NodeSocketIoServer.start2(1_000, 500)) {
            droppedForItsPingTimeout(server, server.address() + "/?EIO=3", "Engine.IO v3 open");
        }
    }

    @Test
    void anUnknownProtocolIsAUsageError() throws IOException {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Cli.run(new String[] {"connect", "--decode", "mqtt5000", "ws://127.0.0.1:9/"},
                new ByteArrayInputStream(new byte[0]), o, e, latch -> { });
        assertEquals(2, status);
        assertFalse(err.queue.isEmpty());
        assertTrue(String.join("\n", err.queue).contains("mqtt5000"));
    }
}
