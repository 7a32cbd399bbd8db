package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.i18n.Texts;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/**
 * {@code duplex replay}'s own ways of failing, each one line and an exit status, and its step timing
 * driven by lines on standard input; against our lab server on loopback (the comparisons against a real
 * peer are in {@code peers.ReplayAgainstNodeWsTest}).
 */
class ReplayCommandTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private final LabServer lab = new LabServer(event -> { });

    private record Run(int status, String out, String err) { }

    @AfterEach
    void stopServer() {
        lab.stop();
    }

    private static Run run(Locale locale, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                stop -> { }, locale);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A conversation file as `connect --save` writes it, with these frames. */
    private Path saved(String name, Conversation.Frame... frames) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            JsonLinesFormat.write(new Conversation(URI.create("ws://127.0.0.1:9/"), null, List.of(frames), null), out);
        }
        return file;
    }

    private static Conversation.Frame text(boolean inbound, String text, long ms) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new Conversation.Frame(Instant.ofEpochMilli(1_700_000_000_000L + ms), new FrameInfo(inbound, true, false,
                false, false, FrameInfo.TEXT, inbound ? null : new byte[] {1, 2, 3, 4}, data.length, data.length + 6, data));
    }

    private String echoUrl() throws Exception {
        lab.start(new ServerConfig("127.0.0.1", 0, "", null));
        return lab.url().toString();
    }

    @Test
    void aMissingFileIsSaidInOneLine() {
        String missing = dir.resolve("nope.jsonl").toString();
        Run r = run(EN, "", "replay", missing, "ws://127.0.0.1:9/");
        assertEquals(Cli.FAILED, r.status());
        assertEquals("duplex replay: there is no file " + missing + "\n", r.err());
        Run zh = run(ZH, "", "replay", missing, "ws://127.0.0.1:9/");
        assertEquals("duplex replay: 文件 " + missing + " 不存在\n", zh.err());
    }

    @Test
    void aFileThatIsNoConversationIsSaidWithItsLine() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.jsonl"), "this is not json\n");
        Run r = run(EN, "", "replay", junk.toString(), "ws://127.0.0.1:9/");
        assertEquals(Cli.FAILED, r.status());
        assertTrue(r.err().startsWith("duplex replay: " + junk + " is not a conversation Duplex can read (line 1): "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Path noSocket = Files.writeString(dir.resolve("page.har"), "{\"log\":{\"entries\":[]}}");
        Run har = run(EN, "", "replay", noSocket.toString(), "ws://127.0.0.1:9/");
        assertEquals(Cli.FAILED, har.status());
        assertEquals("duplex replay: " + noSocket + " holds no WebSocket connection.\n", har.err());
    }

    @Test
    void aFileWithoutClientMessagesHasNothingToReplay() throws Exception {
        Path file = saved("server-only.jsonl", text(true, "tick", 0), text(true, "tock", 10));
        Run r = run(EN, "", "replay", file.toString(), "ws://127.0.0.1:9/");
        assertEquals(Cli.FAILED, r.status());
        assertEquals("duplex replay: " + file + " holds no message sent by the client: there is nothing to replay.\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRefusedConnectionIsTheOnerrorLine() throws Exception {
        Path file = saved("one.jsonl", text(false, "hello", 0), text(true, "hello", 1));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run(EN, "", "replay", file.toString(), "ws://127.0.0.1:" + port + "/", "--expect-same");
        assertEquals(Cli.FAILED, r.status(), r.out());
        assertTrue(r.err().contains("onerror   connection refused: nothing is listening at ws://127.0.0.1:" + port + "/"),
                r.err());
        assertTrue(!r.out().contains("Sent "), "no summary for a replay that never connected: " + r.out());
    }

    @Test
    void badOptionsAreUsageErrorsBeforeTheFileIsRead() {
        Run r = run(EN, "", "replay", "whatever.jsonl", "ws://h/", "--timing", "slow");
        assertEquals(Cli.USAGE, r.status());
        assertTrue(r.err().startsWith("duplex replay: --timing slow: The timing is original (the recorded gaps), fast"
                + " or step (one message per Enter).\n"), r.err());
        Run zh = run(ZH, "", "replay", "whatever.jsonl", "ws://h/", "--timing", "slow");
        assertTrue(zh.err().startsWith("duplex replay: --timing slow：时序只能是"), zh.err());
        Run url = run(EN, "", "replay", "whatever.jsonl", "http://h/");
        assertEquals(Cli.USAGE, url.status());
        assertTrue(url.err().contains("Did you mean ws://h/?"), url.err());
        assertEquals(Cli.USAGE, run(EN, "", "replay", "only-a-file.jsonl").status());
    }

    @Test
    void stepTimingSendsOneMessagePerLineAndTheEndOfInputSendsNoMore() throws Exception {
        Path file = saved("three.jsonl", text(false, "one", 0), text(true, "one", 1), text(false, "two", 10),
                text(true, "two", 11), text(false, "three", 20), text(true, "three", 21));
        String url = echoUrl();

        Run all = run(EN, "\n\n\n", "replay", file.toString(), url, "--timing", "step", "--expect-same");
        assertEquals(Cli.OK, all.status(), all.out());
        assertEquals(3, all.out().lines().filter(l -> l.contains(" step      Press Enter to send #")).count(), all.out());
        assertTrue(all.out().contains("Sent 3 of 3 messages. Replies: 3 same, 0 different, 0 missing, 0 extra."), all.out());

        Run one = run(EN, "\n", "replay", file.toString(), url, "--timing", "step", "--expect-same");
        assertEquals(Cli.NOT_AS_RECORDED, one.status(), one.out());
        assertTrue(one.out().contains("send      #1 of 3: one"), one.out());
        assertTrue(one.out().contains("not sent  #2 not sent: two"), one.out());
        assertTrue(one.out().contains("not sent  #3 not sent: three"), one.out());
        assertTrue(one.out().contains("Sent 1 of 3 messages. Replies: 1 same, 0 different, 0 missing, 0 extra."), one.out());
    }

    @Test
    void theHelpNamesTheCommandAndItsExitStatusInBothLanguages() {
        Run en = run(EN, "", "replay", "--help");
        assertEquals(Cli.OK, en.status());
        assertTrue(en.out().contains("--timing=original|fast|step"), en.out());
        assertTrue(en.out().contains("  4   --expect-same, and a reply differed"), en.out());
        assertTrue(run(EN, "", "--help").out().contains("duplex replay FILE URL"));
        Run zh = run(ZH, "", "replay", "--help");
        assertTrue(zh.out().contains("把保存的会话中客户端发送的消息重新发送到 URL"), zh.out());
        assertTrue(Texts.of(ZH).get("replay.summary", 1, 2, 3, 4, 5, 6).contains("条相同"));
    }
}
