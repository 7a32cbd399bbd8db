package dev.duplex.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.duplex.cli.Cli;
import dev.duplex.protocol.PayloadCodec;

/**
 * The frame forge and the echo client of {@code connect}, against a raw server that reads the bytes off the
 * socket itself: a forged frame arrives exactly as typed, rules broken or not, and {@code --echo} sends back
 * what it gets, text as text and binary as binary.
 */
class ForgedFramesOnTheWireTest {
    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), print, print, s -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aForgedFrameAndRawBytesGoOutExactlyAsTyped() throws Exception {
        byte[] expected = PayloadCodec.parseHex("53 0a 68 69" // fin=0 rsv=5 op=3, unmasked, declared 10, "hi"
                + " 81 83 01 02 03 04 60 60 60" // a text frame masked with 01020304: "abc"
                + " 82 7e 00 03 ff 00 ff" // binary, "ff00ff" with its length in the 16-bit form
                + " 8a 00"); // /raw: an unsolicited empty pong
        byte[][] got = new byte[1][];
        try (RawServer server = new RawServer(c -> {
            got[0] = c.in.readNBytes(expected.length);
            c.writeClose(1000, "seen");
        })) {
            String out = run("/frame fin=0 rsv=5 op=3 mask=off len=10 text:hi\n/frame mask=01020304 text:abc\n"
                    + "/frame op=binary mask=off form=2 hex:ff00ff\n/raw 8a00\n", "connect", server.url().toString(), "--wait", "5000");
            server.done.get(10, TimeUnit.SECONDS);
            assertArrayEquals(expected, got[0], out);
        }
    }

    @Test
    void aForgedFrameThatDoesNotReadSaysWhyAndSendsNothing() throws Exception {
        RawServer.Frame[] first = new RawServer.Frame[1];
        try (RawServer server = new RawServer(c -> {
            first[0] = c.readFrame();
            c.writeClose(1000, "seen");
        })) {
            String out = run("/frame op=99 text:x\n/raw zz\nafter the two\n", "connect", server.url().toString(), "--wait", "5000");
            server.done.get(10, TimeUnit.SECONDS);
            assertEquals("after the two", new String(first[0].payload(), StandardCharsets.UTF_8), "nothing went before it");
            assertTrue(out.contains("/frame does not know \"op=99\""), out);
            assertTrue(out.contains("/raw"), out);
        }
        assertEquals("form.frame.word", dev.duplex.options.FrameInput.frame("mask=0102 text:x").problem().key());
        assertEquals("form.frame.rawEmpty", dev.duplex.options.FrameInput.raw(" ").problem().key());
    }

    @Test
    void theEchoClientSendsBackWhatItGetsAndStaysUntilTheServerCloses() throws Exception {
        RawServer.Frame[] echoes = new RawServer.Frame[2];
        try (RawServer server = new RawServer(c -> {
            c.writeFrame(0x1, "echo me, 你好".getBytes(StandardCharsets.UTF_8));
            echoes[0] = c.readFrame();
            c.writeFrame(0x2, new byte[] {0, 1, 2, (byte) 0xff});
            echoes[1] = c.readFrame();
            c.writeClose(1000, "done");
        })) {
            // Standard input ends at once: an echo client does not take that as its cue to close.
            String out = run("", "connect", server.url().toString(), "--echo", "--wait", "0");
            server.done.get(10, TimeUnit.SECONDS);
            assertEquals(0x1, echoes[0].opcode());
            assertEquals("echo me, 你好", new String(echoes[0].payload(), StandardCharsets.UTF_8));
            assertEquals(0x2, echoes[1].opcode());
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, echoes[1].payload());
            assertTrue(out.contains("(1000)"), out);
        }
    }
}
