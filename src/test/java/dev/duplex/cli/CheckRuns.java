package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Runs {@code duplex check} in-process, and reads back what it wrote, for the checker's tests. */
final class CheckRuns {
    /** One run: its exit status, what it printed, and each case's verdict and observation from its JSON. */
    record Run(int status, String out, String err, Map<String, String> verdicts, Map<String, String> observed, String html) {
        String verdict(String id) {
            return verdicts.get(id);
        }
    }

    private CheckRuns() { }

    static Run check(Path dir, Locale locale, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("check.json");
        Path html = dir.resolve("check.html");
        String[] all = new String[args.length + 5];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = json.toString();
        all[args.length + 3] = "--report";
        all[args.length + 4] = html.toString();
        int status = Cli.run(all, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { }, locale);
        Map<String, String> verdicts = new LinkedHashMap<>();
        Map<String, String> observed = new LinkedHashMap<>();
        if (Files.exists(json)) readCases(json, verdicts, observed);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), verdicts, observed,
                Files.exists(html) ? Files.readString(html) : "");
    }

    /** Parses the JSON report fully (a parse error fails the test) and keeps each case's verdict. */
    private static void readCases(Path json, Map<String, String> verdicts, Map<String, String> observed) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            String id = null;
            String field = null;
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                if (t == JsonToken.FIELD_NAME) field = p.currentName();
                if (t == JsonToken.VALUE_STRING && depth == 3) {
                    if ("id".equals(field)) id = p.getText();
                    if ("verdict".equals(field)) verdicts.put(id, p.getText());
                    if ("observed".equals(field)) observed.put(id, p.getText());
                }
            }
        }
    }

    /** The page loads nothing from outside: no script, stylesheet, image or frame by URL. */
    static void assertSelfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>"), "an HTML page");
        assertTrue(html.contains("<details>"), "cases open with a click");
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe)\\b").matcher(html).find(), "no outside resources");
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*\"(?!#)").matcher(html).find(), "links only within the page");
        assertFalse(html.contains("url("), "no CSS resources");
    }

    static void assertStatus(int expected, Run run) {
        assertEquals(expected, run.status(), () -> "exit status; out:\n" + run.out() + "\nerr:\n" + run.err());
    }
}
