package dev.duplex.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.duplex.options.ShellWords;

/** A tab as commands: each word comes back whole when a shell reads the line. */
class CommandLinesTest {
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("Authorization", "Bearer it's $HOME");
        HEADERS.put("X-Note", "你好, world");
    }

    private final CommandLines tab = new CommandLines(URI.create("wss://h.example/chat?x=1&y=2"), "https://app.example",
            HEADERS, List.of("chat.v2", "chat.v1"), null);

    @Test
    void duplexConnect() throws Exception {
        assertEquals(List.of("duplex", "connect", "wss://h.example/chat?x=1&y=2", "--origin", "https://app.example",
                "--header", "Authorization: Bearer it's $HOME", "--header", "X-Note: 你好, world",
                "--subprotocol", "chat.v2", "--subprotocol", "chat.v1"), ShellWords.split(tab.duplex()));
        assertEquals(List.of("duplex", "connect", "ws://h/", "--no-origin", "--proxy", "socks5h://127.0.0.1:1080"),
                ShellWords.split(new CommandLines(URI.create("ws://h/"), null, Map.of(), List.of(), "socks5h://127.0.0.1:1080").duplex()));
    }

    @Test
    void websocatAndWscat() throws Exception {
        assertEquals(List.of("websocat", "--origin", "https://app.example", "-H", "Authorization: Bearer it's $HOME",
                "-H", "X-Note: 你好, world", "--protocol", "chat.v2, chat.v1", "wss://h.example/chat?x=1&y=2"),
                ShellWords.split(tab.websocat()));
        assertEquals(List.of("wscat", "-c", "wss://h.example/chat?x=1&y=2", "-o", "https://app.example", "-H",
                "Authorization: Bearer it's $HOME", "-H", "X-Note: 你好, world", "-s", "chat.v2", "-s", "chat.v1"),
                ShellWords.split(tab.wscat()));
        CommandLines socks = new CommandLines(URI.create("ws://h/"), null, Map.of(), List.of(), "socks5://u:p@10.0.0.1:1080");
        assertEquals("websocat --socks5 10.0.0.1:1080 ws://h/", socks.websocat());
        assertEquals("wscat -c ws://h/ --proxy socks5://u:p@10.0.0.1:1080", socks.wscat());
        CommandLines http = new CommandLines(URI.create("ws://h/"), null, Map.of(), List.of(), "http://10.0.0.1:3128");
        assertEquals("websocat ws://h/  # websocat has no option for an HTTP proxy: http://10.0.0.1:3128", http.websocat());
    }

    @Test
    void aDuplexCommandCarriesTheClientCertificateKeyAndCaFileButNeverThePassword() throws Exception {
        String line = CommandLines.withClientTls("duplex connect wss://h/", "/home/me/my cert.p12", "", "/etc/ca.pem");
        assertEquals(List.of("duplex", "connect", "wss://h/", "--client-cert", "/home/me/my cert.p12", "--ca", "/etc/ca.pem"),
                ShellWords.split(line));
        assertEquals("duplex connect wss://h/", CommandLines.withClientTls("duplex connect wss://h/", null, null, " "));
    }

    @Test
    void wscatTakesPemCertificatesAndSaysWhenItCannot() throws Exception {
        assertEquals(List.of("wscat", "-c", "wss://h/", "--cert", "/c/me.pem", "--key", "/c/me.key", "--ca", "/c/ca.pem"),
                ShellWords.split(CommandLines.wscatWithClientTls("wscat -c wss://h/", "/c/me.pem", "/c/me.key", "/c/ca.pem")));
        assertEquals("wscat -c wss://h/  # wscat reads PEM only: convert /c/me.p12 with openssl pkcs12",
                CommandLines.wscatWithClientTls("wscat -c wss://h/", "/c/me.p12", null, null));
    }
}
