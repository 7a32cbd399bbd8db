package dev.duplex.conformance;

import static dev.duplex.conformance.RawClient.BINARY;
import static dev.duplex.conformance.RawClient.CONTINUATION;
import static dev.duplex.conformance.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 5.6: data frames of every size, from empty to 256 KiB, whole and fragmented, echoed exactly. */
class MessageSizesConformanceTest extends ConformanceCase {
    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {TEXT, BINARY})
    void anEmptyMessageEchoesAsEmpty(int opcode) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(opcode, new byte[0]);
            RawClient.Message m = c.readMessage();
            assertEquals(opcode, m.opcode());
            assertEquals(0, m.payload().length);
        }
    }

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {TEXT, BINARY})
    void anEmptyFragmentedMessageEchoesAsEmpty(int opcode) throws IOException {
        try (RawClient c = RawClient.connect(address)) {
            c.writeFrame(false, 0, opcode, true, new byte[0]);
            c.writeFrame(false, 0, CONTINUATION, true, new byte[0]);
            c.writeFrame(true, 0, CONTINUATION, true, new byte[0]);
            RawClient.Message m = c.readMessage();
            assertEquals(opcode, m.opcode());
            assertEquals(0, m.payload().length);
        }
    }

    static Stream<Arguments> binarySizes() {
        Random random = new Random(6455);
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, 125, 126, 127, 128, 65535, 65536, 65537));
        for (int i = 0; i < 4; i++) sizes.add(1 + random.nextInt(256 * 1024));
        sizes.add(256 * 1024);
        return sizes.stream().flatMap(n -> Stream.of(Arguments.of(n, false), Arguments.of(n, true)));
    }

    @ParameterizedTest(name = "{0} bytes, fragmented={1}")
    @MethodSource("binarySizes")
    void aBinaryMessageEchoesByteForByte(int size, boolean fragmented) throws IOException {
        Random random = new Random(size * 31L + (fragmented ? 1 : 0));
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        try (RawClient c = RawClient.connect(address)) {
            if (fragmented) {
                sendFragmented(c, BINARY, payload, randomSplits(random, size));
            } else {
                c.writeFrame(BINARY, payload);
            }
            RawClient.Message m = c.readMessage();
            assertEquals(BINARY, m.opcode());
            assertEquals(size, m.payload().length);
            assertArrayEquals(payload, m.payload());
        }
    }

    @ParameterizedTest(name = "about {0} bytes")
    @ValueSource(ints = {125, 126, 65535, 65536, 200_000})
    void aLongFragmentedTextMessageEchoesExactly(int size) throws IOException {
        String text = "aκ我𝄞".repeat(size / 10 + 1); // 1, 2, 3 and 4 bytes in UTF-8
        try (RawClient c = RawClient.connect(address)) {
            byte[] bytes = utf8(text);
            sendFragmented(c, TEXT, bytes, randomSplits(new Random(size), bytes.length));
            RawClient.Message m = c.readMessage();
            assertEquals(TEXT, m.opcode());
            assertEquals(text, m.text());
        }
    }

    /** Between 2 and 9 fragments at random places (an empty fragment included when the split repeats). */
    private static int[] randomSplits(Random random, int size) {
        int cuts = 1 + random.nextInt(8);
        return IntStream.range(0, cuts).map(i -> size == 0 ? 0 : random.nextInt(size + 1)).sorted().toArray();
    }
}
