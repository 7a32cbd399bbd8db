package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.cli.Cli;
import dev.duplex.shell.CommandLines;

/**
 * cURL in, commands out, against peers nobody here wrote: a browser-style "Copy as cURL" given to {@code
 * duplex connect --curl}, and the {@code wscat} command Duplex writes for a tab run by bash with npm's
 * wscat. What Node's {@code ws} server upstream printed of each handshake is the proof.
 */
class CopiedCommandsTest {
    private static final String WSCAT_VERSION = "6.1.0";
    private NodeProxyPeers.Upstream upstream;

    @AfterEach
    void stop() throws Exception {
        if (upstream != null) upstream.close();
    }

    @Test
    void connectTakesABrowsersCopyAsCurl() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of("chat.v2"), null);
        String copied = "curl '" + upstream.uri("/socket?room=42") + "' \\\n"
                + "  -H 'Upgrade: websocket' \\\n  -H 'Origin: https://chat.example.com' \\\n"
                + "  -b 'session=abc123; theme=dark' \\\n  -H 'Connection: Upgrade' \\\n"
                + "  -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \\\n  -H 'Sec-WebSocket-Version: 13' \\\n"
                + "  -H 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits' \\\n"
                + "  -H 'Sec-WebSocket-Protocol: chat.v1, chat.v2' \\\n  -H $'X-Note: it\\'s fine'";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"connect", "--curl", copied, "--header", "X-Extra: from the command line"},
                new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), s -> { });
        NodeWsServer.Handshake seen = upstream.nextHandshake();
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertEquals("/socket?room=42", seen.url());
        assertEquals("https://chat.example.com", seen.header("origin"));
        assertEquals("session=abc123; theme=dark", seen.header("cookie"));
        assertEquals("it's fine", seen.header("x-note"));
        assertEquals("from the command line", seen.header("x-extra"));
        assertEquals("chat.v1, chat.v2", seen.header("sec-websocket-protocol"));
        assertEquals("chat.v2", seen.protocol());
        assertEquals(null, seen.header("sec-websocket-extensions"), "the browser's permessage-deflate offer is dropped");
        assertTrue(!seen.header("sec-websocket-key").equals("dGhlIHNhbXBsZSBub25jZQ=="), "a key of its own");
        assertEquals(Map.of("data", "hello"), upstream.nextMessage());
    }

    @Test
    void connectTakesFirefoxsCopyAsCurlToo() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        // Firefox's form: one line, every header as -H, its own Connection and Upgrade last.
        String copied = "curl '" + upstream.uri("/socket") + "' -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0)"
                + " Gecko/20100101 Firefox/120.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5'"
                + " -H 'Accept-Encoding: gzip, deflate, br' -H 'Sec-WebSocket-Version: 13' -H 'Origin: https://chat.example.com'"
                + " -H 'Sec-WebSocket-Extensions: permessage-deflate' -H 'Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw=='"
                + " -H 'Connection: keep-alive, Upgrade' -H 'Cookie: session=abc123' -H 'Sec-Fetch-Dest: empty'"
                + " -H 'Sec-Fetch-Mode: websocket' -H 'Sec-Fetch-Site: same-origin' -H 'Pragma: no-cache'"
                + " -H 'Cache-Control: no-cache' -H 'Upgrade: websocket'";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"connect", "--curl", copied},
                new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), s -> { });
        NodeWsServer.Handshake seen = upstream.nextHandshake();
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertEquals("https://chat.example.com", seen.header("origin"));
        assertEquals("session=abc123", seen.header("cookie"));
        assertTrue(seen.header("user-agent").contains("Firefox/120.0"), seen.json());
        assertEquals("websocket", seen.header("sec-fetch-mode"));
        assertEquals(null, seen.header("sec-websocket-extensions"), "the browser's offer is dropped");
    }

    @Test
    void theWscatCommandOfATabRunsAsWritten() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of("chat.v2"), null);
        Path wscat = NodeWsServer.installPackage("node-wscat", "wscat", WSCAT_VERSION).resolve("node_modules/.bin");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer it's $HOME");
        headers.put("X-Note", "a; b, \"c\" & d"); // Node takes ASCII header values only
        CommandLines tab = new CommandLines(upstream.uri("/chat?x=1&y=2"), "https://app.example", headers,
                List.of("chat.v1", "chat.v2"), null);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", tab.wscat() + " -x 'hello from wscat' -w 1");
        bash.environment().put("PATH", wscat + ":" + System.getenv("PATH"));
        // wscat quits when its standard input ends before it connected: the input stays open until the end.
        Process p = bash.redirectErrorStream(true).start();
        NodeWsServer.Handshake seen = upstream.nextHandshake();
        assertEquals("/chat?x=1&y=2", seen.url());
        assertEquals("https://app.example", seen.header("origin"));
        assertEquals("Bearer it's $HOME", seen.header("authorization"), "quoted for the shell, not expanded by it");
        assertEquals("a; b, \"c\" & d", seen.header("x-note"));
        assertEquals("chat.v2", seen.protocol());
        assertEquals(Map.of("data", "hello from wscat"), upstream.nextMessage());
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
    }
}
