package dev.duplex.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of one connection at work. The caller tells it what happens (opened, a message received, time
 * passing, the end) and does what it answers: sends the replies, shows the marks and the outcomes. It holds no
 * socket and no clock of its own, so the window and {@code connect} drive it alike, and a test with plain calls.
 * Called from the socket's thread and the caller's: every method is synchronized.
 */
public final class RuleRun {
    /** One assertion or expectation decided: which, whether it passed, and what was seen (in the bundles' words). */
    public record Outcome(String rule, boolean passed, dev.duplex.decode.Decoded detail) {
        /** The detail in English, as a test or a log reads it. */
        public String detailText() {
            return dev.duplex.i18n.EventText.decoded(dev.duplex.i18n.Texts.of(java.util.Locale.ENGLISH), detail);
        }
    }

    /** What to do about one message: replies to send, marks to show, outcomes decided. */
    public record Reaction(List<String> replies, List<String> marks, List<Outcome> outcomes) {
        static final Reaction NOTHING = new Reaction(List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return replies.isEmpty() && marks.isEmpty() && outcomes.isEmpty();
        }
    }

    /** How the run ended: the counts, each failure, and those decided by the end itself (still awaited then). */
    public record Summary(int passed, int failed, List<Outcome> failures, List<Outcome> unmet) {
        public boolean allPassed() {
            return failed == 0;
        }
    }

    private final RuleSet set;
    private final Variables variables;
    /** Per expectation: still waited for, met, or failed (its time ran out). */
    private final State[] expected;
    private long openedAt = -1;
    private int passed;
    private int failed;
    private final List<Outcome> failures = new ArrayList<>();

    private enum State { WAITING, MET, FAILED }

    RuleRun(RuleSet set, Variables variables) {
        this.set = set;
        this.variables = variables;
        this.expected = new State[set.expectations().size()];
        java.util.Arrays.fill(expected, State.WAITING);
    }

    public Variables variables() {
        return variables;
    }

    /** The connection opened at {@code nowMs}: the messages to send at once, filled in. */
    public synchronized List<String> opened(long nowMs) {
        if (openedAt < 0) openedAt = nowMs;
        return set.onOpen().stream().map(variables::fill).toList();
    }

    /** How to reconnect when the connection ends by itself, or empty when the rules do not say. */
    public Optional<Reconnect> reconnect() {
        return set.reconnect();
    }

    /** How often the heartbeat goes, or 0 when the rules have none. */
    public long heartbeatEveryMs() {
        return set.heartbeat() == null ? 0 : set.heartbeat().everyMs();
    }

    /** The heartbeat's message, filled in now, or empty when the rules have none. */
    public Optional<String> heartbeat() {
        RuleSet.Heartbeat beat = set.heartbeat();
        return beat == null ? Optional.empty() : Optional.of(variables.fill(beat.template()));
    }

    /** A text message came at {@code nowMs}: every rule that matches acts, in order, and waited messages are met. */
    public synchronized Reaction received(String text, long nowMs) {
        List<Outcome> outcomes = new ArrayList<>(due(nowMs));
        Message message = new Message(text);
        List<Expectation> expectations = set.expectations();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != State.WAITING || expectations.get(i).condition().test(message).isEmpty()) continue;
            expected[i] = State.MET;
            outcomes.add(count(new Outcome(expectations.get(i).name(), true, dev.duplex.decode.Decoded.part("rules.detail.came", since(nowMs)))));
        }
        List<String> replies = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (Rule rule : set.rules()) {
            Optional<Message> matched = rule.when().test(message);
            if (matched.isEmpty()) continue;
            for (Action action : rule.then()) act(rule, action, matched.get(), replies, marks, outcomes);
        }
        if (replies.isEmpty() && marks.isEmpty() && outcomes.isEmpty()) return Reaction.NOTHING;
        return new Reaction(List.copyOf(replies), List.copyOf(marks), List.copyOf(outcomes));
    }

    private void act(Rule rule, Action action, Message m, List<String> replies, List<String> marks, List<Outcome> outcomes) {
        if (action instanceof Action.Reply r) {
            replies.add(variables.fill(r.template(), m));
        } else if (action instanceof Action.Extract e) {
            variables.set(e.variable(), variables.fill(e.template(), m));
        } else if (action instanceof Action.Mark k) {
            marks.add(variables.fill(k.template(), m));
        } else if (action instanceof Action.Assert a) {
            outcomes.add(count(new Outcome(rule.name(), a.condition().test(m).isPresent(),
                    dev.duplex.decode.Decoded.part("rules.detail.assert", a.condition().written(), shortened(m.text())))));
        }
    }

    /** Expectations whose time ran out by {@code nowMs}, each reported once. */
    public synchronized List<Outcome> due(long nowMs) {
        List<Outcome> out = new ArrayList<>();
        List<Expectation> expectations = set.expectations();
        for (int i = 0; i < expected.length; i++) {
            Expectation e = expectations.get(i);
            if (expected[i] == State.WAITING && e.withinMs() > 0 && openedAt >= 0 && nowMs - openedAt > e.withinMs()) {
                expected[i] = State.FAILED;
                out.add(count(new Outcome(e.name(), false, dev.duplex.decode.Decoded.part("rules.detail.late", e.withinMs()))));
            }
        }
        return out;
    }

    /** When the next expectation runs out (ms, on the caller's clock), or -1 when none is waited for with a time. */
    public synchronized long nextDeadline() {
        long next = -1;
        List<Expectation> expectations = set.expectations();
        for (int i = 0; i < expected.length; i++) {
            long within = expectations.get(i).withinMs();
            if (expected[i] != State.WAITING || within <= 0 || openedAt < 0) continue;
            long at = openedAt + within;
            if (next < 0 || at < next) next = at;
        }
        return next;
    }

    /** Whether some message must still come: the end of input waits for it as for a reply. */
    public synchronized boolean awaiting() {
        for (State s : expected) if (s == State.WAITING) return true;
        return false;
    }

    /** The run is over: what is still waited for fails. */
    public synchronized Summary finish(long nowMs) {
        List<Outcome> unmet = new ArrayList<>(due(nowMs));
        List<Expectation> expectations = set.expectations();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != State.WAITING) continue;
            expected[i] = State.FAILED;
            unmet.add(count(new Outcome(expectations.get(i).name(), false, openedAt < 0
                    ? dev.duplex.decode.Decoded.part("rules.detail.neverOpened")
                    : dev.duplex.decode.Decoded.part("rules.detail.notInTime", since(nowMs)))));
        }
        return new Summary(passed, failed, List.copyOf(failures), List.copyOf(unmet));
    }

    public synchronized int passed() {
        return passed;
    }

    public synchronized int failed() {
        return failed;
    }

    private Outcome count(Outcome o) {
        if (o.passed()) {
            passed++;
        } else {
            failed++;
            failures.add(o);
        }
        return o;
    }

    private long since(long nowMs) {
        return openedAt < 0 ? 0 : nowMs - openedAt;
    }

    private static String shortened(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
    }
}
