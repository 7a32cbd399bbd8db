package dev.duplex.check;

/** What a case's probe found: the verdict, what the server did, and why (empty for a plain PASS). */
record Judged(Verdict verdict, String observed, String why) {
    static Judged pass(String observed) {
        return new Judged(Verdict.PASS, observed, "");
    }

    static Judged fail(String observed, String why) {
        return new Judged(Verdict.FAIL, observed, why);
    }

    static Judged nonStrict(String observed, String why) {
        return new Judged(Verdict.NON_STRICT, observed, why);
    }

    static Judged info(String observed) {
        return new Judged(Verdict.INFORMATIONAL, observed, "");
    }
}
