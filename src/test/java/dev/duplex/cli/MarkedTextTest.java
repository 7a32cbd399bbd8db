package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The caret line under a differing span lines up on a terminal: ASCII, Chinese, escapes, hex, long texts. */
class MarkedTextTest {

    @Test
    void caretsUnderTheSpan() {
        assertEquals(new MarkedText.Marked("Received:hello", "^^^^^^^^"), MarkedText.text("Received:hello", 0, 8));
        assertEquals(new MarkedText.Marked("{\"n\":200}", "     ^"), MarkedText.text("{\"n\":200}", 5, 6));
    }

    @Test
    void anEmptySpanIsOneCaretAtItsPlace() {
        assertEquals(new MarkedText.Marked("hello", "     ^"), MarkedText.text("hello", 5, 5));
        assertEquals(new MarkedText.Marked("hello", "  ^"), MarkedText.text("hello", 2, 2));
        assertEquals(new MarkedText.Marked("", "^"), MarkedText.text("", 0, 0));
    }

    @Test
    void wideCharactersTakeTwoColumnsAndControlsAreEscaped() {
        // 我已经收到消息 is seven wide characters: the span after it starts at column 14.
        assertEquals(new MarkedText.Marked("我已经收到消息 Received:x", "              ^^^^^^^^^"),
                MarkedText.text("我已经收到消息 Received:x", 7, 16));
        assertEquals(new MarkedText.Marked("我已收到", "    ^^^^"), MarkedText.text("我已收到", 2, 4));
        assertEquals(new MarkedText.Marked("a\\nb\\tc", "   ^"), MarkedText.text("a\nb\tc", 2, 3));
        assertEquals(23, MarkedText.width("我已经收到消息 Received"));
    }

    @Test
    void aLongTextIsCutToAWindowAroundTheSpan() {
        String text = "x".repeat(100) + "DIFF" + "y".repeat(100);
        MarkedText.Marked m = MarkedText.text(text, 100, 104);
        assertEquals("…" + "x".repeat(24) + "DIFF" + "y".repeat(44) + "…", m.line());
        assertEquals(" ".repeat(25) + "^^^^", m.carets());
    }

    @Test
    void binaryIsHexWithTheBytesMarked() {
        byte[] bytes = {0, 1, (byte) 0xff, 3};
        assertEquals(new MarkedText.Marked("00 01 ff 03", "      ^^"), MarkedText.hex(bytes, 2, 3));
        assertEquals(new MarkedText.Marked("00 01 ff 03", "   ^^^^^"), MarkedText.hex(bytes, 1, 3));
        assertEquals(new MarkedText.Marked("00 01 ff 03", "            ^"), MarkedText.hex(bytes, 4, 4));
        byte[] many = new byte[100];
        many[50] = 7;
        MarkedText.Marked m = MarkedText.hex(many, 50, 51);
        assertEquals("… " + "00 ".repeat(8) + "07" + " 00".repeat(15) + " …", m.line());
        assertEquals(" ".repeat(2 + 24) + "^^", m.carets());
    }
}
