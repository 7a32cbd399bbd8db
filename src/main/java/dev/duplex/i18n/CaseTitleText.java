package dev.duplex.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;

/**
 * The checker's case titles in the user's language. The cases carry their titles in English (many are made
 * by loops, such as the UTF-8 table), so rather than a key per case, a list of patterns in a resource
 * ({@code case-titles_zh_CN.txt}) turns an English title into Chinese; see that file for the form. A title
 * no pattern matches stays English, and English needs no patterns at all.
 */
public final class CaseTitleText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final CaseTitleText ENGLISH = new CaseTitleText(List.of());

    /** One line of the file: the English as a regex with a group for each {name}, and the names in order. */
    private record Rule(Pattern english, List<String> names, String translation) { }

    private final List<Rule> rules;

    private CaseTitleText(List<Rule> rules) {
        this.rules = rules;
    }

    /** The titles for the language of {@code texts}: Chinese for a Chinese bundle, English otherwise. */
    public static CaseTitleText of(Texts texts) {
        return of(texts.locale());
    }

    public static CaseTitleText of(Locale locale) {
        if (!locale.getLanguage().equals("zh")) return ENGLISH;
        return Holder.CHINESE;
    }

    /** Loaded once, on first use under Chinese. */
    private static final class Holder {
        static final CaseTitleText CHINESE = new CaseTitleText(load("case-titles_zh_CN.txt"));
    }

    /** The title in this language, or the English one when no pattern matches it. */
    public String title(String english) {
        return translated(english).orElse(english);
    }

    /** The title in this language; empty when no pattern matches it whole (always empty for English). */
    public Optional<String> translated(String english) {
        for (Rule r : rules) {
            Matcher m = r.english().matcher(english);
            if (!m.matches()) continue;
            String out = r.translation();
            for (int i = 0; i < r.names().size(); i++) {
                String captured = m.group(i + 1);
                out = out.replace("{" + r.names().get(i) + "}", translated(captured).orElse(captured));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /**
     * The report with its titles in this language, for the HTML page (people read it; the JSON stays English,
     * as a machine's format should).
     */
    public CheckReport withTitles(CheckReport report) {
        if (rules.isEmpty()) return report;
        List<CaseResult> results = new ArrayList<>();
        for (CaseResult r : report.results()) {
            results.add(new CaseResult(r.id(), r.group(), title(r.title()), r.section(), r.echo(), r.verdict(), r.observed(),
                    r.why(), r.millis(), r.transcript()));
        }
        return new CheckReport(report.url(), report.started(), report.millis(), report.full(), results, report.bounded());
    }

    static List<Rule> load(String resource) {
        try (InputStream in = CaseTitleText.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<Rule> rules = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                int arrow = line.indexOf(" => ");
                if (line.isBlank() || line.startsWith("#")) continue;
                if (arrow < 0) throw new IllegalStateException(resource + ": no \" => \" in: " + line);
                rules.add(rule(line.substring(0, arrow).strip(), line.substring(arrow + 4).strip()));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "A {kind} message" becomes the regex {@code \QA \E(.+?)\Q message\E} with the names [kind]. */
    private static Rule rule(String english, String translation) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.+?)");
            names.add(m.group(1));
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        return new Rule(Pattern.compile(regex.toString()), List.copyOf(names), translation);
    }
}
