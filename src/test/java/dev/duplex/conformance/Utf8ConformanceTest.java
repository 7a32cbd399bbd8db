package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6455 8.1: a text message must be UTF-8, however it is cut into fragments. */
class Utf8ConformanceTest extends ConformanceCase {
    /** "κόσμε" then U+D800 encoded (a surrogate: not UTF-8) then "edited": Autobahn's case 6.3.1. */
    private static final byte[] INVALID_UTF8 = hex("ce ba e1 bd b9 ce bc ce b5 ed a0 80 65 64 69 74 65 64");

    static Stream<Arguments> invalidUtf8Splits() {
        return Stream.of(
                Arguments.of("whole", new int[] {}),
                Arguments.of("2 fragments, split before the bad sequence", new int[] {9}),
                Arguments.of("2 fragments, split inside the bad sequence", new int[] {10}),
                Arguments.of("3 fragments", new int[] {4, 11}),
                Arguments.of("one byte per fragment", IntStream.range(1, INVALID_UTF8.length).toArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8Splits")
    void invalidUtf8InATextMessageIs1007(String how, int[] splits) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            sendFragmented(c, TEXT, INVALID_UTF8, splits);
            assertClosedWith(INVALID_DATA, c, "invalid UTF-8 text, " + how);
        }
    }

    static Stream<Arguments> moreInvalidUtf8() {
        return Stream.of(
                Arguments.of("a lone continuation byte", "80"),
                Arguments.of("a truncated 2-byte sequence at the end", "48 69 ce"),
                Arguments.of("an overlong encoding of '/'", "c0 af"),
                Arguments.of("a code point above U+10FFFF", "f4 90 80 80"),
                Arguments.of("the byte 0xFF", "61 ff 62"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreInvalidUtf8")
    void otherInvalidUtf8Is1007(String what, String bytes) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(TEXT, hex(bytes));
            assertClosedWith(INVALID_DATA, c, "invalid UTF-8 text: " + what);
        }
    }

    @Test
    void validUtf8SplitInsideACodePointIsAccepted() throws IOException {
        byte[] kosme = utf8("κόσμε 𝄞");
        try (RawClient c = RawClient.connect(address)) {
            sendFragmented(c, TEXT, kosme, IntStream.range(1, kosme.length).toArray());
            RawClient.Message m = c.readMessage();
            assertEquals(TEXT, m.opcode());
            assertArrayEquals(kosme, m.payload());
        }
    }
}
