package dev.duplex.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.duplex.model.message.JsonTree;
import dev.duplex.model.message.JsonTree.Kind;
import dev.duplex.model.message.JsonTree.Node;

/**
 * Rules as JSON (or the same as YAML, see {@link YamlRules}), the same in a file for {@code connect --rules} and in a tab's Rules:
 * <pre>
 * { "variables": {"user": "ana"},
 *   "onOpen": ["{\"login\": \"{{user}}\"}"],
 *   "heartbeat": {"everyMs": 30000, "send": "ping"},
 *   "reconnect": {"afterMs": 500, "maxMs": 30000, "tries": 5},
 *   "rules": [ {"name": "hello", "when": {"json": "$.type == hello"},
 *               "then": [{"extract": {"id": "{{$.id}}"}}, {"reply": "{\"ack\": {{id}}}"},
 *                        {"assert": {"json": "$.id exists"}}, {"mark": "hello {{id}}"}]} ],
 *   "expect": [ {"regex": "^welcome", "withinMs": 2000} ] }
 * </pre>
 * A condition is one of {@code contains}, {@code regex} or {@code json}. Every mistake is refused with where it
 * is ({@code rules[1].then[0]}) and what would do: a typo must not become a rule that silently never acts.
 */
public final class RuleFile {
    /**
     * Rules that do not read: where ({@code rules[1].then[0]}, the file's name, "" for the whole text) and what
     * is wrong, in the words of the UI's bundles; the message says both in English, in one line.
     */
    public static final class BadRules extends Mistake {
        private final String where;

        public BadRules(String where, String key, Object... args) {
            this(where, dev.duplex.decode.Decoded.part(key, args));
        }

        BadRules(String where, dev.duplex.decode.Decoded said) {
            super(said);
            this.where = where;
        }

        public String where() {
            return where;
        }

        /** The same mistake seen from further out: in a file, or in an option. */
        public BadRules in(String outer) {
            return new BadRules(where.isEmpty() ? outer : outer + ": " + where, said());
        }

        @Override
        public String text(dev.duplex.i18n.Texts texts) {
            String what = super.text(texts);
            return where.isEmpty() ? what : where + ": " + what;
        }
    }

    private static final Set<String> TOP = Set.of("variables", "onOpen", "heartbeat", "reconnect", "rules", "expect");

    private RuleFile() { }

    public static RuleSet read(Path file) throws BadRules {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BadRules(file.toString(), "rulefile.unreadable", String.valueOf(e.getMessage()));
        }
        try {
            return parse(text);
        } catch (BadRules e) {
            throw e.in(file.toString());
        }
    }

    /** The rules in {@code text}, JSON when it starts with {@code {} and YAML otherwise; blank text is no rules. */
    public static RuleSet parse(String text) throws BadRules {
        if (text.isBlank()) return RuleSet.NONE;
        return parseJson(text.strip().startsWith("{") ? text : YamlRules.toJson(text));
    }

    private static RuleSet parseJson(String text) throws BadRules {
        Node root = JsonTree.of(text).orElseThrow(() -> new BadRules("", "rulefile.notJson"));
        if (root.kind() != Kind.OBJECT) throw new BadRules("", "rulefile.notObject", "{…}");
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> onOpen = new ArrayList<>();
        RuleSet.Heartbeat heartbeat = null;
        Reconnect reconnect = null;
        List<Rule> rules = new ArrayList<>();
        List<Expectation> expected = new ArrayList<>();
        for (Node field : root.children()) {
            switch (field.key()) {
                case "variables" -> {
                    for (Node v : members(field, "variables")) variables.put(v.key(), scalar(v, "variables." + v.key()));
                }
                case "onOpen" -> {
                    for (Node m : elements(field, "onOpen")) onOpen.add(scalar(m, m.path().substring(2)));
                }
                case "heartbeat" -> heartbeat = heartbeat(field);
                case "reconnect" -> reconnect = reconnect(field);
                case "rules" -> {
                    List<Node> list = elements(field, "rules");
                    for (int i = 0; i < list.size(); i++) rules.add(rule(list.get(i), "rules[" + i + "]", i + 1));
                }
                case "expect" -> {
                    List<Node> list = elements(field, "expect");
                    for (int i = 0; i < list.size(); i++) expected.add(expectation(list.get(i), "expect[" + i + "]"));
                }
                default -> throw new BadRules("", "rulefile.unknownField", field.key(), String.join(", ", sorted(TOP)));
            }
        }
        return new RuleSet(variables, onOpen, heartbeat, rules, expected).reconnecting(reconnect);
    }

    private static Reconnect reconnect(Node field) throws BadRules {
        long after = -1;
        long max = Reconnect.DEFAULT_MAX_MS;
        long tries = Reconnect.DEFAULT_TRIES;
        for (Node m : members(field, "reconnect")) {
            switch (m.key()) {
                case "afterMs" -> after = positive(m, "reconnect.afterMs");
                case "maxMs" -> max = positive(m, "reconnect.maxMs");
                case "tries" -> tries = tries(m);
                default -> throw new BadRules("reconnect", "rulefile.unknownField", m.key(), "afterMs, maxMs, tries");
            }
        }
        if (after < 0) throw new BadRules("reconnect", "rulefile.missing", "afterMs");
        if (max < after) throw new BadRules("reconnect", "rulefile.maxBelowAfter");
        return new Reconnect(after, max, (int) tries);
    }

    private static RuleSet.Heartbeat heartbeat(Node field) throws BadRules {
        long every = -1;
        String send = null;
        for (Node m : members(field, "heartbeat")) {
            switch (m.key()) {
                case "everyMs" -> every = positive(m, "heartbeat.everyMs");
                case "send" -> send = scalar(m, "heartbeat.send");
                default -> throw new BadRules("heartbeat", "rulefile.unknownField", m.key(), "everyMs, send");
            }
        }
        if (every < 0 || send == null) throw new BadRules("heartbeat", "rulefile.needsBoth", "everyMs", "send");
        return new RuleSet.Heartbeat(every, send);
    }

    private static Rule rule(Node node, String where, int number) throws BadRules {
        String name = "rule " + number;
        Condition when = null;
        List<Action> then = new ArrayList<>();
        for (Node m : members(node, where)) {
            switch (m.key()) {
                case "name" -> name = scalar(m, where + ".name");
                case "when" -> when = condition(m, where + ".when");
                case "then" -> {
                    List<Node> actions = elements(m, where + ".then");
                    for (int i = 0; i < actions.size(); i++) then.add(action(actions.get(i), where + ".then[" + i + "]"));
                }
                default -> throw new BadRules(where, "rulefile.unknownField", m.key(), "name, when, then");
            }
        }
        if (when == null) throw new BadRules(where, "rulefile.missing", "\"when\"");
        if (then.isEmpty()) throw new BadRules(where, "rulefile.missingOrEmpty", "\"then\"");
        return new Rule(name, when, then);
    }

    private static Action action(Node node, String where) throws BadRules {
        List<Node> one = members(node, where);
        if (one.size() != 1) throw new BadRules(where, "rulefile.oneAction", "{\"reply\": …}, {\"extract\": …}, {\"assert\": …}, {\"mark\": …}");
        Node a = one.get(0);
        return switch (a.key()) {
            case "reply" -> new Action.Reply(scalar(a, where + ".reply"));
            case "mark" -> new Action.Mark(scalar(a, where + ".mark"));
            case "assert" -> new Action.Assert(condition(a, where + ".assert"));
            case "extract" -> {
                List<Node> vars = members(a, where + ".extract");
                if (vars.size() != 1) throw new BadRules(where + ".extract", "rulefile.oneVariable", "{\"name\": \"{{$.path}}\"}");
                yield new Action.Extract(vars.get(0).key(), scalar(vars.get(0), where + ".extract." + vars.get(0).key()));
            }
            default -> throw new BadRules(where, "rulefile.unknownAction", a.key(), "reply, extract, assert, mark");
        };
    }

    private static Expectation expectation(Node node, String where) throws BadRules {
        long within = 0;
        String name = null;
        Node conditionPart = null;
        for (Node m : members(node, where)) {
            switch (m.key()) {
                case "withinMs" -> within = positive(m, where + ".withinMs");
                case "name" -> name = scalar(m, where + ".name");
                case "contains", "regex", "json" -> {
                    if (conditionPart != null) throw new BadRules(where, "rulefile.notTwo", "contains, regex, json");
                    conditionPart = m;
                }
                default -> throw new BadRules(where, "rulefile.unknownField", m.key(), "contains, regex, json, withinMs, name");
            }
        }
        if (conditionPart == null) throw new BadRules(where, "rulefile.missingOneOf", "contains, regex, json");
        Condition c = condition(conditionPart.key(), scalar(conditionPart, where + "." + conditionPart.key()), where);
        return new Expectation(name != null ? name : "expect " + c.written(), c, within);
    }

    private static Condition condition(Node node, String where) throws BadRules {
        List<Node> one = members(node, where);
        if (one.size() != 1) throw new BadRules(where, "rulefile.oneCondition", "{\"contains\": …}, {\"regex\": …}, {\"json\": …}");
        Node c = one.get(0);
        return condition(c.key(), scalar(c, where + "." + c.key()), where);
    }

    private static Condition condition(String kind, String text, String where) throws BadRules {
        try {
            return switch (kind) {
                case "contains" -> new Condition.Contains(text);
                case "regex" -> Condition.Regex.of(text);
                case "json" -> Condition.Json.of(text);
                default -> throw new BadRules(where, "rulefile.unknownCondition", kind, "contains, regex, json");
            };
        } catch (Condition.BadCondition e) {
            throw new BadRules(where, e.said());
        }
    }

    private static List<Node> members(Node node, String where) throws BadRules {
        if (node.kind() != Kind.OBJECT) throw new BadRules(where, "rulefile.objectExpected", "{…}");
        return node.children();
    }

    private static List<Node> elements(Node node, String where) throws BadRules {
        if (node.kind() != Kind.ARRAY) throw new BadRules(where, "rulefile.listExpected", "[…]");
        return node.children();
    }

    /** A string, or a number or boolean taken as its text; objects and lists are not. */
    static String scalar(Node node, String where) throws BadRules {
        if (node.kind() == Kind.OBJECT || node.kind() == Kind.ARRAY || node.kind() == Kind.NULL) {
            throw new BadRules(where, "rulefile.textExpected");
        }
        return node.value();
    }

    private static long positive(Node node, String where) throws BadRules {
        if (node.kind() == Kind.NUMBER && node.value().matches("\\d{1,12}") && Long.parseLong(node.value()) > 0) {
            return Long.parseLong(node.value());
        }
        throw new BadRules(where, "rulefile.msExpected", node.value());
    }

    private static long tries(Node node) throws BadRules {
        if (node.kind() == Kind.NUMBER && node.value().matches("\\d{1,4}") && Long.parseLong(node.value()) > 0
                && Long.parseLong(node.value()) <= 1000) {
            return Long.parseLong(node.value());
        }
        throw new BadRules("reconnect.tries", "rulefile.triesExpected", node.value());
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
