package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.protocol.PayloadCodec.FormatException;

class PayloadCodecTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hexInTheWaysPeopleWriteIt() throws Exception {
        for (String typed : new String[] {"48656c6c6f", "48 65 6C 6c 6F", "48:65:6c:6c:6f", "0x48656c6c6f", "0X48656C6C6F",
                "0x48 0x65 0x6c 0x6c 0x6f", "0x48, 0x65, 0x6c, 0x6c, 0x6f", "48 65\n6c\r\n6c\t6f\n", "4865 6c6c 6f",
                "48-65-6c-6c-6f", "48\u300065\uFF1A6c\uFF0C6c 6f", "  0x48 656c6c6f  "}) {
            assertArrayEquals(HELLO, PayloadCodec.parseHex(typed), typed);
        }
        assertArrayEquals(new byte[0], PayloadCodec.parseHex(""));
        assertArrayEquals(new byte[0], PayloadCodec.parseHex(" \n "));
        assertArrayEquals(new byte[0], PayloadCodec.parseHex(null));
        assertArrayEquals(new byte[] {0, (byte) 0xFF, (byte) 0x80}, PayloadCodec.parseHex("00 ff 80"));
    }

    @Test
    void hexErrorsSayWhereAndWhat() {
        FormatException e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48 6g"));
        assertEquals(PayloadCodec.HEX_BAD_CHAR, e.key());
        assertEquals(List.of(1, 5, "g", "U+0067"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48 65\n6c 6z"));
        assertEquals(List.of(2, 5, "z", "U+007A"), e.args(), "line 2, column 5");

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48 65 6"));
        assertEquals(PayloadCodec.HEX_ODD, e.key());
        assertEquals(List.of(1, 7, "6"), e.args());

        // Each 0x group stands alone: "0x1 0x2" is not the byte 0x12.
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("0x1 0x2"));
        assertEquals(PayloadCodec.HEX_ODD, e.key());
        assertEquals(List.of(1, 3, "1"), e.args(), "the column of the digits, after 0x");

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("abc"));
        assertEquals(List.of(1, 1, "abc"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48 0x"));
        assertEquals(PayloadCodec.HEX_EMPTY_PREFIX, e.key());
        assertEquals(List.of(1, 4), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("4 8"));
        assertEquals(PayloadCodec.HEX_ODD, e.key());

        // Full-width digits look like hex but are not; an emoji is one character, not two.
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("4８"));
        assertEquals(List.of(1, 2, "８", "U+FF18"), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("😀 zz"));
        assertEquals(List.of(1, 1, "😀", "U+1F600"), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48 😀 zz"));
        assertEquals(List.of(1, 4, "😀", "U+1F600"), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("😀😀 g"));
        assertEquals(List.of(1, 1, "😀", "U+1F600"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("0x0x12"));
        assertEquals(List.of(1, 4, "x", "U+0078"), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseHex("48\r\n\r\n65 x"));
        assertEquals(List.of(3, 4, "x", "U+0078"), e.args(), "CRLF is one line break");
    }

    @Test
    void base64StandardAndUrlSafeWithOrWithoutPadding() throws Exception {
        byte[] bytes = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF, 0x01};
        assertEquals("+/+/AQ==", java.util.Base64.getEncoder().encodeToString(bytes));
        for (String typed : new String[] {"+/+/AQ==", "+/+/AQ", "-_-_AQ==", "-_-_AQ", " +/+/\nAQ==\n", "+/+/ A Q = ="}) {
            assertArrayEquals(bytes, PayloadCodec.parseBase64(typed), typed);
        }
        assertArrayEquals(HELLO, PayloadCodec.parseBase64("SGVsbG8="));
        assertArrayEquals(HELLO, PayloadCodec.parseBase64("SGVsbG8"));
        assertArrayEquals("Hell".getBytes(StandardCharsets.US_ASCII), PayloadCodec.parseBase64("SGVsbA=="));
        assertArrayEquals("Hell".getBytes(StandardCharsets.US_ASCII), PayloadCodec.parseBase64("SGVsbA"));
        assertArrayEquals(new byte[0], PayloadCodec.parseBase64(""));
        assertArrayEquals(new byte[0], PayloadCodec.parseBase64(null));
        assertArrayEquals(new byte[16], PayloadCodec.parseBase64("AAAAAAAAAAAAAAAAAAAAAA=="));
    }

    @Test
    void base64ErrorsSayWhy() {
        FormatException e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGV*bG8="));
        assertEquals(PayloadCodec.B64_BAD_CHAR, e.key());
        assertEquals(List.of(1, 4, "*", "U+002A"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("ab+/\ncd-_"));
        assertEquals(PayloadCodec.B64_MIXED, e.key());
        assertEquals(List.of(2, 3, "-"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGVs=bG8"));
        assertEquals(PayloadCodec.B64_AFTER_PADDING, e.key());
        assertEquals(List.of(1, 6, "b"), e.args());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGVsbA="));
        assertEquals(PayloadCodec.B64_BAD_PADDING, e.key(), "one = where two are needed");
        assertEquals(List.of(1, 7), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGVsbG8=="));
        assertEquals(PayloadCodec.B64_BAD_PADDING, e.key());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGVs===="));
        assertEquals(PayloadCodec.B64_BAD_PADDING, e.key());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("=="));
        assertEquals(PayloadCodec.B64_BAD_PADDING, e.key());

        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("SGVsb"));
        assertEquals(PayloadCodec.B64_LENGTH, e.key(), "5 characters: the last holds 6 bits, not a byte");
        assertEquals(List.of(5), e.args());
        e = assertThrows(FormatException.class, () -> PayloadCodec.parseBase64("S"));
        assertEquals(List.of(1), e.args());
    }

    @Test
    void spacedHex() {
        assertEquals("48 65 6c 6c 6f", PayloadCodec.hex(HELLO));
        assertEquals("00 ff 80 7f", PayloadCodec.hex(new byte[] {0, -1, (byte) 0x80, 0x7F}));
        assertEquals("", PayloadCodec.hex(new byte[0]));
    }

    @Test
    void hexDumpLikeHexdumpC() {
        byte[] data = new byte[20];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (0x41 + i);
        data[3] = 0;
        data[4] = (byte) 0xE4;
        data[5] = 0x7F;
        data[6] = ' ';
        data[7] = '~';
        // What `hexdump -C` prints for these bytes (without its final line with the length).
        String expected = ""
                + "00000000  41 42 43 00 e4 7f 20 7e  49 4a 4b 4c 4d 4e 4f 50  |ABC... ~IJKLMNOP|\n"
                + "00000010  51 52 53 54                                       |QRST|\n";
        assertEquals(expected, PayloadCodec.hexDump(data, 1000));
        assertEquals("00000000  41 42 43 00 e4 7f 20 7e  49 4a 4b 4c 4d 4e 4f 50  |ABC... ~IJKLMNOP|\n…\n",
                PayloadCodec.hexDump(data, 16));
        assertEquals("00000000  41 42 43 00 e4 7f 20 7e  49                       |ABC... ~I|\n…\n",
                PayloadCodec.hexDump(data, 9));
        assertEquals("00000000  41 42 43 00 e4 7f 20 7e                           |ABC... ~|\n",
                PayloadCodec.hexDump(java.util.Arrays.copyOf(data, 8), 8));
        assertEquals("", PayloadCodec.hexDump(new byte[0], 10));
        assertEquals("…\n", PayloadCodec.hexDump(data, 0));
        assertThrows(IllegalArgumentException.class, () -> PayloadCodec.hexDump(data, -1));

        byte[] big = new byte[0x1234];
        String dump = PayloadCodec.hexDump(big, big.length);
        String[] lines = dump.split("\n");
        assertEquals(0x1234 / 16 + 1, lines.length);
        assertEquals("00001230  00 00 00 00                                       |....|", lines[lines.length - 1]);
        for (String line : lines) assertEquals(60, line.indexOf('|'), line);
    }
}
