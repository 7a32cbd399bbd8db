package dev.duplex.i18n;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.check.CheckReport;
import dev.duplex.check.Verdict;

/** A check's summary in the user's language, one line a group and the total: as `duplex check` prints it and the Check pane shows it. */
public final class CheckText {
    private final Texts texts;

    public CheckText(Texts texts) {
        this.texts = texts;
    }

    public List<String> summary(CheckReport r) {
        List<String> lines = new ArrayList<>();
        for (CheckReport.GroupSummary g : r.groups()) {
            lines.add(texts.get("check.summary", g.group(), texts.get("check.group." + g.group()), g.cases(),
                    g.count(Verdict.PASS), g.count(Verdict.NON_STRICT), g.count(Verdict.INFORMATIONAL),
                    g.count(Verdict.UNIMPLEMENTED), g.count(Verdict.FAIL)));
        }
        CheckReport.GroupSummary t = r.total();
        lines.add(texts.get("check.total", t.cases(), String.valueOf(r.millis()), t.count(Verdict.PASS),
                t.count(Verdict.NON_STRICT), t.count(Verdict.INFORMATIONAL), t.count(Verdict.UNIMPLEMENTED),
                t.count(Verdict.FAIL)));
        return lines;
    }
}
