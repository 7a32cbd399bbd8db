package dev.duplex.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Both languages explain the same things, and every code, opcode and header the views ask about. */
class HelpTest {
    private static final List<String> HEADERS = List.of("Host", "Upgrade", "Connection", "Sec-WebSocket-Key",
            "Sec-WebSocket-Version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol", "Sec-WebSocket-Accept", "Origin");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = HelpTest.class.getResourceAsStream("/dev/duplex/i18n/" + name)) {
            assertTrue(in != null, name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws Exception {
        Set<String> en = new TreeSet<>(load("help.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("help_zh_CN.properties").stringPropertyNames());
        assertEquals(en, zh);
        // 15 close codes, 4 ranges, 7 opcodes, 3 bits, 9 headers, status 101.
        assertEquals(39, en.size(), "keys: " + en);
        assertTrue(load("help_en.properties").isEmpty(), "help_en only makes English resolve first");
    }

    @Test
    void textsAreMessageFormatSafeAndChineseIsChinese() throws Exception {
        for (String bundle : new String[] {"help.properties", "help_zh_CN.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                assertFalse(v.isBlank(), key);
                assertTrue(v.indexOf('\'') < 0 && v.indexOf('{') < 0 && v.indexOf('}') < 0, bundle + " " + key + ": " + v);
                if (bundle.contains("zh")) {
                    assertTrue(v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                            "no Chinese in " + key + ": " + v);
                }
            }
        }
    }

    @Test
    void everyCloseCodeOpcodeBitAndHeaderHasTextInBothLanguages() {
        Help en = Help.of(Locale.ENGLISH);
        Help zh = Help.of(Locale.SIMPLIFIED_CHINESE);
        for (Help h : new Help[] {en, zh}) {
            for (int code = 1000; code <= 1015; code++) {
                if (code == 1004) continue;
                assertTrue(h.get("help.close." + code).length() > 10, h.locale() + " close " + code);
                assertEquals(h.get("help.close." + code), h.closeCode(code));
            }
            for (int op : new int[] {0x0, 0x1, 0x2, 0x8, 0x9, 0xA}) {
                assertTrue(h.get(Help.opcodeKey(op)).length() > 10, h.locale() + " opcode " + op);
                assertEquals(h.get(Help.opcodeKey(op)), h.opcode(op));
            }
            for (String bit : new String[] {"fin", "rsv", "mask"}) assertFalse(h.bit(bit).isEmpty(), bit);
            for (String header : HEADERS) assertFalse(h.header(header).isEmpty(), header);
            assertFalse(h.status(101).isEmpty());
        }
        assertEquals("help.opcode.0xA", Help.opcodeKey(10));
        assertNotEquals(en.closeCode(1000), zh.closeCode(1000));
        assertTrue(en.closeCode(1000).startsWith("Normal closure"), en.closeCode(1000));
        assertTrue(zh.closeCode(1000).startsWith("正常关闭"), zh.closeCode(1000));
    }

    @Test
    void rangesReservedOpcodesAndUnknowns() {
        Help en = Help.of(Locale.ENGLISH);
        String reserved = en.get("help.close.range.reserved");
        assertEquals(reserved, en.closeCode(1004));
        assertEquals(reserved, en.closeCode(1016));
        assertEquals(reserved, en.closeCode(2999));
        assertEquals(en.get("help.close.range.library"), en.closeCode(3000));
        assertEquals(en.get("help.close.range.private"), en.closeCode(4999));
        assertEquals(en.get("help.close.range.invalid"), en.closeCode(999));
        assertEquals(en.get("help.close.range.invalid"), en.closeCode(5000));
        for (int code = -1; code < 70000; code += 7) assertFalse(en.closeCode(code).isEmpty(), "code " + code);

        for (int op : new int[] {0x3, 0x7, 0xB, 0xF}) assertEquals(en.get("help.opcode.reserved"), en.opcode(op));
        assertNotEquals(en.opcode(0x1), en.opcode(0x2));
        assertEquals("", en.opcode(16));
        assertEquals("", en.opcode(-1));

        assertEquals(en.header("sec-websocket-key"), en.header("SEC-WEBSOCKET-KEY"));
        assertEquals(en.header("Sec-WebSocket-Accept"), en.header(" sec-websocket-accept "));
        assertTrue(en.header("Sec-WebSocket-Accept").contains("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
        assertEquals("", en.header("X-Custom"));
        assertEquals("", en.header(""));
        assertEquals("", en.header(null));
        assertEquals(en.bit("rsv"), en.bit("RSV1"));
        assertEquals("", en.bit("opcode"));
        assertEquals("", en.status(200));
    }

    @Test
    void englishIsChosenEvenWhenTheJvmDefaultIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertTrue(Help.of(Locale.ENGLISH).closeCode(1001).startsWith("Going away"));
            assertTrue(Help.of(Locale.SIMPLIFIED_CHINESE).closeCode(1001).startsWith("离开"));
            assertTrue(Help.of(Locale.CHINA).closeCode(1001).startsWith("离开"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
