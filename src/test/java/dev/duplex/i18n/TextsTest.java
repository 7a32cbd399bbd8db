package dev.duplex.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.duplex.protocol.CloseCodes;
import dev.duplex.net.Payload;
import dev.duplex.net.Problem;
import dev.duplex.net.WsEvent;

/** Both languages are complete, and the log lines read like the browser demo and the seed's server. */
class TextsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/dev/duplex/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasEveryEnglishKeyAndNoOthers() throws Exception {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>(en);
        missing.removeAll(zh);
        Set<String> extra = new TreeSet<>(zh);
        extra.removeAll(en);
        assertTrue(missing.isEmpty(), "missing in zh_CN: " + missing);
        assertTrue(extra.isEmpty(), "only in zh_CN: " + extra);
    }

    @Test
    void everyCloseCodeAndProblemHasWords() {
        for (Texts t : new Texts[] {Texts.of(Locale.ENGLISH), Texts.of(Locale.SIMPLIFIED_CHINESE)}) {
            for (int code = 990; code < 5010; code++) assertTrue(t.has(CloseCodes.key(code)), "code " + code);
            for (Problem.Kind k : Problem.Kind.values()) assertTrue(t.has("problem." + k.name()), k.name());
        }
    }

    @Test
    void englishIsChosenEvenWhenTheJvmDefaultIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Start", Texts.of(Locale.ENGLISH).get("server.start"));
            assertEquals("启动", Texts.of(Texts.localeFor("")).get("server.start"));
            assertEquals("启动", Texts.of(Texts.localeFor("zh")).get("server.start"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void clientLinesUseTheBrowserEventNames() {
        EventText en = new EventText(Texts.of(Locale.ENGLISH));
        EventText.Side c = EventText.Side.CLIENT;
        assertEquals("onopen", en.line(new WsEvent.Opened(T, URI.create("ws://h:8080/"), ""), c).name());
        assertEquals("connected to ws://h:8080/", en.line(new WsEvent.Opened(T, URI.create("ws://h:8080/"), ""), c).text());
        EventText.Line msg = en.line(new WsEvent.Received(T, "ws://h/", Payload.text("hi")), c);
        assertEquals("onmessage", msg.name());
        assertEquals("message received: hi", msg.text());
        assertEquals(EventText.Direction.IN, msg.direction());
        EventText.Line close = en.line(new WsEvent.Closed(T, 1000, "bye", true, false), c);
        assertEquals("connection closed (1000) normal closure; reason \"bye\", wasClean=true, closed by this client",
                close.text());
        EventText.Line err = en.line(new WsEvent.Failed(T, "ws://h:1/",
                new Problem(Problem.Kind.HANDSHAKE_REFUSED, "HTTP 403 Forbidden")), c);
        assertEquals("onerror", err.name());
        assertEquals("handshake refused: HTTP 403 Forbidden", err.text());
        assertEquals(EventText.Direction.OUT, en.line(new WsEvent.Sent(T, "x", Payload.text("a")), c).direction());
        assertTrue(en.line(new WsEvent.Sent(T, "x", Payload.text("a")), c).toString().contains(" → send "));
    }

    @Test
    void serverLinesSayWhoAndWhat() {
        EventText en = new EventText(Texts.of(Locale.ENGLISH));
        EventText.Side s = EventText.Side.SERVER;
        assertEquals("127.0.0.1:5 connected: path /shiming, Origin http://x (1 connected)",
                en.line(new WsEvent.ClientJoined(T, "127.0.0.1:5", "/shiming", "http://x", "", 1), s).text());
        assertEquals("received from 127.0.0.1:5: hi",
                en.line(new WsEvent.Received(T, "127.0.0.1:5", Payload.text("hi")), s).text());
        assertEquals("replied to 127.0.0.1:5: hi", en.line(new WsEvent.Sent(T, "127.0.0.1:5", Payload.text("hi")), s).text());
        assertTrue(en.line(new WsEvent.ClientLeft(T, "127.0.0.1:5", 1001, "", false, 0), s).text()
                .startsWith("127.0.0.1:5 disconnected (1001) going away"));
        assertEquals("port in use: another program already listens on 127.0.0.1:8080. Choose another port, or 0 for any free one.",
                en.problem(new Problem(Problem.Kind.PORT_IN_USE, "127.0.0.1:8080"), ""));
    }

    @Test
    void chineseLinesKeepTheSeedWording() {
        EventText zh = new EventText(Texts.of(Locale.SIMPLIFIED_CHINESE));
        assertEquals("收到消息 message received: 你好",
                zh.line(new WsEvent.Received(T, "ws://h/", Payload.text("你好")), EventText.Side.CLIENT).text());
        assertEquals("正常关闭", zh.closeMeaning(1000));
    }

    /** FXML's %key shows a value raw, so a MessageFormat quote or brace there would show on screen. */
    @Test
    void keysUsedInFxmlAreRawText() throws Exception {
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\"%([a-zA-Z.]+)\"");
        // Every panel's FXML, wherever its panel lives under dev/duplex/ui.
        java.nio.file.Path ui = java.nio.file.Path.of(TextsTest.class.getResource("/dev/duplex/ui/shell/main.fxml").toURI())
                .getParent().getParent();
        java.util.List<java.nio.file.Path> views;
        try (var all = java.nio.file.Files.walk(ui)) {
            views = all.filter(f -> f.toString().endsWith(".fxml")).toList();
        }
        assertTrue(views.size() >= 13, "the panels' FXML: " + views);
        for (java.nio.file.Path view : views) {
            String fxml = java.nio.file.Files.readString(view, StandardCharsets.UTF_8);
            java.util.regex.Matcher m = ref.matcher(fxml);
            while (m.find()) {
                for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
                    String value = load(bundle).getProperty(m.group(1));
                    assertTrue(value != null, m.group(1) + " missing in " + bundle);
                    assertTrue(value.indexOf('\'') < 0 && value.indexOf('{') < 0, m.group(1) + " in " + view + ": " + value);
                }
            }
        }
    }

    @Test
    void numbersAreNotGroupedAndBracesSurvive() {
        Texts en = Texts.of(Locale.ENGLISH);
        assertEquals("Listening on ws://h:65535/", en.get("server.state.RUNNING", "ws://h:65535/"));
        assertEquals("12345 lines, 0 dropped", en.get("log.count", 12345, 0));
        assertTrue(en.get("server.reply.hint").contains("{message}"));
    }
}
