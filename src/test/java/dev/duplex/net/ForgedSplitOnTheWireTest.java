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
import dev.duplex.options.SplitInput;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.protocol.PayloadCodec;

/**
 * {@code connect}'s {@code /split}: a raw server sees exactly the fragments and control frames asked for, and
 * Node's {@code ws} (a peer nobody here wrote) puts the message back together, answers the pings between
 * its fragments, and echoes it whole.
 */
class ForgedSplitOnTheWireTest {
    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), print, print, s -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSplitGoesOutAsTheFragmentsAndControlFramesAskedFor() throws Exception {
        byte[] expected = PayloadCodec.parseHex("01 03 68 65 6c" // text, not final: "hel"
                + " 89 02 68 69" // ping@1=6869
                + " 00 05 6c 6f 20 77 6f" // continuation: "lo wo"
                + " 8a 00 88 02 03 e8" // pong@2, then close@2=03e8 (1000), in the order typed
                + " 80 04 72 6c 64 21" // the final continuation takes the rest: "rld!"
                + " 02 82 01 02 03 04 01 03" // binary, masked with 01020304: 00 01
                + " 89 80 01 02 03 04" // an empty ping, masked with the same key
                + " 80 82 01 02 03 04 03 01"); // the rest: 02 03
        byte[][] got = new byte[1][];
        try (RawServer server = new RawServer(c -> {
            got[0] = c.in.readNBytes(expected.length);
            c.writeClose(1000, "seen");
        })) {
            String out = run("/split 3,5,* mask=off ping@1=6869 pong@2 close@2=03e8 text:hello world!\n"
                    + "/split 2 op=binary mask=01020304 ping@1 hex:00010203\n", "connect", server.url().toString(), "--wait", "5000");
            server.done.get(10, TimeUnit.SECONDS);
            assertArrayEquals(expected, got[0], out);
        }
    }

    @Test
    void aSplitThatDoesNotReadSaysWhyAndSendsNothing() throws Exception {
        RawServer.Frame[] first = new RawServer.Frame[1];
        try (RawServer server = new RawServer(c -> {
            first[0] = c.readFrame();
            c.writeClose(1000, "seen");
        })) {
            String out = run("/split 9 text:abc\n/split x,2 text:abc\n/split 1,* ping@3 text:abc\n/split 1 pig@1 text:ab\n"
                    + "after the four\n", "connect", server.url().toString(), "--wait", "5000");
            server.done.get(10, TimeUnit.SECONDS);
            assertEquals("after the four", new String(first[0].payload(), StandardCharsets.UTF_8), "nothing went before it");
            assertTrue(out.contains("The sizes add up to 9 bytes, more than the payload's 3."), out);
            assertTrue(out.contains("not \"x,2\""), out);
            assertTrue(out.contains("A control frame after fragment 3, but the message has 2 fragments."), out);
            assertTrue(out.contains("/split does not know \"pig@1\""), out);
        }
        assertEquals(1, SplitInput.split("* text:abc").value().fragments(), "a star alone: one fragment");
        assertEquals(2, SplitInput.split("1,2 text:abc").value().fragments(), "sizes that add up: no empty rest");
        assertEquals(3, SplitInput.split("1,2,0 text:abc").value().fragments(), "an empty fragment when asked for");
        assertEquals("form.split.sizes", SplitInput.split("1,*,2 text:abc").problem().key(), "a star only last");
    }

    @Test
    void nodeWsReassemblesTheMessageAndAnswersThePingsBetweenItsFragments() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            String out = run("/split 1,4,2,* ping@1=6f6e65 ping@3=74776f text:κόσμε split at odd bytes\n", "connect",
                    ws.uri("/").toString(), "--show-frames", "--wait", "10000");
            assertEquals(4, out.lines().filter(l -> l.contains("→ frame") && (l.contains(" text ") || l.contains(" continuation "))).count(),
                    "four fragments: " + out);
            assertTrue(out.contains("message received: κόσμε split at odd bytes"), "reassembled whole, split inside characters: " + out);
            int one = out.indexOf("pong received, 3 bytes: 6f 6e 65");
            int two = out.indexOf("pong received, 3 bytes: 74 77 6f");
            assertTrue(one >= 0 && two > one, "both pings answered, in order: " + out);
            assertTrue(out.indexOf("← frame     pong FIN rsv=000 payload 3 B, wire 5 B: 74 77 6f")
                    < out.indexOf("← frame     text FIN"), "the pong between the fragments before the echo: " + out);
            assertTrue(out.contains("(1000)") && out.contains("wasClean=true"), "no protocol error: " + out);
        }
    }
}
