package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;

/** Utf8.length counts exactly the bytes the JDK's encoder writes, lone surrogates ('?') included. */
class Utf8LengthTest {

    @Test
    void itCountsWhatTheJdksEncoderWrites() {
        for (String text : List.of("", "hello", "é", "你好 Duplex", "😀", "a😀b", "\uD83D", "\uDE00", "\uDE00\uD83D",
                "x\uD83Dy", "\u07FF\u0800\uFFFF", "\u0000\u007F\u0080")) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), () -> "for " + escaped(text));
            assertEquals(Utf8.length(text), Payload.text(text).size());
        }
    }

    @Test
    void randomTextsOfEveryKindOfCharAgree() {
        Random random = new Random(6455);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                // Mostly the edges: ASCII, two bytes, three bytes, and surrogates paired or not.
                int kind = random.nextInt(5);
                text.append(switch (kind) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0x800 + random.nextInt(0xD800 - 0x800));
                    case 3 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) (0xE000 + random.nextInt(0x2000));
                });
            }
            String s = text.toString();
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Utf8.length(s), () -> "for " + escaped(s));
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) out.append(String.format("\\u%04X", (int) c));
        return out.toString();
    }
}
