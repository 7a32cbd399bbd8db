package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help, in English and in Chinese, and arguments that do not make a command line, said in both. */
class HelpAndUsageErrorsTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private record Run(int status, String out, String err) { }

    private static Run run(Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { }, locale);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theHelpInEnglish() {
        Run r = run(EN, "--help");
        assertEquals(Cli.OK, r.status());
        assertTrue(r.out().startsWith("Usage: duplex                         open the window"), r.out());
        assertTrue(r.out().contains("duplex serve [OPTIONS]"), r.out());
        assertTrue(r.out().contains("Exit status:"), r.out());
        assertTrue(r.out().contains("  3   the connection closed abnormally"), r.out());
        Run serve = run(EN, "serve", "--help");
        assertTrue(serve.out().contains("--refuse=STATUS        Answer every upgrade with this HTTP status"), serve.out());
        assertEquals(serve.out(), run(EN, "help", "serve").out(), "help serve is serve --help");
        assertTrue(run(EN, "connect", "-h").out().contains("/close [code] [reason]"));
    }

    @Test
    void theHelpInChinese() {
        Run r = run(ZH, "--help");
        assertEquals(Cli.OK, r.status());
        assertTrue(r.out().startsWith("用法：duplex                         打开窗口"), r.out());
        assertTrue(r.out().contains("退出状态："), r.out());
        assertTrue(run(ZH, "serve", "--help").out().contains("对每个升级请求都以这个 HTTP 状态码"));
        assertTrue(run(ZH, "connect", "--help").out().contains("要连接的 ws:// 或 wss:// URL。"));
    }

    @Test
    void everyOptionAndParameterIsDescribedInBothLanguages() {
        for (Locale locale : new Locale[] {EN, ZH}) {
            CommandLine line = Cli.commandLine(new DuplexCommand(), locale);
            for (CommandLine command : List.of(line, line.getSubcommands().get("serve"), line.getSubcommands().get("connect"),
                    line.getSubcommands().get("replay"))) {
                CommandSpec spec = command.getCommandSpec();
                assertTrue(spec.usageMessage().header().length > 0 || spec.parent() == null, spec.qualifiedName());
                for (ArgSpec arg : spec.args()) {
                    String[] words = arg.description();
                    assertTrue(words.length > 0 && !words[0].isBlank(), spec.qualifiedName() + " " + arg + " in " + locale);
                }
            }
        }
    }

    @Test
    void bothHelpBundlesHaveTheSameKeys() throws Exception {
        assertEquals(keys("usage.properties"), keys("usage_zh_CN.properties"));
    }

    private static java.util.Set<String> keys(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = HelpAndUsageErrorsTest.class.getResourceAsStream("/dev/duplex/cli/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new java.util.TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void theVersionAndNoCommandAtAll() {
        assertEquals("duplex " + Version.get(), run(ZH, "--version").out().strip());
        assertEquals("duplex " + Version.get(), run(EN, "-V").out().strip());
        Run none = run(EN);
        assertEquals(Cli.USAGE, none.status());
        assertTrue(none.out().contains("duplex serve [OPTIONS]"), none.out());
    }

    /** A bad value: the option as typed, then exactly the words the window shows for that field. */
    @Test
    void aBadValueIsTheWindowsWordsAfterTheOption() {
        for (Locale locale : new Locale[] {EN, ZH}) {
            Texts texts = Texts.of(locale);
            assertUsage(locale, "duplex serve: " + texts.get("cli.badValue", "--port abc", texts.get("form.port")),
                    "serve", "--port", "abc");
            assertUsage(locale, "duplex serve: " + texts.get("cli.badValue", "--delay -1", texts.get("form.replyDelay")),
                    "serve", "--delay", "-1");
            assertUsage(locale, "duplex serve: " + texts.get("cli.badValue", "--refuse-header",
                    texts.get("form.refuseHeaders")), "serve", "--refuse", "403", "--refuse-header", "nocolon");
            assertUsage(locale, "duplex connect: " + texts.get("cli.badValue", "--timeout 700000", texts.get("form.timeout")),
                    "connect", "ws://h/", "--timeout", "700000");
            assertUsage(locale, "duplex connect: " + texts.get("cli.badValue", "URL",
                    texts.get("url.scheme", "ws://localhost/")), "connect", "http://localhost/");
            assertUsage(locale, "duplex connect: " + texts.get("cli.badValue", "--header",
                    texts.get("form.header", "no colon")), "connect", "ws://h/", "--header", "no colon");
            assertUsage(locale, "duplex connect: " + texts.get("cli.badValue", "--trust",
                    texts.get("form.fingerprint", "abc")), "connect", "ws://h/", "--trust", "abc");
        }
        assertUsage(EN, "duplex serve: --port abc: The port must be a whole number from 0 to 65535 (0 picks any free port).",
                "serve", "--port", "abc");
        assertUsage(ZH, "duplex serve: --port abc：端口必须是 0 到 65535 之间的整数（0 表示任选一个空闲端口）。",
                "serve", "--port", "abc");
    }

    @Test
    void argumentsThatDoNotMakeACommandLine() {
        assertUsage(EN, "duplex serve: unknown option --nope (did you mean --no-pong?)", "serve", "--nope");
        assertUsage(ZH, "duplex serve: 未知选项 --nope（你是想用 --no-pong 吗？）", "serve", "--nope");
        assertUsage(EN, "duplex serve: unknown option --xyzzy", "serve", "--xyzzy");
        assertUsage(EN, "duplex: unknown command 'zzzz': the commands are serve, connect, proxy, replay and check", "zzzz");
        assertUsage(ZH, "duplex: 未知命令“zzzz”：可用的命令是 serve、connect、proxy、replay 和 check", "zzzz");
        assertUsage(EN, "duplex serve: unexpected argument 'extra'", "serve", "extra");
        assertUsage(EN, "duplex connect: connect needs URL", "connect");
        assertUsage(EN, "duplex connect: URL and --curl exclude each other", "connect", "ws://h/", "--curl", "curl ws://h/");
        assertUsage(EN, "duplex connect: --curl: The curl command has a ' that is never closed: was it copied whole?",
                "connect", "--curl", "curl 'ws://h/");
        assertUsage(EN, "duplex serve: --port needs a value", "serve", "--port");
        assertUsage(ZH, "duplex serve: --port 需要一个值", "serve", "--port");
        assertUsage(EN, "duplex connect: --origin and --no-origin exclude each other",
                "connect", "ws://h/", "--origin", "http://a", "--no-origin");
        assertUsage(EN, "duplex serve: --refuse-body goes with --refuse", "serve", "--refuse-body", "x");
        assertUsage(ZH, "duplex serve: --close-code 需要与 --close-after 一起使用", "serve", "--close-code", "4000");
        assertUsage(EN, "duplex serve: --tls-password goes with --tls-pkcs12", "serve", "--tls-password", "p");
    }

    private static void assertUsage(Locale locale, String firstLine, String... args) {
        Run r = run(locale, args);
        assertEquals(Cli.USAGE, r.status(), String.join(" ", args));
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), "the problem and where the options are: " + r.err());
        assertEquals(firstLine, lines.get(0));
        String command = firstLine.substring(0, firstLine.indexOf(':'));
        assertEquals(Texts.of(locale).get("cli.usage.tryHelp", command), lines.get(1));
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theLastOfAnOptionGivenTwiceCounts() {
        assertEquals(9, CliParsing.serve("--port", "1", "--port", "9").config().value().port());
    }

    /** What the packaging's completion script is made from: the top command, made as picocli makes it. */
    @Test
    void theBashCompletionKnowsEveryCommandAndOption() {
        String script = AutoComplete.bash("duplex", new CommandLine(new DuplexCommand()));
        for (String word : new String[] {"serve", "connect", "replay", "--refuse-header", "--close-after", "--show-handshake", "--trust", "--expect-same"}) {
            assertTrue(script.contains(word), word);
        }
    }
}
