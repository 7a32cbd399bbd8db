package dev.duplex.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a tab or {@code connect --rules} is told to do by itself: variables to start with, messages to send
 * on opening, a heartbeat, the rules that answer, extract, assert and mark, and the messages that must come.
 * Read from a file by {@link RuleFile}; {@link #start} makes the run of one connection.
 */
public final class RuleSet {
    /** A message sent every {@code everyMs} while the connection is open. */
    public record Heartbeat(long everyMs, String template) { }

    public static final RuleSet NONE = new RuleSet(Map.of(), List.of(), null, List.of(), List.of());

    private final Map<String, String> variables;
    private final List<String> onOpen;
    private final Heartbeat heartbeat;
    private final List<Rule> rules;
    private final List<Expectation> expectations;
    /** Whether and how the connection is made again when it ends by itself; null: it is not. */
    private Reconnect reconnect;

    RuleSet(Map<String, String> variables, List<String> onOpen, Heartbeat heartbeat, List<Rule> rules,
            List<Expectation> expectations) {
        this.variables = Map.copyOf(new LinkedHashMap<>(variables));
        this.onOpen = List.copyOf(onOpen);
        this.heartbeat = heartbeat;
        this.rules = List.copyOf(rules);
        this.expectations = List.copyOf(expectations);
    }

    /**
     * {@code --expect REGEX}, each: a message matching it must come before the run ends.
     *
     * @throws RuleFile.BadRules naming the expression that does not compile
     */
    public static RuleSet expecting(List<String> regexes) throws RuleFile.BadRules {
        List<Expectation> expected = new ArrayList<>();
        for (String regex : regexes) {
            try {
                expected.add(new Expectation("--expect " + regex, Condition.Regex.of(regex), 0));
            } catch (Condition.BadCondition e) {
                throw new RuleFile.BadRules("--expect", e.said());
            }
        }
        return new RuleSet(Map.of(), List.of(), null, List.of(), expected);
    }

    /** This set and {@code more}: variables of {@code more} win, lists join, its heartbeat if it has one. */
    public RuleSet and(RuleSet more) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.putAll(more.variables);
        return new RuleSet(vars, join(onOpen, more.onOpen), more.heartbeat != null ? more.heartbeat : heartbeat,
                join(rules, more.rules), join(expectations, more.expectations))
                .reconnecting(more.reconnect != null ? more.reconnect : reconnect);
    }

    /** The same, reconnecting as {@code policy} says (null: not). */
    RuleSet reconnecting(Reconnect policy) {
        RuleSet copy = new RuleSet(variables, onOpen, heartbeat, rules, expectations);
        copy.reconnect = policy;
        return copy;
    }

    /** How to reconnect when the connection ends by itself, or empty when the rules do not ask for it. */
    public java.util.Optional<Reconnect> reconnect() {
        return java.util.Optional.ofNullable(reconnect);
    }

    /** The same, with {@code name} set to {@code value} before anything runs ({@code --var}). */
    public RuleSet with(String name, String value) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put(name, value);
        return new RuleSet(vars, onOpen, heartbeat, rules, expectations).reconnecting(reconnect);
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public boolean isEmpty() {
        return onOpen.isEmpty() && heartbeat == null && reconnect == null && rules.isEmpty() && expectations.isEmpty() && variables.isEmpty();
    }

    public int ruleCount() {
        return rules.size();
    }

    public int expectationCount() {
        return expectations.size();
    }

    public Heartbeat heartbeat() {
        return heartbeat;
    }

    public Map<String, String> variables() {
        return variables;
    }

    List<String> onOpen() {
        return onOpen;
    }

    List<Rule> rules() {
        return rules;
    }

    List<Expectation> expectations() {
        return expectations;
    }

    /** The run of one connection, its variables starting from this set's (and {@code given}'s, which win). */
    public RuleRun start(Map<String, String> given) {
        Map<String, String> start = new LinkedHashMap<>(variables);
        start.putAll(given);
        return new RuleRun(this, new Variables(start));
    }
}
