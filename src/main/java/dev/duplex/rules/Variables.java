package dev.duplex.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection's variables, written {@code {{name}}} in URLs, headers and messages: set by hand ({@code --var},
 * the window's field), from a rule file's or an environment's list, or by a rule's extract. A placeholder with
 * no value stays as typed, so that a missing variable shows in what was sent rather than vanishing.
 */
public final class Variables {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private final Map<String, String> values = new LinkedHashMap<>();

    public Variables() { }

    public Variables(Map<String, String> initial) {
        values.putAll(initial);
    }

    public synchronized void set(String name, String value) {
        values.put(name, value);
    }

    public synchronized String get(String name) {
        return values.get(name);
    }

    /** Every variable now, in the order they were first set. */
    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(new LinkedHashMap<>(values));
    }

    /** {@code text} with every {@code {{name}}} that has a value put in. */
    public String fill(String text) {
        return fill(text, null);
    }

    /** The same, a message's groups and JSON paths ({@code {{1}}}, {@code {{$.id}}}) coming before variables. */
    String fill(String text, Message from) {
        if (text.indexOf("{{") < 0) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = from == null ? null : from.lookUp(name);
            if (value == null) value = get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
