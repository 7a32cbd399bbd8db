package dev.duplex.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.duplex.check.CaseTitles;
import dev.duplex.check.client.ClientCheckServer;

/** Every case of the checker reads in Chinese under Chinese, by a pattern and not by the English fallback. */
class CaseTitleTextTest {
    /**
     * What may stay in Latin letters in a Chinese title: protocol names and header names, units, the frame
     * kinds as the RFC names them, data formats, WebSocket itself (in the client titles: Upgrade: websocket), permessage-deflate's parameters, hex bytes and code points. Anything else of three letters or more is
     * English that a pattern left untranslated (a captured piece no line matched).
     */
    private static final Pattern MAY_STAY = Pattern.compile("Sec-WebSocket-(Key|Accept|Version)|Upgrade|upgrade|Connection"
            + "|WebSocket|websocket|permessage-deflate|FIN|CESU-8|ASCII|POST|base64|UTF-(8|16)|RFC|IANA|Autobahn|TCP|RSV|ping|pong|NUL|BOM|KiB|MiB|JSON|HTML"
            + "|(server|client)_(no_context_takeover|max_window_bits)|κόσμε|κόσμε|U\\+[0-9A-Fa-f]+|\\b[0-9A-F]{2}\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");

    @Test
    void everyCaseHasAChineseTitleWithNoEnglishLeftInIt() {
        CaseTitleText zh = CaseTitleText.of(Locale.SIMPLIFIED_CHINESE);
        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (boolean full : new boolean[] {false, true}) {
            Map<String, String> titles = CaseTitles.all(full);
            assertTrue(titles.size() >= 250, "cases: " + titles.size());
            titles.forEach((id, title) -> zh.translated(title).ifPresentOrElse(t -> {
                if (ENGLISH_WORD.matcher(MAY_STAY.matcher(t).replaceAll("")).find()) english.add(id + " " + t);
            }, () -> missing.add(id + " " + title)));
        }
        assertEquals(List.of(), missing, "cases whose title would show in English");
        assertEquals(List.of(), english, "titles with English left in them");
    }

    @Test
    void everyClientCaseHasAChineseTitleWithNoEnglishLeftInIt() throws IOException {
        CaseTitleText zh = CaseTitleText.of(Locale.SIMPLIFIED_CHINESE);
        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 1000, r -> { })) {
            assertTrue(server.caseIds().size() >= 131, "client cases: " + server.caseIds().size());
            for (String id : server.caseIds()) {
                String title = server.title(id);
                zh.translated(title).ifPresentOrElse(t -> {
                    if (ENGLISH_WORD.matcher(MAY_STAY.matcher(t).replaceAll("")).find()) english.add(id + " " + t);
                }, () -> missing.add(id + " " + title));
            }
        }
        assertEquals(List.of(), missing, "client cases whose title would show in English");
        assertEquals(List.of(), english, "client titles with English left in them");
        assertEquals("关闭码为 1005 的关闭帧（该关闭码不得发送）：客户端必须使连接失败（1002 或断开 TCP）",
                zh.title("A close with code 1005, which may not be sent: the client must fail the connection (1002 or drop TCP)"));
    }

    @Test
    void capturedPiecesAreTranslatedAndNumbersKept() {
        CaseTitleText zh = CaseTitleText.of(Texts.of(Locale.SIMPLIFIED_CHINESE));
        assertEquals("一条 125 字节的二进制消息，一帧发出", zh.title("A binary message of 125 bytes in one frame"));
        assertEquals("超长编码的 NUL（C0 80），无效，以 1 字节的分片发出",
                zh.title("overlong NUL (C0 80), invalid, in 1-byte fragments"));
        // The first line that matches wins: a close frame is not a "{kind} frame" with kind "close".
        assertEquals("RSV = 7 的关闭帧使连接失败", zh.title("A close frame with RSV = 7 fails the connection"));
        assertEquals("A title nobody wrote a line for", zh.title("A title nobody wrote a line for"), "English as the fallback");
        assertFalse(zh.translated("A title nobody wrote a line for").isPresent());
    }

    @Test
    void englishIsTheCasesOwnTitle() {
        CaseTitleText en = CaseTitleText.of(Texts.of(Locale.ENGLISH));
        assertEquals("A binary message of 125 bytes in one frame", en.title("A binary message of 125 bytes in one frame"));
    }
}
