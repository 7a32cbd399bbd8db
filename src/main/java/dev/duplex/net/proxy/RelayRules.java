package dev.duplex.net.proxy;

import java.util.List;

/**
 * The rewrite, drop and delay rules, applied to each text message in the order they were given: a rewrite
 * works on the text as the rules before it left it, and the first drop that finds something ends it. Of
 * the delays that find something, the longest holds the message back (they do not add up). Binary
 * messages pass untouched: the rules are regular expressions over text.
 */
final class RelayRules {
    /**
     * What becomes of one message: the text to send on, or the drop rule that stopped it.
     *
     * @param rules   the rewrite rules that changed it, as typed, or "" (for a drop: the drop rule)
     * @param delayMs how long to hold it back (0: not at all), by {@code delayedBy}
     */
    record Outcome(String text, boolean rewritten, MessageRule droppedBy, String rules, long delayMs,
            MessageRule delayedBy) {
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
        MessageRule delay = null;
        for (MessageRule rule : rules) {
            if (!rule.appliesTo(way, now)) continue;
            if (rule.drops()) return new Outcome(now, false, rule, rule.typed(), 0, null);
            if (rule.delays()) {
                if (delay == null || rule.delayMs() > delay.delayMs()) delay = rule;
                continue;
            }
            now = rule.rewritten(now);
            used.add(rule.typed());
        }
        boolean changed = !now.equals(text);
        return new Outcome(now, changed, null, changed ? String.join(", ", used) : "", delay == null ? 0 : delay.delayMs(),
                delay);
    }
}
