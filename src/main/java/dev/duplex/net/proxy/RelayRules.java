package dev.duplex.net.proxy;

import java.util.List;

/**
 * The rewrite and drop rules, applied to each text message in the order they were given: a rewrite works
 * on the text as the rules before it left it, and the first drop that finds something ends it. Binary
 * messages pass untouched: the rules are regular expressions over text.
 */
final class RelayRules {
    /**
     * What becomes of one message: the text to send on, or the drop rule that stopped it.
     *
     * @param rules the rewrite rules that changed it, as typed, or "" (for a drop: the drop rule)
     */
    record Outcome(String text, boolean rewritten, MessageRule droppedBy, String rules) {
        boolean dropped() {
            return droppedBy != null;
        }
    }

    private final List<MessageRule> rules;

    RelayRules(List<MessageRule> rules) {
        this.rules = List.copyOf(rules);
    }

    Outcome apply(Direction way, String text) {
        String now = text;
        List<String> used = new java.util.ArrayList<>();
        for (MessageRule rule : rules) {
            if (!rule.appliesTo(way, now)) continue;
            if (rule.drops()) return new Outcome(now, false, rule, rule.typed());
            now = rule.rewritten(now);
            used.add(rule.typed());
        }
        boolean changed = !now.equals(text);
        return new Outcome(now, changed, null, changed ? String.join(", ", used) : "");
    }
}
