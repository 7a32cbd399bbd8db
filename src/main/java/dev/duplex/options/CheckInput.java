package dev.duplex.options;

import java.util.Set;
import java.util.TreeSet;

/** What the checker's user types: the groups to run and the per-case timeout. */
public final class CheckInput {
    /** The checker's groups: 0 is the opening handshake, then Autobahn's numbers (8 and 11 do not exist; 12 and 13 are permessage-deflate). */
    public static final Set<Integer> GROUPS = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13);

    private CheckInput() { }

    /** "1,2,5" (spaces allowed); null or empty: every group. */
    public static Checked<Set<Integer>> groups(String typed) {
        Set<Integer> chosen = new TreeSet<>();
        if (typed == null || typed.isBlank()) return Checked.ok(Set.copyOf(GROUPS));
        for (String part : typed.split(",")) {
            String p = part.strip();
            int g;
            try {
                g = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return Checked.bad(FieldProblem.of(Field.CHECK_GROUPS, "check.groups.problem", p));
            }
            if (!GROUPS.contains(g)) return Checked.bad(FieldProblem.of(Field.CHECK_GROUPS, "check.groups.problem", p));
            chosen.add(g);
        }
        return Checked.ok(Set.copyOf(chosen));
    }

    /** The Check pane's trusted fingerprints: several in one field, separated by spaces, commas or lines. */
    public static Checked<java.util.List<dev.duplex.tls.Fingerprint>> trusted(String typed) {
        return ClientInput.trusted(Typed.names(typed));
    }

    /** The bound of one case, in ms: 100 to 60 000; null is the default, 2000. */
    public static Checked<Integer> caseTimeout(String typed) {
        return Typed.wholeNumber(typed, 100, 60_000, 2_000, Field.CHECK_CASE_TIMEOUT, "check.timeout.problem");
    }
}
