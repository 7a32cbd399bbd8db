package dev.duplex.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole run: the server checked, when, how long it took, and every case's result in the order of
 * their numbers.
 *
 * @param bounded whether the whole run's bound was reached (the cases not started then FAIL as not run)
 */
public record CheckReport(String url, Instant started, long millis, boolean full, List<CaseResult> results, boolean bounded) {
    /** One group's counts. */
    public record GroupSummary(int group, int cases, Map<Verdict, Integer> counts, long millis) {
        public int count(Verdict v) {
            return counts.getOrDefault(v, 0);
        }
    }

    public CheckReport {
        results = List.copyOf(results);
    }

    /** Whether any case FAILed: the command's exit status 4. */
    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
    }

    public List<GroupSummary> groups() {
        Map<Integer, List<CaseResult>> by = new TreeMap<>();
        for (CaseResult r : results) by.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        List<GroupSummary> out = new ArrayList<>();
        by.forEach((g, rs) -> {
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            long ms = 0;
            for (CaseResult r : rs) {
                counts.merge(r.verdict(), 1, Integer::sum);
                ms += r.millis();
            }
            out.add(new GroupSummary(g, rs.size(), counts, ms));
        });
        return out;
    }

    /** The counts over every group. */
    public GroupSummary total() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (CaseResult r : results) counts.merge(r.verdict(), 1, Integer::sum);
        return new GroupSummary(-1, results.size(), counts, millis);
    }
}
