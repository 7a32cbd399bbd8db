package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.duplex.i18n.Texts;

/** Every problem the options layer names has words in both languages, and they are the window's words. */
class WordsTest {
    /** One bad input for every check of every form. */
    private static List<FieldProblem> everyProblem() {
        List<FieldProblem> all = new ArrayList<>();
        all.add(ServerInput.port("x").problem());
        all.add(ServerInput.bindAddress("").problem());
        for (ServerInput s : new ServerInput[] {
            new ServerInput(null, null, null, null, "x", null, null, null, null),
            new ServerInput(null, null, null, null, null, "x", null, null, null),
            new ServerInput(null, null, null, null, null, null, null, "x", null),
            new ServerInput(null, null, null, null, null, null, null, null, "x")}) {
            all.add(s.config(null).problem());
        }
        all.add(BehaviourInput.refusal("x", null, null).problem());
        all.add(BehaviourInput.refusal("403", "x", null).problem());
        all.add(BehaviourInput.subprotocolAnswer("a b").problem());
        all.add(BehaviourInput.closeAfterMessages("1005", "").problem());
        all.add(BehaviourInput.closeAfterMessages("1000", "x".repeat(124)).problem());
        for (BehaviourInput b : new BehaviourInput[] {
            new BehaviourInput(false, null, null, null, null, "x", null, null, null, null, true),
            new BehaviourInput(false, null, null, null, null, null, "x", null, null, null, true),
            new BehaviourInput(false, null, null, null, null, null, null, "x", null, null, true)}) {
            all.add(b.parse().problem());
        }
        for (String url : new String[] {"", "ws://h:1/ x", "http://h/", "ws://:80/", "ws://h:70000/", "ws://h/#f"}) {
            all.add(ClientInput.url(url).problem());
        }
        all.add(new ClientInput("ws://h/", true, "a\tb", null, null, false, null).connection().problem());
        all.add(ClientInput.headerLines("x").problem());
        all.add(ClientInput.subprotocols("a;b").problem());
        all.add(ClientInput.connectTimeout("0").problem());
        all.add(ClientInput.replyWaitMs("x").problem());
        all.add(ClientInput.trusted(List.of("x")).problem());
        all.add(new CloseInput("x", "").request().problem());
        all.add(LabInput.pingEveryMs("0").problem());
        all.add(LabInput.fragmentSize("0").problem());
        all.add(LabInput.burst("0", "0").problem());
        return all;
    }

    @Test
    void everyProblemHasWordsInEnglishAndChinese() {
        Texts en = Texts.of(Locale.ENGLISH);
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        for (FieldProblem p : everyProblem()) {
            assertTrue(en.has(p.key()), p.toString());
            assertTrue(zh.has(p.key()), p.toString());
            assertTrue(!en.get(p.key(), p.argArray()).equals(zh.get(p.key(), p.argArray())), "translated: " + p);
        }
    }

    @Test
    void theWindowsOwnWordsAreKept() {
        Texts en = Texts.of(Locale.ENGLISH);
        FieldProblem port = ServerInput.port("abc").problem();
        assertEquals("The port must be a whole number from 0 to 65535 (0 picks any free port).", en.get(port.key()));
        FieldProblem delay = new BehaviourInput(false, null, null, null, null, "x", null, null, null, null, true).parse().problem();
        assertTrue(en.get(delay.key()).startsWith("The delay must be a whole number"));
        FieldProblem header = ClientInput.headerLines("nope").problem();
        assertEquals("An extra header must look like Name: value, not \"nope\".", en.get(header.key(), header.argArray()));
        assertEquals("端口必须是 0 到 65535 之间的整数（0 表示任选一个空闲端口）。",
                Texts.of(Locale.SIMPLIFIED_CHINESE).get(port.key()));
    }
}
