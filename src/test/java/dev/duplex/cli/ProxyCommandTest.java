package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** {@code duplex proxy}'s bad input: each a clear line on stderr and an exit status, never a stack trace. */
class ProxyCommandTest {
    private record Run(int status, String out, String err) { }

    private static Run run(Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> stop.countDown(), locale);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Locale.ENGLISH, args);
    }

    private static void assertUsage(String firstLine, String... args) {
        Run r = run(args);
        assertEquals(Cli.USAGE, r.status(), r.err());
        assertEquals(firstLine, r.err().lines().findFirst().orElse(""), r.err());
        assertTrue(r.err().contains("Try 'duplex proxy --help' for its options."), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void aPortInUseIsOneLineAndStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("proxy", "--listen", "127.0.0.1:" + taken.getLocalPort(), "--upstream", "ws://127.0.0.1:9/");
            assertEquals(Cli.FAILED, r.status());
            assertEquals("duplex proxy: port in use: another program already listens on 127.0.0.1:" + taken.getLocalPort()
                    + ". Choose another port, or 0 for any free one.", r.err().strip());
        }
    }

    @Test
    void aMalformedUpstreamOrListenIsAUsageError() {
        assertUsage("duplex proxy: --upstream http://127.0.0.1:8080/x: A WebSocket URL starts with ws:// or wss://."
                + " Did you mean ws://127.0.0.1:8080/x?", "proxy", "--listen", "0", "--upstream", "http://127.0.0.1:8080/x");
        assertUsage("duplex proxy: --upstream ws://exa mple/: This is not a valid URL: Illegal character in authority (6)",
                "proxy", "--listen", "0", "--upstream", "ws://exa mple/");
        assertUsage("duplex proxy: --listen 127.0.0.1:http: Where to listen is [ADDR:]PORT, such as 9000 or 127.0.0.1:9000"
                + " (the port 0 to 65535), not \"127.0.0.1:http\".", "proxy", "--listen", "127.0.0.1:http", "--upstream", "ws://h/");
        assertUsage("duplex proxy: --listen is needed: Where clients connect: [ADDR:]PORT (ADDR 127.0.0.1 by default, this"
                + " machine only; 0.0.0.0 for every interface; PORT 0 picks a free one).", "proxy", "--upstream", "ws://h/");
    }

    @Test
    void aBadRewriteOrDropIsAUsageError() {
        assertUsage("duplex proxy: --rewrite: \"([a\" is not a valid regular expression: Unclosed character class (at character 3).",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--rewrite", "up:([a=>b");
        assertUsage("duplex proxy: --rewrite: A rewrite starts with up: (to the server) or down: (to the client), as in"
                + " up:REGEX=>TEXT, not \"sideways:a=>b\".", "proxy", "--listen", "0", "--upstream", "ws://h/", "--rewrite", "sideways:a=>b");
        assertUsage("duplex proxy: --rewrite: A rewrite is up:REGEX=>TEXT or down:REGEX=>TEXT; \"up:abc\" has no =>.",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--rewrite", "up:abc");
        assertUsage("duplex proxy: --rewrite: The replacement \"<$2>\" cannot be used: $2 is not a group of the expression,"
                + " or stands alone (write \\$2 for the character itself).",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--rewrite", "up:(a)=><$2>");
        assertUsage("duplex proxy: --drop: \"*x\" is not a valid regular expression: Dangling meta character '*' (at character 1).",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--drop", "down:*x");
    }

    @Test
    void aBadHeaderEditIsAUsageError() {
        assertUsage("duplex proxy: --header: An extra header must look like Name: value, not \"no colon\".",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--header", "no colon");
        assertUsage("duplex proxy: --header: Sec-WebSocket-Key belongs to each leg of the proxy (as Host, Connection,"
                + " Upgrade and the Sec-WebSocket- headers do) and cannot be set or removed.",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--header", "Sec-WebSocket-Key: x");
        assertUsage("duplex proxy: --remove-header: host belongs to each leg of the proxy (as Host, Connection,"
                + " Upgrade and the Sec-WebSocket- headers do) and cannot be set or removed.",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--remove-header", "host");
        assertUsage("duplex proxy: --remove-header: \"a b\" is not a header name.",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--remove-header", "a b");
    }

    @Test
    void aTlsPasswordWithoutItsFileIsAUsageError() {
        assertUsage("duplex proxy: --tls-password goes with --tls-pkcs12",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--tls-password", "secret");
    }

    @Test
    void aBadDelayIsAUsageError() {
        for (String bad : new String[] {"up:slow", "up:slow=>0", "up:slow=>soon", "sideways:a=>10", "up:slow=>600001"}) {
            assertUsage("duplex proxy: --delay: A delay is up:REGEX=>MS or down:REGEX=>MS, MS from 1 to 600000, not \""
                    + bad + "\".", "proxy", "--listen", "0", "--upstream", "ws://h/", "--delay", bad);
        }
        assertUsage("duplex proxy: --delay: \"*x\" is not a valid regular expression: Dangling meta character '*' (at character 1).",
                "proxy", "--listen", "0", "--upstream", "ws://h/", "--delay", "down:*x=>5");
    }

    @Test
    void theHelpInBothLanguages() {
        Run en = run("proxy", "--help");
        assertEquals(Cli.OK, en.status());
        assertTrue(en.out().contains("--rewrite=up|down:REGEX=>TEXT"), en.out());
        assertTrue(en.out().contains("502"), en.out());
        Run zh = run(Locale.SIMPLIFIED_CHINESE, "proxy", "--help");
        assertTrue(zh.out().contains("把每个客户端转接到的 ws:// 或 wss:// URL。"), zh.out());
        assertTrue(run("--help").out().contains("duplex proxy --listen [ADDR:]PORT --upstream URL"));
    }
}
