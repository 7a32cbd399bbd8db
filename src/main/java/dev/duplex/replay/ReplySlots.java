package dev.duplex.replay;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.Payload;

/**
 * The recorded replies in their order, each in its group, filled by the replies of a replay as they come:
 * the first reply that comes is set beside the first recorded reply still open, and so on (one recorded
 * reply exactly like it further on in the same group is taken instead, those before it missing). A group closed
 * before all of its replies came has the rest missing, and the next reply goes to the next group. A reply
 * with no open recorded reply left is extra, counted with the latest message sent.
 *
 * <p>Filling in order, rather than by which message was sent last when a reply came, keeps a recording
 * whose client sent several messages before the first reply (a script, a pipe into {@code connect}) and
 * a replay whose timing differs by a few milliseconds from matching the same replies.
 */
final class ReplySlots {
    private record Slot(int group, int reply, Payload recorded) { }

    private final List<Slot> slots = new ArrayList<>();
    /** end[g]: the index just past the last slot of groups 0 to g. */
    private final int[] end;
    private final int[] recordedIn;
    private final int[] extrasIn;
    /** The first slot still open. */
    private int next;

    ReplySlots(RecordedSession session) {
        int groups = session.steps().size() + 1;
        end = new int[groups];
        recordedIn = new int[groups];
        extrasIn = new int[groups];
        add(0, session.greeting());
        for (RecordedSession.Step step : session.steps()) add(step.number(), step.replies());
    }

    private void add(int group, List<Payload> replies) {
        for (int i = 0; i < replies.size(); i++) slots.add(new Slot(group, i + 1, replies.get(i)));
        end[group] = slots.size();
        recordedIn[group] = replies.size();
    }

    /**
     * The verdicts on a reply that came, {@code latestSent} being the last message sent (0 for none): the
     * reply's own, last. When it is not the open recorded reply but exactly one further on in the same
     * group, the ones passed over are missing before it: a dropped reply then costs one missing, not a
     * difference for every reply after it.
     */
    List<Verdict> fill(Payload reply, int latestSent) {
        if (next >= slots.size()) {
            int extra = ++extrasIn[latestSent];
            return List.of(Verdict.extra(latestSent, recordedIn[latestSent] + extra, reply));
        }
        Slot open = slots.get(next);
        List<Verdict> out = new ArrayList<>();
        if (!open.recorded().equals(reply)) {
            for (int i = next + 1; i < end[open.group()]; i++) {
                if (!slots.get(i).recorded().equals(reply)) continue;
                while (next < i) {
                    Slot passed = slots.get(next++);
                    out.add(Verdict.missing(passed.group(), passed.reply(), passed.recorded()));
                }
                break;
            }
        }
        Slot s = slots.get(next++);
        out.add(Verdict.of(s.group(), s.reply(), s.recorded(), reply));
        return out;
    }

    /** Closes groups 0 to {@code group}: each of their recorded replies still open is missing. */
    List<Verdict> closeThrough(int group) {
        List<Verdict> out = new ArrayList<>();
        while (next < end[group]) {
            Slot s = slots.get(next++);
            out.add(Verdict.missing(s.group(), s.reply(), s.recorded()));
        }
        return out;
    }

    /** Whether every recorded reply of groups 0 to {@code group} has had a reply set beside it. */
    boolean filledThrough(int group) {
        return next >= end[group];
    }
}
