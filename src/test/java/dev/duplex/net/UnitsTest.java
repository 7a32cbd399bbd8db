package dev.duplex.net;

import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.protocol.CloseCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure pieces of net: reply templates, close codes, URL checks, payloads. */
class UnitsTest {

    @Test
    void echoTemplateIsExact() {
        assertTrue(ReplyTemplate.ECHO.isEcho());
        assertEquals("a{b}$1\\", ReplyTemplate.ECHO.reply("a{b}$1\\"));
        assertEquals("{message}", new ReplyTemplate("").template());
    }

    @Test
    void templateReplacesEveryPlaceholderLiterally() {
        ReplyTemplate t = new ReplyTemplate("<{message}|{message}>");
        assertEquals("<$1|$1>", t.reply("$1"));
        assertEquals("我已经收到消息 Received:你好", ReplyTemplate.SEED.reply("你好"));
        assertEquals("fixed", new ReplyTemplate("fixed").reply("ignored"));
    }

    @ParameterizedTest
    @CsvSource({
        "1000, close.1000", "1001, close.1001", "1006, close.1006", "1011, close.1011", "1015, close.1015",
        "1004, close.range.reserved", "2999, close.range.reserved", "3000, close.range.library",
        "4000, close.range.private", "4999, close.range.private", "999, close.range.invalid", "5000, close.range.invalid"
    })
    void closeCodesHaveAMeaningKey(int code, String key) {
        assertEquals(key, CloseCodes.key(code));
    }

    @Test
    void closeCodesThatMayNotGoOnTheWire() {
        assertFalse(CloseCodes.sendable(1005));
        assertFalse(CloseCodes.sendable(1006));
        assertFalse(CloseCodes.sendable(1015));
        assertFalse(CloseCodes.sendable(999));
        assertTrue(CloseCodes.sendable(1000));
        assertTrue(CloseCodes.sendable(4000));
    }

    @Test
    void urlWithoutPathGetsASlash() throws Exception {
        assertEquals(URI.create("ws://localhost:8080/"), WsUrl.parse(" ws://localhost:8080 "));
        assertEquals(URI.create("ws://localhost/shiming?x=1"), WsUrl.parse("ws://localhost/shiming?x=1"));
        assertEquals(URI.create("wss://example.com/?a=b"), WsUrl.parse("wss://example.com?a=b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|url.empty", "'   '|url.empty", "ws://exa mple/|url.malformed", "http://localhost:8080/|url.scheme",
        "localhost:8080|url.scheme", "ws:///path|url.host", "ws://localhost:99999/|url.port", "ws://h/#frag|url.fragment"
    })
    void badUrlsSayWhatIsWrong(String text, String key) {
        WsUrl.InvalidUrlException e = assertThrows(WsUrl.InvalidUrlException.class, () -> WsUrl.parse(text));
        assertEquals(key, e.key());
    }

    @Test
    void httpUrlSuggestsTheWsOne() {
        WsUrl.InvalidUrlException e = assertThrows(WsUrl.InvalidUrlException.class,
                () -> WsUrl.parse("http://localhost:8080/shiming"));
        assertEquals("ws://localhost:8080/shiming", e.detail());
    }

    @Test
    void aUrlWithoutSchemeSuggestsWs() {
        WsUrl.InvalidUrlException e = assertThrows(WsUrl.InvalidUrlException.class, () -> WsUrl.parse("localhost:8080"));
        assertEquals("ws://localhost:8080", e.detail());
        e = assertThrows(WsUrl.InvalidUrlException.class, () -> WsUrl.parse("ftp://h/x"));
        assertEquals("ws://h/x", e.detail());
    }

    @Test
    void defaultOriginIsThePageOfTheSameHost() {
        assertEquals("http://localhost:8080", WsUrl.defaultOrigin(URI.create("ws://localhost:8080/shiming")));
        assertEquals("https://example.com", WsUrl.defaultOrigin(URI.create("wss://example.com/")));
    }

    @Test
    void payloadShowsBinaryAsHex() {
        Payload p = Payload.binary(new byte[] {0x00, 0x7f, (byte) 0xab});
        assertEquals("00 7f ab", p.hexPreview(10));
        assertEquals("00 7f …", p.hexPreview(2));
        assertEquals(3, p.size());
        assertEquals(6, Payload.text("你好").size());
    }

    @Test
    void serverConfigDefaultsToLoopbackAndNormalisesPath() {
        ServerConfig c = new ServerConfig(null, 0, "shiming", null);
        assertEquals("127.0.0.1", c.bindAddress());
        assertEquals("/shiming", c.path());
        assertTrue(c.reply().isEcho());
        assertFalse(c.allInterfaces());
        assertTrue(new ServerConfig("0.0.0.0", 0, "", null).allInterfaces());
        assertThrows(IllegalArgumentException.class, () -> new ServerConfig(null, 70000, "", null));
    }
}
