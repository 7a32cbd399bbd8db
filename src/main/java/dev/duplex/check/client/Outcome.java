package dev.duplex.check.client;

import dev.duplex.check.Verdict;

/** What a case found the client doing: the verdict, what it did, and why (empty for a plain PASS). */
record Outcome(Verdict verdict, String observed, String why) {
    static Outcome pass(String observed) {
        return new Outcome(Verdict.PASS, observed, "");
    }

    static Outcome fail(String observed, String why) {
        return new Outcome(Verdict.FAIL, observed, why);
    }

    static Outcome nonStrict(String observed, String why) {
        return new Outcome(Verdict.NON_STRICT, observed, why);
    }

    static Outcome info(String observed) {
        return new Outcome(Verdict.INFORMATIONAL, observed, "");
    }
}
