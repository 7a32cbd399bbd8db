package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A browser's "Copy as cURL" of a WebSocket request, as Chrome (bash, with its $'…' quoting) and Firefox
 * write it, read as a client tab's settings.
 */
class CurlInputTest {
    /** As Chrome 120 copies a WebSocket request in bash form (cookies as -b, a quote in a value as $'…'). */
    private static final String CHROME = """
            curl 'wss://chat.example.com/socket?room=42' \\
              -H 'Upgrade: websocket' \\
              -H 'Origin: https://chat.example.com' \\
              -H 'Cache-Control: no-cache' \\
              -H 'Accept-Language: zh-CN,zh;q=0.9,en;q=0.8' \\
              -H 'Pragma: no-cache' \\
              -b 'session=abc123; theme=dark' \\
              -H 'Connection: Upgrade' \\
              -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \\
              -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' \\
              -H 'Sec-WebSocket-Version: 13' \\
              -H 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits' \\
              -H 'Sec-WebSocket-Protocol: chat.v2, chat.v1' \\
              -H $'X-Note: it\\'s \\xe4\\xbd\\xa0\\xe5\\xa5\\xbd'
            """;

    /** As Firefox 120 copies one: on one line, every header as -H, the Upgrade last. */
    private static final String FIREFOX = "curl 'wss://chat.example.com/socket' -H 'User-Agent: Mozilla/5.0 (X11; Linux"
            + " x86_64; rv:120.0) Gecko/20100101 Firefox/120.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5'"
            + " -H 'Accept-Encoding: gzip, deflate, br' -H 'Sec-WebSocket-Version: 13' -H 'Origin: https://chat.example.com'"
            + " -H 'Sec-WebSocket-Extensions: permessage-deflate' -H 'Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw=='"
            + " -H 'Connection: keep-alive, Upgrade' -H 'Cookie: session=abc123' -H 'Sec-Fetch-Dest: empty'"
            + " -H 'Sec-Fetch-Mode: websocket' -H 'Sec-Fetch-Site: same-origin' -H 'Pragma: no-cache'"
            + " -H 'Cache-Control: no-cache' -H 'Upgrade: websocket'";

    @Test
    void chromesCopyBecomesTheTabsSettings() {
        assertTrue(CurlInput.looksLikeCurl(CHROME));
        CurlInput c = CurlInput.parse(CHROME).value();
        assertEquals("wss://chat.example.com/socket?room=42", c.url());
        assertEquals("https://chat.example.com", c.origin());
        assertEquals(List.of("chat.v2", "chat.v1"), c.subprotocols());
        assertEquals(List.of("Cache-Control: no-cache", "Accept-Language: zh-CN,zh;q=0.9,en;q=0.8", "Pragma: no-cache",
                "Cookie: session=abc123; theme=dark",
                "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "X-Note: it's 你好"), c.headers(), "bash's $'…' with a quote and UTF-8 bytes");
        assertEquals(List.of("Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
                "Sec-WebSocket-Extensions"), c.dropped(), "the browser's own upgrade headers");

        ClientInput.Connection connection = c.input(null).connection().value();
        assertEquals("https://chat.example.com", connection.options().origin());
        assertEquals(List.of("chat.v2", "chat.v1"), connection.options().subprotocols());
        assertEquals("session=abc123; theme=dark", connection.options().headers().get("Cookie"));
    }

    @Test
    void firefoxsCopyToo() {
        CurlInput c = CurlInput.parse(FIREFOX).value();
        assertEquals("wss://chat.example.com/socket", c.url());
        assertEquals("https://chat.example.com", c.origin());
        assertEquals(List.of(), c.subprotocols());
        assertTrue(c.headers().contains("Cookie: session=abc123"));
        assertTrue(c.headers().contains("Sec-Fetch-Mode: websocket"), "the other headers go as the browser sent them");
        assertFalse(c.headers().stream().anyMatch(h -> h.startsWith("Sec-WebSocket-") || h.startsWith("Upgrade")
                || h.startsWith("Connection")), c.headers().toString());
    }

    @Test
    void curlsOwnOptionsBecomeHeadersAndHttpsReadsAsWss() {
        CurlInput c = CurlInput.parse("curl --compressed -u 'ann:s3cret' -A 'tool/1.0' -e https://app.example/page"
                + " \"https://api.example/live\" -k").value();
        assertEquals("wss://api.example/live", c.url());
        assertEquals(null, c.origin(), "no Origin in the request: none is sent");
        assertEquals(List.of("Authorization: Basic YW5uOnMzY3JldA==", "User-Agent: tool/1.0", "Referer: https://app.example/page"),
                c.headers());
        assertEquals(List.of("--compressed", "-k"), c.dropped(), "--insecure is not taken: there is no trust-all");
        assertFalse(c.input(null).sendOrigin());
    }

    @Test
    void whatIsNotACurlCommandSaysWhy() {
        assertEquals("form.curl.quote", CurlInput.parse("curl 'wss://h/").problem().key());
        assertEquals("form.curl.notCurl", CurlInput.parse("wget wss://h/").problem().key());
        assertEquals("form.curl.noUrl", CurlInput.parse("curl -H 'A: b'").problem().key());
        assertEquals("form.curl.twoUrls", CurlInput.parse("curl wss://a/ wss://b/").problem().key());
        assertEquals("form.curl.value", CurlInput.parse("curl wss://a/ -H").problem().key());
        assertEquals(Field.URL, CurlInput.parse("curl").problem().field(), "pasted into the URL field: shown there");
        assertFalse(CurlInput.looksLikeCurl("wss://curl.example/"));
    }

    @Test
    void shellWordsReadAsBashWouldWithoutExpanding() throws Exception {
        assertEquals(List.of("a b", "c\"d", "$HOME", "*", "e\\f", "x y"),
                ShellWords.split("'a b' \"c\\\"d\" '$HOME' * \"e\\f\" x\\ y"));
        assertEquals(List.of("tab\there", "\u00e9"), ShellWords.split("$'tab\\there' $'\\u00e9'"));
    }
}
