package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.CONTINUATION;
import static dev.duplex.conformance.RawClient.PING;
import static dev.duplex.conformance.RawClient.PONG;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6455 5.5.2 and 5.5.3: a ping gets its pong, an unsolicited pong nothing, even inside a fragmented message. */
class PingPongConformanceTest extends ConformanceCase {
    static Stream<Arguments> pingPayloads() {
        byte[] max = new byte[125];
        new Random(6455).nextBytes(max);
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("text", utf8("Hello, pong")),
                Arguments.of("125 random bytes", max));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pingPayloads")
    void aPingIsAnsweredWithAPongWithTheSamePayload(String what, byte[] payload) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(PING, payload);
            RawClient.Frame pong = c.readFrame();
            saw("ping, " + what, pong);
            assertEquals(PONG, pong.opcode(), pong::toString);
            assertTrue(pong.fin());
            assertFalse(pong.masked(), "a server must not mask its frames");
            assertArrayEquals(payload, pong.payload());
        }
    }

    @Test
    void anUnsolicitedPongIsIgnored() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(PONG, utf8("unsolicited"));
            c.writeFrame(PONG, new byte[0]);
            RawClient.Message m = c.echo("after the pongs");
            saw("unsolicited pongs, then a text", "echo " + m.text());
            assertEquals("after the pongs", m.text());
        }
    }

    @Test
    void pingsInsideAFragmentedMessageAreAnsweredAndTheMessageReassembles() throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, TEXT, true, utf8("Hello, "));
            c.writeFrame(PING, utf8("p1"));
            c.writeFrame(false, 0, CONTINUATION, true, utf8("fragmented "));
            c.writeFrame(PING, utf8("p2"));
            c.writeFrame(true, 0, CONTINUATION, true, utf8("world"));
            List<String> pongs = new ArrayList<>();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int dataOpcode = -1;
            RawClient.Frame f;
            do {
                f = c.readFrame();
                if (f.opcode() == PONG) {
                    pongs.add(f.text());
                } else {
                    assertTrue(f.opcode() == (dataOpcode < 0 ? TEXT : CONTINUATION), f::toString);
                    dataOpcode = f.opcode();
                    text.writeBytes(f.payload());
                }
            } while (pongs.size() < 2 || dataOpcode < 0 || !f.fin() || f.opcode() == PONG);
            saw("pings inside a fragmented text", "pongs " + pongs + ", echo \"" + text.toString(StandardCharsets.UTF_8) + "\"");
            assertEquals(List.of("p1", "p2"), pongs);
            assertEquals("Hello, fragmented world", text.toString(StandardCharsets.UTF_8));
        }
    }
}
