package dev.duplex.check;

import static dev.duplex.check.Script.script;
import static dev.duplex.check.Script.utf8;
import static dev.duplex.check.Wire.CONTINUATION;
import static dev.duplex.check.Wire.TEXT;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Group 6: UTF-8 in text messages. The table of valid and invalid sequences (after Markus Kuhn's UTF-8
 * decoder stress test, as Autobahn's 6.5 to 6.23 use it), each sent whole and in 1-byte fragments; and an
 * invalid message split into two fragments at every byte. A valid one must be echoed; an invalid one must
 * fail the connection with 1007 (RFC 6455 8.1), as early as the server can tell.
 */
final class Utf8Cases {
    static final int INVALID_DATA = 1007;
    private static final String S = "8.1";
    /** κόσμε, an encoded surrogate (never valid in UTF-8), then "edited". */
    private static final String INVALID_KOSME = "cebae1bdb9cf83cebcceb5" + "eda080" + "656469746564";

    /** One row of the table: the subgroup, what it is, the bytes (hex), whether they are valid UTF-8. */
    private record Row(int sub, String what, String hex, boolean valid) { }

    private Utf8Cases() { }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("6.1.1", "An empty text message is echoed", "5.6", true, script().echo(TEXT, new byte[0])));
        all.add(new Case("6.1.2", "An empty text message in 3 empty fragments is echoed", "5.4", true,
                script().frame(false, 0, TEXT, new byte[0]).frame(false, 0, CONTINUATION, new byte[0])
                        .frame(true, 0, CONTINUATION, new byte[0]).expect(TEXT, new byte[0])));
        all.add(new Case("6.1.3", "Empty fragments, then one with text: echoed whole", "5.4", true,
                script().frame(false, 0, TEXT, new byte[0]).frame(false, 0, CONTINUATION, utf8("middle frame payload"))
                        .frame(true, 0, CONTINUATION, new byte[0]).expect(TEXT, utf8("middle frame payload"))));
        String hello = "Hello-µ@ßöäüàá-UTF-8!!";
        all.add(new Case("6.2.1", "Valid UTF-8 text with 2-byte characters, in one frame", S, true, script().echoText(hello)));
        byte[] h = utf8(hello);
        all.add(new Case("6.2.2", "The same, in 2 fragments split between characters", S, true,
                script().frame(false, 0, TEXT, Arrays.copyOf(h, 7)).frame(true, 0, CONTINUATION, Arrays.copyOfRange(h, 7, h.length))
                        .expect(TEXT, h)));
        all.add(new Case("6.2.3", "The same, in 1-byte fragments (split inside characters)", S, true, script().fragmented(TEXT, h, 1)));
        byte[] kosme = hex("cebae1bdb9cf83cebcceb5");
        all.add(new Case("6.2.4", "κόσμε (3-byte characters) in 1-byte fragments", S, true, script().fragmented(TEXT, kosme, 1)));
        byte[] bad = hex(INVALID_KOSME);
        all.add(new Case("6.3.1", "κόσμε + an invalid sequence (ED A0 80) + text, in one frame", S, false,
                script().frame(TEXT, bad).fails(INVALID_DATA)));
        all.add(new Case("6.3.2", "κόσμε + an invalid sequence (ED A0 80) + text, in 1-byte fragments", S, false,
                script().fragmentsOf(TEXT, bad, 1).fails(INVALID_DATA)));
        splitEverywhere(all);
        int[] next = new int[30];
        for (Row r : table()) add(all, r, next);
        return all;
    }

    /** 6.4: κόσμε, an invalid sequence, more text: cut into two fragments at every byte. */
    private static void splitEverywhere(List<Case> all) {
        byte[] bad = hex(INVALID_KOSME);
        for (int cut = 1; cut < bad.length; cut++) {
            all.add(new Case("6.4." + cut, "κόσμε + an invalid sequence (ED A0 80) + text, in 2 fragments cut after byte " + cut,
                    S, false, script().frame(false, 0, TEXT, Arrays.copyOf(bad, cut))
                    .frame(true, 0, CONTINUATION, Arrays.copyOfRange(bad, cut, bad.length)).fails(INVALID_DATA)));
        }
    }

    private static void add(List<Case> all, Row r, int[] next) {
        byte[] b = hex(r.hex());
        String what = r.what() + " (" + shortHex(r.hex()) + "), " + (r.valid() ? "valid" : "invalid");
        all.add(new Case("6." + r.sub() + "." + ++next[r.sub()], what + ", in one frame", S, r.valid(),
                r.valid() ? script().echo(TEXT, b) : script().frame(TEXT, b).fails(INVALID_DATA)));
        all.add(new Case("6." + r.sub() + "." + ++next[r.sub()], what + ", in 1-byte fragments", S, r.valid(),
                r.valid() ? script().fragmented(TEXT, b, 1) : script().fragmentsOf(TEXT, b, 1).fails(INVALID_DATA)));
    }

    private static String shortHex(String hex) {
        String spaced = hex.replaceAll("(..)(?!$)", "$1 ").toUpperCase(java.util.Locale.ROOT);
        return spaced.length() > 36 ? spaced.substring(0, 36) + "…" : spaced;
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static List<Row> table() {
        List<Row> t = new ArrayList<>();
        t.add(new Row(5, "κόσμε", "cebae1bdb9cf83cebcceb5", true));
        t.add(new Row(5, "κ", "ceba", true));
        t.add(new Row(5, "κό", "cebae1bdb9", true));
        t.add(new Row(5, "κόσ", "cebae1bdb9cf83", true));
        t.add(new Row(5, "κόσμ", "cebae1bdb9cf83cebc", true));
        for (String cut : new String[] {"ce", "cebae1", "cebae1bd", "cebae1bdb9cf", "cebae1bdb9cf83ce", "cebae1bdb9cf83cebcce"}) {
            t.add(new Row(6, "κόσμε cut inside a character", cut, false));
        }
        t.add(new Row(7, "first 1-byte sequence U+0000", "00", true));
        t.add(new Row(7, "first 2-byte sequence U+0080", "c280", true));
        t.add(new Row(7, "first 3-byte sequence U+0800", "e0a080", true));
        t.add(new Row(7, "first 4-byte sequence U+10000", "f0908080", true));
        t.add(new Row(8, "a 5-byte sequence", "f888808080", false));
        t.add(new Row(8, "a 6-byte sequence", "fc8480808080", false));
        t.add(new Row(9, "last 1-byte sequence U+007F", "7f", true));
        t.add(new Row(9, "last 2-byte sequence U+07FF", "dfbf", true));
        t.add(new Row(9, "last 3-byte sequence U+FFFF", "efbfbf", true));
        t.add(new Row(9, "last code point U+10FFFF", "f48fbfbf", true));
        t.add(new Row(10, "4-byte sequence above U+10FFFF", "f7bfbfbf", false));
        t.add(new Row(10, "5-byte sequence", "fbbfbfbfbf", false));
        t.add(new Row(10, "6-byte sequence", "fdbfbfbfbfbf", false));
        t.add(new Row(11, "U+D7FF", "ed9fbf", true));
        t.add(new Row(11, "U+E000", "ee8080", true));
        t.add(new Row(11, "U+FFFD", "efbfbd", true));
        t.add(new Row(11, "U+10FFFF", "f48fbfbf", true));
        t.add(new Row(11, "U+110000", "f4908080", false));
        for (String c : new String[] {"80", "bf", "80bf", "80bf80", "80bf80bf", "80bf80bf80", "80bf80bf80bf"}) {
            t.add(new Row(12, "unexpected continuation bytes", c, false));
        }
        t.add(new Row(12, "all 64 continuation bytes", range(0x80, 0xbf, ""), false));
        t.add(new Row(13, "lonely 2-byte starts, each followed by a space", range(0xc0, 0xdf, "20"), false));
        t.add(new Row(13, "lonely 3-byte starts, each followed by a space", range(0xe0, 0xef, "20"), false));
        t.add(new Row(13, "lonely 4-byte starts, each followed by a space", range(0xf0, 0xf7, "20"), false));
        t.add(new Row(13, "lonely 5-byte starts, each followed by a space", range(0xf8, 0xfb, "20"), false));
        t.add(new Row(13, "lonely 6-byte starts, each followed by a space", range(0xfc, 0xfd, "20"), false));
        String[] cut = {"c0", "e080", "f08080", "f8808080", "fc80808080", "df", "efbf", "f7bfbf", "fbbfbfbf", "fdbfbfbfbf"};
        for (String c : cut) t.add(new Row(14, "a sequence without its last continuation byte", c, false));
        t.add(new Row(15, "all of 6.14 one after the other", String.join("", cut), false));
        for (String c : new String[] {"fe", "ff", "fefeffff"}) t.add(new Row(16, "impossible bytes", c, false));
        for (String c : new String[] {"c0af", "e080af", "f08080af", "f8808080af", "fc80808080af"}) {
            t.add(new Row(17, "overlong '/'", c, false));
        }
        for (String c : new String[] {"c1bf", "e09fbf", "f08fbfbf", "f887bfbfbf", "fc83bfbfbfbf"}) {
            t.add(new Row(18, "largest overlong sequence", c, false));
        }
        for (String c : new String[] {"c080", "e08080", "f0808080", "f880808080", "fc8080808080"}) {
            t.add(new Row(19, "overlong NUL", c, false));
        }
        for (String c : new String[] {"eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80", "edbfbf"}) {
            t.add(new Row(20, "a single UTF-16 surrogate", c, false));
        }
        for (String c : new String[] {"eda080edb080", "eda080edbfbf", "edadbfedb080", "edadbfedbfbf", "edae80edb080",
                "edae80edbfbf", "edafbfedb080", "edafbfedbfbf"}) {
            t.add(new Row(21, "a pair of UTF-16 surrogates", c, false));
        }
        t.add(new Row(22, "noncharacters U+FFFE, U+FFFF", "efbfbeefbfbf", true));
        for (int plane = 1; plane <= 16; plane++) {
            t.add(new Row(22, "noncharacter U+" + Integer.toHexString(plane) + "FFFE", utf8Hex(plane * 0x10000 + 0xfffe), true));
            t.add(new Row(22, "noncharacter U+" + Integer.toHexString(plane) + "FFFF", utf8Hex(plane * 0x10000 + 0xffff), true));
        }
        StringBuilder fdd0 = new StringBuilder();
        for (int c = 0xfdd0; c <= 0xfdef; c++) fdd0.append(utf8Hex(c));
        t.add(new Row(22, "noncharacters U+FDD0 to U+FDEF", fdd0.toString(), true));
        t.add(new Row(23, "U+FFFD replacement character", "efbfbd", true));
        t.add(new Row(23, "a byte order mark at the start", "efbbbf48656c6c6f", true));
        t.add(new Row(23, "text, then a truncated 3-byte sequence at the very end", "48656c6c6fe282", false));
        t.add(new Row(23, "text, then a lone surrogate, then text", "48656c6c6feda08048656c6c6f", false));
        return t;
    }

    private static String range(int from, int to, String after) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) b.append(String.format("%02x", i)).append(after);
        return b.toString();
    }

    private static String utf8Hex(int codePoint) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(o.toByteArray());
    }
}
