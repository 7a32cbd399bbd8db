package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;

/**
 * A pong's (and a ping's) payload reads as text when it is strict UTF-8, beside its hex (which comes first,
 * as in the frame view); bytes that are not text stay hex only. The window's log and `connect` print the
 * same line.
 */
class PongPayloadTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final EventText en = new EventText(Texts.of(Locale.ENGLISH));

    private String pong(byte[] payload, long rttNanos) {
        return en.line(new WsEvent.Pong(T, "ws://h/", Payload.binary(payload), rttNanos), EventText.Side.CLIENT).text();
    }

    @Test
    void aTextPayloadIsShownAsTextWithItsHex() {
        assertEquals("pong received, 6 bytes: 61 62 63 31 32 33; text \"abc123\"",
                pong("abc123".getBytes(StandardCharsets.UTF_8), -1));
        assertEquals("pong received, 6 bytes: e4 bd a0 e5 a5 bd; round trip 1.500 ms; text \"你好\"",
                pong("你好".getBytes(StandardCharsets.UTF_8), 1_500_000));
        assertEquals("收到 pong，6 字节：e4 bd a0 e5 a5 bd；往返 1.500 毫秒；文本“你好”",
                new EventText(Texts.of(Locale.SIMPLIFIED_CHINESE)).line(new WsEvent.Pong(T, "ws://h/",
                        Payload.binary("你好".getBytes(StandardCharsets.UTF_8)), 1_500_000), EventText.Side.CLIENT).text());
        String ping = en.line(new WsEvent.Ping(T, "ws://h/", Payload.binary("hi".getBytes(StandardCharsets.UTF_8)), true),
                EventText.Side.CLIENT).text();
        assertEquals("ping received, 2 bytes: 68 69; text \"hi\"; pong sent", ping);
        String silent = en.line(new WsEvent.Ping(T, "ws://h/", Payload.binary(new byte[] {'o', 'k'}), false),
                EventText.Side.CLIENT).text();
        assertEquals("ping received, 2 bytes: 6f 6b; text \"ok\"; NOT answered (automatic pong is off)", silent);
        assertEquals("pong received, 20 bytes: 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 …; text \"" + "x".repeat(20) + "\"",
                pong("x".repeat(20).getBytes(StandardCharsets.UTF_8), -1), "the hex is cut at 16 bytes, the text is whole");
    }

    @Test
    void bytesThatAreNotStrictUtf8OrHoldControlCharactersStayHex() {
        assertEquals("pong received, 2 bytes: ff 00", pong(new byte[] {(byte) 0xff, 0}, -1));
        // An overlong '/' (c0 af) is not strict UTF-8, whatever a lenient decoder makes of it.
        assertEquals("pong received, 2 bytes: c0 af", pong(new byte[] {(byte) 0xc0, (byte) 0xaf}, -1));
        // A line break would split the log line: shown as hex.
        assertEquals("pong received, 3 bytes: 61 0a 62", pong(new byte[] {'a', '\n', 'b'}, -1));
        assertEquals("pong received, 0 bytes: (empty)", pong(new byte[0], -1));
    }

    @Test
    void connectPrintsThePongOfASlashPingAsText() throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream serveOut = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        java.io.BufferedReader serveLines = new java.io.BufferedReader(new java.io.InputStreamReader(pipe, StandardCharsets.UTF_8));
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Cli.run(new String[] {"serve", "--port", "0"},
                new ByteArrayInputStream(new byte[0]), serveOut, serveOut, latch -> new Thread(() -> {
                    try {
                        stop.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    latch.countDown();
                }).start()));
        try {
            Matcher url = Pattern.compile("(ws://\\S+)").matcher(serveLines.readLine());
            assertTrue(url.find());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = Cli.run(new String[] {"connect", url.group(1)},
                    new ByteArrayInputStream("/ping abc123\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), l -> { });
            assertEquals(Cli.OK, status);
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said.matches("(?s).*pong received, 6 bytes: 61 62 63 31 32 33; round trip [0-9.]+ ms; text \"abc123\".*"), said);
        } finally {
            stop.countDown();
            serve.get(10, TimeUnit.SECONDS);
        }
    }
}
