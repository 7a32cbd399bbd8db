package dev.duplex.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.duplex.model.message.JsonTree;

/**
 * The JSONPath a rule names, as the message view writes paths: {@code $}, then {@code .name}, {@code ["odd name"]}
 * or {@code [index]} steps. Only single values: no wildcards, filters or slices, which a rule about one message
 * does not need. Read against the same {@link JsonTree} the message view shows, so a path copied there works here.
 */
record JsonPath(String text, List<String> steps) {
    /** A path that does not read; the message says where. */
    static final class BadPath extends Mistake {
        BadPath(String key, Object... args) {
            super(key, args);
        }
    }

    static JsonPath parse(String text) throws BadPath {
        String t = text.strip();
        if (!t.startsWith("$")) throw new BadPath("rulefile.path.dollar", text);
        List<String> steps = new ArrayList<>();
        int i = 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < t.length() && t.charAt(end) != '.' && t.charAt(end) != '[') end++;
                if (end == i + 1) throw new BadPath("rulefile.path.name", i, text);
                steps.add(t.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = t.indexOf(']', i);
                if (close < 0) throw new BadPath("rulefile.path.bracket", i, text);
                String inside = t.substring(i + 1, close).strip();
                if (inside.startsWith("\"") || inside.startsWith("'")) {
                    // A quoted name may hold ]: look for the quote's end first.
                    char quote = inside.charAt(0);
                    int endQuote = t.indexOf(quote, i + 2);
                    close = endQuote < 0 ? -1 : t.indexOf(']', endQuote);
                    if (close < 0) throw new BadPath("rulefile.path.quote", i, text);
                    steps.add(t.substring(i + 2, endQuote).replace("\\\"", "\"").replace("\\\\", "\\"));
                } else if (inside.matches("\\d+")) {
                    steps.add("[" + inside + "]");
                } else {
                    throw new BadPath("rulefile.path.step", "[" + inside + "]", text);
                }
                i = close + 1;
            } else {
                throw new BadPath("rulefile.path.unexpected", String.valueOf(c), i, text);
            }
        }
        return new JsonPath(t, List.copyOf(steps));
    }

    /** The node at this path in {@code root}, if there is one. */
    Optional<JsonTree.Node> find(JsonTree.Node root) {
        JsonTree.Node at = root;
        for (String step : steps) {
            JsonTree.Node next = null;
            for (JsonTree.Node child : at.children()) {
                if (child.key().equals(step) && (at.kind() == JsonTree.Kind.ARRAY) == step.startsWith("[")) {
                    next = child;
                    break;
                }
            }
            if (next == null) return Optional.empty();
            at = next;
        }
        return Optional.of(at);
    }

    /** What a template puts in for the node: a scalar as written (a string unquoted), else compact JSON. */
    static String valueOf(JsonTree.Node node) {
        return node.value() != null ? node.value() : JsonTree.toJson(node);
    }
}
