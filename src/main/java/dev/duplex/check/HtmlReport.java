package dev.duplex.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

import dev.duplex.files.AtomicFiles;

/**
 * {@code --report FILE.html}: the run for people, in one self-contained page (its style inline, no script,
 * no outside resource): the summary per group, then every case; a click on a case (a {@code <details>})
 * shows the frames it sent and got, in hex and decoded. The words come from {@code words} (the i18n keys
 * {@code check.html.*}), so the page is in the user's language.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}"
            + ".PASS{color:#17692b}.FAIL{color:#b00020;font-weight:bold}.NON-STRICT{color:#9a6700}.INFORMATIONAL{color:#0550ae}"
            + ".UNIMPLEMENTED{color:#6e7781}summary{cursor:pointer}code,pre{font:12px ui-monospace,monospace}"
            + "pre{background:#f6f8fa;padding:6px;white-space:pre-wrap;margin:4px 0}.sent{color:#0550ae}.got{color:#8250df}";

    private HtmlReport() { }

    public static void write(CheckReport report, Path file, Function<String, String> words) throws IOException {
        AtomicFiles.write(file, out -> write(report, out, words));
    }

    public static void write(CheckReport report, OutputStream out, Function<String, String> words) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
        w.write(esc(words.apply("check.html.title") + " " + report.url()));
        w.write("</title><style>" + STYLE + "</style></head><body>\n<h1>" + esc(words.apply("check.html.title")) + "</h1>\n<p><code>");
        w.write(esc(report.url()) + "</code> · " + esc(report.started().toString()) + " · " + report.millis() + " ms</p>\n");
        w.write("<table><tr><th>" + esc(words.apply("check.html.group")) + "</th><th>" + esc(words.apply("check.html.cases")) + "</th>");
        for (Verdict v : Verdict.values()) w.write("<th class=\"" + v.label() + "\">" + v.label() + "</th>");
        w.write("</tr>\n");
        for (CheckReport.GroupSummary s : report.groups()) {
            w.write("<tr><td><a href=\"#g" + s.group() + "\">" + s.group() + " " + esc(words.apply("check.group." + s.group()))
                    + "</a></td><td>" + s.cases() + "</td>");
            for (Verdict v : Verdict.values()) w.write("<td>" + s.count(v) + "</td>");
            w.write("</tr>\n");
        }
        w.write("</table>\n");
        int group = Integer.MIN_VALUE;
        for (CaseResult r : report.results()) {
            if (r.group() != group) {
                if (group != Integer.MIN_VALUE) w.write("</table>\n");
                group = r.group();
                w.write("<h2 id=\"g" + group + "\">" + group + " " + esc(words.apply("check.group." + group)) + "</h2>\n<table><tr><th>#</th><th>"
                        + esc(words.apply("check.html.case")) + "</th><th>RFC 6455</th><th>" + esc(words.apply("check.html.verdict"))
                        + "</th><th>ms</th></tr>\n");
            }
            w.write("<tr><td>" + esc(r.id()) + "</td><td><details><summary>" + esc(r.title()) + (r.echo() ? " <small>(echo)</small>" : "")
                    + "</summary>\n<p>" + esc(words.apply("check.html.observed")) + ": " + esc(r.observed()) + "</p>");
            if (!r.why().isEmpty()) w.write("<p>" + esc(words.apply("check.html.why")) + ": " + esc(r.why()) + "</p>");
            w.write("<pre>");
            for (Transcript.Entry e : r.transcript().entries()) {
                w.write("<span class=\"" + (e.sent() ? "sent\">→ " : "got\">← ") + esc(e.decoded()) + "</span>\n   " + esc(e.hex()) + "\n");
            }
            if (r.transcript().dropped() > 0) w.write("… " + r.transcript().dropped() + "\n");
            w.write("</pre></details></td><td>" + esc(r.section()) + "</td><td class=\"" + r.verdict().label() + "\">"
                    + r.verdict().label() + "</td><td>" + r.millis() + "</td></tr>\n");
        }
        if (group != Integer.MIN_VALUE) w.write("</table>\n");
        w.write("</body></html>\n");
        w.flush();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
