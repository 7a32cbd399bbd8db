package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.cli.Cli;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;

/**
 * {@code duplex replay} as a user runs it: a conversation recorded with {@code duplex connect --save}
 * against Node's {@code ws} echo server, replayed against the same server (every reply the same, exit 0
 * with --expect-same) and against our lab server answering with another reply template (every reply
 * different, its differing part marked, exit 4); and a HAR in the shape Chrome's DevTools save, replayed
 * against Node's {@code ws}, carrying the recorded Origin and subprotocol.
 */
class ReplayAgainstNodeWsTest {
    @TempDir
    Path dir;

    private NodeWsServer node;
    private final LabServer lab = new LabServer(event -> { });

    private record Run(int status, String out, String err) { }

    @AfterEach
    void stopServers() throws Exception {
        if (node != null) node.close();
        lab.stop();
    }

    private static Run duplex(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> lines(Run r, String word) {
        return Arrays.stream(r.out().split("\n")).filter(l -> l.matches("^\\S+ . " + word + "\\b.*")).toList();
    }

    /** Records three text messages with `connect --save` against Node's ws, as a user would. */
    private Path recordAgainstNode(String name) throws Exception {
        node = NodeWsServer.start();
        Path file = dir.resolve(name);
        Run record = duplex("hello\n你好 Zoë\n{\"n\":100}\n", "connect", node.uri("/chat").toString(), "--save", file.toString());
        assertEquals(Cli.OK, record.status(), record.err());
        assertTrue(Files.size(file) > 0);
        node.nextHandshake(); // the recording's
        return file;
    }

    @Test
    void replayedToTheSameServerEveryReplyIsTheSame() throws Exception {
        for (String name : new String[] {"session.jsonl", "session.har"}) {
            Path file = recordAgainstNode(name);
            for (String timing : new String[] {"original", "fast"}) {
                Run r = duplex("", "replay", file.toString(), node.uri("/chat").toString(), "--timing", timing, "--expect-same");
                assertEquals(Cli.OK, r.status(), r.out() + r.err());
                assertEquals(3, lines(r, "send").size(), r.out());
                assertEquals(3, lines(r, "same").size(), r.out());
                assertTrue(r.out().contains("Sent 3 of 3 messages. Replies: 3 same, 0 different, 0 missing, 0 extra."), r.out());
                assertTrue(r.out().contains("onclose   connection closed (1000)"), r.out());
                assertEquals("", r.err());
                // The recorded Origin went again: connect's default, a page on the recorded host.
                assertEquals("http://127.0.0.1:" + node.port(), node.nextHandshake().header("origin"));
            }
            node.close();
            node = null;
        }
    }

    @Test
    void replayedToAnotherReplyTemplateEveryReplyDiffersAndIsMarked() throws Exception {
        Path file = recordAgainstNode("session.jsonl");
        lab.start(new ServerConfig("127.0.0.1", 0, "", new ReplyTemplate("Received: {message}")));
        String url = lab.url().resolve("/chat").toString();

        Run r = duplex("", "replay", file.toString(), url, "--expect-same");
        assertEquals(Cli.NOT_AS_RECORDED, r.status(), r.out() + r.err());
        assertEquals(3, lines(r, "different").size(), r.out());
        assertTrue(lines(r, "same").isEmpty(), r.out());
        assertTrue(r.out().contains("Replies: 0 same, 3 different, 0 missing, 0 extra."), r.out());
        // The recorded text and the replayed one, each with its differing part under carets.
        String indent = " ".repeat(25);
        assertTrue(r.out().contains(indent + "recorded: hello\n" + indent + "          ^\n"
                + indent + "replayed: Received: hello\n" + indent + "          ^^^^^^^^^^\n"), r.out());
        // Wide characters take two columns: the carets still start under the text.
        assertTrue(r.out().contains(indent + "replayed: Received: 你好 Zoë\n" + indent + "          ^^^^^^^^^^\n"), r.out());
        assertTrue(r.err().contains("not as recorded"), r.err());

        Run plain = duplex("", "replay", file.toString(), url, "--timing", "fast");
        assertEquals(Cli.OK, plain.status(), "without --expect-same a difference is reported, not failed: " + plain.out());
        assertEquals(3, lines(plain, "different").size(), plain.out());
    }

    @Test
    void aReplyTheServerDropsIsOneMissingAndTheRestStayTheSame() throws Exception {
        Path file = recordAgainstNode("session.jsonl");
        lab.start(new ServerConfig("127.0.0.1", 0, "", null)
                .withBehaviour(dev.duplex.net.server.ServerBehaviour.NORMAL.withDropEvery(2)));
        Run r = duplex("", "replay", file.toString(), lab.url().toString(), "--timing", "fast", "--wait", "300",
                "--expect-same");
        assertEquals(Cli.NOT_AS_RECORDED, r.status(), r.out());
        assertEquals(2, lines(r, "same").size(), r.out());
        List<String> missing = lines(r, "missing");
        assertEquals(1, missing.size(), r.out());
        assertTrue(missing.get(0).contains("recorded: 你好 Zoë"), r.out());
    }

    @Test
    void aHarSavedByChromeReplaysWithItsOriginAndSubprotocol() throws Exception {
        Path har = dir.resolve("chrome-echo-session.har");
        try (InputStream in = getClass().getResourceAsStream("chrome-echo-session.har")) {
            Files.copy(in, har);
        }
        node = NodeWsServer.start(NodeWsServer.Options.defaults().withSubprotocols("chat.v1"));
        Run r = duplex("", "replay", har.toString(), node.uri("/echo").toString(), "--expect-same");
        assertEquals(Cli.NOT_AS_RECORDED, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("Replaying " + har + ": 3 client messages and 4 server messages, recorded with"
                + " ws://localhost:8080/echo; original timing."), r.out());
        assertTrue(r.out().contains("onopen    connected to " + node.uri("/echo") + ", subprotocol chat.v1"), r.out());

        // The text and the binary message come back as Chrome saw them; the Chinese reply had a prefix the echo
        // does not give, and the "tick" never comes.
        List<String> same = lines(r, "same");
        assertEquals(2, same.size(), r.out());
        assertTrue(same.get(0).contains("reply 1 to #1: {\"op\":\"join\",\"room\":\"lobby\"}"), r.out());
        assertTrue(same.get(1).contains("reply 1 to #2: binary, 5 bytes: 00 01 02 03 ff"), r.out());
        assertTrue(r.out().contains("different reply 1 to #3\n"), r.out());
        assertTrue(r.out().contains("recorded: 我已经收到消息 你好 Zoë\n" + " ".repeat(35) + "^^^^^^^^^^^^^^^\n"), r.out());
        assertTrue(r.out().contains("replayed: 你好 Zoë\n" + " ".repeat(35) + "^\n"), r.out());
        assertTrue(r.out().contains("missing   reply 2 to #3, recorded: tick"), r.out());

        NodeWsServer.Handshake h = node.nextHandshake();
        assertEquals("http://localhost:8080", h.header("origin"), h.json());
        assertEquals("chat.v1", h.header("sec-websocket-protocol"), h.json());
        assertTrue(h.header("sec-websocket-extensions").contains("permessage-deflate"), h.json());
        assertFalse(h.rawHeaders().contains("User-Agent"), "recorded headers other than Origin stay behind: " + h.json());
    }
}
