package dev.duplex.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules engine on plain calls: matching, templates, extraction, assertions, expectations and the file's errors. */
class RuleRunTest {
    private static final String RULES = """
            { "variables": {"user": "ana"},
              "onOpen": ["{\\"login\\": \\"{{user}}\\"}"],
              "heartbeat": {"everyMs": 1000, "send": "beat {{user}}"},
              "rules": [
                {"name": "hello", "when": {"json": "$.type == hello"},
                 "then": [{"extract": {"id": "{{$.id}}"}}, {"reply": "{\\"ack\\": {{id}}}"},
                          {"assert": {"json": "$.id != 0"}}]},
                {"when": {"regex": "^price (?<sku>\\\\w+) (\\\\d+)$"},
                 "then": [{"mark": "{{sku}} costs {{2}}"}, {"assert": {"regex": " [1-9]\\\\d*$"}}]},
                {"when": {"contains": "bye"}, "then": [{"reply": "bye {{user}} ({{missing}})"}]}
              ],
              "expect": [{"regex": "^welcome", "withinMs": 500}, {"contains": "done", "name": "the end"}] }
            """;

    @Test
    void aRunAnswersExtractsAssertsAndWaits() throws Exception {
        RuleRun run = RuleFile.parse(RULES).start(Map.of());
        assertEquals(List.of("{\"login\": \"ana\"}"), run.opened(1_000));
        assertEquals("beat ana", run.heartbeat().orElseThrow());
        assertTrue(run.awaiting());

        RuleRun.Reaction hello = run.received("{\"type\":\"hello\",\"id\":7}", 1_100);
        assertEquals(List.of("{\"ack\": 7}"), hello.replies(), "the extract is seen by the reply after it");
        assertEquals("7", run.variables().get("id"));
        assertEquals(1, run.passed());

        RuleRun.Reaction zero = run.received("{\"type\":\"hello\",\"id\":0}", 1_200);
        assertFalse(zero.outcomes().get(0).passed(), "$.id != 0 fails on 0");

        RuleRun.Reaction price = run.received("price tea 12", 1_300);
        assertEquals(List.of("tea costs 12"), price.marks(), "named and numbered groups");
        assertTrue(price.outcomes().get(0).passed());

        assertEquals(List.of("bye ana ({{missing}})"), run.received("bye", 1_350).replies(), "a missing variable stays as typed");
        assertTrue(run.received("not for any rule", 1_360).isEmpty());

        List<RuleRun.Outcome> late = run.due(1_600);
        assertEquals(1, late.size(), "welcome did not come within 500 ms");
        assertFalse(late.get(0).passed());
        assertTrue(run.received("welcome, late", 1_700).outcomes().isEmpty(), "a failed expectation stays failed");

        assertTrue(run.received("all done", 1_800).outcomes().get(0).passed());
        RuleRun.Summary summary = run.finish(2_000);
        assertEquals(2, summary.failed(), summary.toString());
        assertEquals(3, summary.passed(), summary.toString());
    }

    @Test
    void expectAloneFailsWhenNothingMatchesBeforeTheEnd() throws Exception {
        RuleRun run = RuleSet.expecting(List.of("^pong \\d+$")).start(Map.of());
        run.opened(0);
        run.received("ping 1", 10);
        RuleRun.Summary summary = run.finish(1_000);
        assertFalse(summary.allPassed());
        assertTrue(summary.failures().get(0).detailText().contains("did not come"), summary.toString());

        RuleRun met = RuleSet.expecting(List.of("^pong \\d+$")).start(Map.of());
        met.opened(0);
        met.received("pong 1", 10);
        assertFalse(met.awaiting());
        assertTrue(met.finish(1_000).allPassed());
    }

    @Test
    void variablesFillUrlsAndGivenOnesWin() throws Exception {
        RuleRun run = RuleFile.parse("{\"variables\": {\"room\": \"a\", \"token\": \"t1\"}}").start(Map.of("room", "b"));
        assertEquals("ws://h/rooms/b?token=t1&x={{x}}", run.variables().fill("ws://h/rooms/{{room}}?token={{ token }}&x={{x}}"));
    }

    @Test
    void mistakesNameWhereTheyAre() {
        assertEquals("unknown field \"rule\" (expect, heartbeat, onOpen, reconnect, rules, variables)",
                bad("{\"rule\": []}"));
        assertEquals("rules[0].then[0]: unknown action \"replay\" (reply, extract, assert, mark)",
                bad("{\"rules\": [{\"when\": {\"contains\": \"a\"}, \"then\": [{\"replay\": \"x\"}]}]}"));
        assertTrue(bad("{\"rules\": [{\"when\": {\"regex\": \"(\"}, \"then\": [{\"mark\": \"x\"}]}]}")
                .startsWith("rules[0].when: not a regular expression"));
        assertTrue(bad("{\"rules\": [{\"when\": {\"json\": \"type == 1\"}, \"then\": [{\"mark\": \"x\"}]}]}")
                .startsWith("rules[0].when: a JSON condition reads"));
        assertEquals("rules[0]: \"then\" is missing or empty", bad("{\"rules\": [{\"when\": {\"contains\": \"a\"}}]}"));
        assertEquals("expect[0].withinMs: a whole number of milliseconds above 0 is expected, not -5",
                bad("{\"expect\": [{\"contains\": \"a\", \"withinMs\": -5}]}"));
        assertEquals("not a JSON object", bad("{\"rules\": ["));
        assertThrows(RuleFile.BadRules.class, () -> RuleSet.expecting(List.of("[")));
    }

    @Test
    void jsonPathsReadAsTheMessageViewWritesThem() throws Exception {
        RuleRun run = RuleFile.parse("""
                {"rules": [{"when": {"json": "$.items[1][\\"odd key\\"] == 3"}, "then": [{"mark": "{{$.items[0].sku}} {{$.items}}"}]}]}
                """).start(Map.of());
        RuleRun.Reaction r = run.received("{\"items\":[{\"sku\":\"a-1\"},{\"odd key\":3}]}", 0);
        assertEquals(List.of("a-1 [{\"sku\":\"a-1\"},{\"odd key\":3}]"), r.marks());
        assertTrue(run.received("[1,2]", 0).isEmpty(), "no such path: no match");
    }

    /** YAML reads into the same rules, and its mistakes, and what it must not do, are refused with where. */
    @Test
    void yamlIsReadSafelyIntoTheSameRules() throws Exception {
        RuleRun run = RuleFile.parse("rules:\n  - when: {contains: ping}\n    then: [{reply: pong}]\n").start(Map.of());
        assertEquals(List.of("pong"), run.received("a ping", 0).replies());
        assertTrue(bad("rules:\n  - when: {regex: '('}\n    then: [{mark: x}]\n")
                .startsWith("rules[0].when: not a regular expression"));
        assertEquals("the rules are a YAML mapping (variables:, rules:, …)", bad("- a\n- b\n"));
        assertTrue(bad("a: [1, 2\n").startsWith("not YAML, line 2, column 1"), bad("a: [1, 2\n"));
        assertTrue(bad("a: 1\na: 2\n").startsWith("not YAML"), "a key twice is refused, not the last one kept");
        assertTrue(bad("x: !!java.io.File [/tmp]\n").startsWith("not YAML"), "no tags that make objects");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        assertTrue(bad(bomb.toString()).startsWith("not YAML"), "a billion laughs is refused");
    }

    /** A mistake is said in the person's language: where stays as written, what is wrong in the bundle's words. */
    @Test
    void mistakesAreSaidInChineseToo() {
        RuleFile.BadRules e = assertThrows(RuleFile.BadRules.class,
                () -> RuleFile.parse("{\"rules\": [{\"when\": {\"contains\": \"a\"}, \"then\": [{\"replay\": \"x\"}]}]}"));
        assertEquals("rules[0].then[0]: unknown action \"replay\" (reply, extract, assert, mark)", e.getMessage());
        assertEquals("rules[0].then[0]: 未知动作“replay”（可用：reply, extract, assert, mark）",
                e.text(dev.duplex.i18n.Texts.of(java.util.Locale.SIMPLIFIED_CHINESE)));
        RuleFile.BadRules yaml = assertThrows(RuleFile.BadRules.class, () -> RuleFile.parse("a: [1, 2\n"));
        assertTrue(yaml.text(dev.duplex.i18n.Texts.of(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("不是 YAML，第 2 行第 1 列："),
                yaml.text(dev.duplex.i18n.Texts.of(java.util.Locale.SIMPLIFIED_CHINESE)));
    }

    /** The back-off doubles from afterMs up to maxMs; the policy's mistakes are refused with where. */
    @Test
    void reconnectBacksOffAndIsCheckedAsTyped() throws Exception {
        Reconnect r = RuleFile.parse("{\"reconnect\": {\"afterMs\": 300, \"maxMs\": 1000}}").reconnect().orElseThrow();
        assertEquals(List.of(300L, 600L, 1000L, 1000L), List.of(r.delayMs(1), r.delayMs(2), r.delayMs(3), r.delayMs(4)));
        assertEquals(5, r.tries(), "five tries unless told");
        assertTrue(RuleFile.parse("reconnect: {afterMs: 1}").start(Map.of()).reconnect().isPresent());
        assertFalse(RuleFile.parse("{\"rules\": []}").reconnect().isPresent());
        assertEquals("reconnect: afterMs is missing", bad("{\"reconnect\": {\"tries\": 2}}"));
        assertEquals("reconnect: maxMs is less than afterMs", bad("{\"reconnect\": {\"afterMs\": 500, \"maxMs\": 100}}"));
        assertEquals("reconnect.tries: a whole number from 1 to 1000 is expected, not 0",
                bad("{\"reconnect\": {\"afterMs\": 5, \"tries\": 0}}"));
        assertTrue(bad("{\"reconnect\": {\"afterMs\": 5, \"retries\": 2}}").startsWith("reconnect: unknown field \"retries\""));
    }

    private static String bad(String text) {
        return assertThrows(RuleFile.BadRules.class, () -> RuleFile.parse(text)).getMessage();
    }
}
