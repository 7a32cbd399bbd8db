package dev.duplex.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.duplex.model.message.JsonTree;

/**
 * What a message must be for a rule to act on it, or for an assertion to pass: it holds a text, it matches a
 * regular expression (found anywhere, as grep does; anchor it with ^ and $), or its JSON answers a condition
 * ({@code $.type == "hello"}, {@code $.id != 0}, {@code $.items[0] exists}).
 */
sealed interface Condition {
    /** The message read as this condition reads it, when it holds; empty when not. */
    Optional<Message> test(Message message);

    /** How the condition was written, for the lines that say what passed or failed. */
    String written();

    /** A condition that does not read; the message names what is wrong. */
    final class BadCondition extends Mistake {
        BadCondition(String key, Object... args) {
            super(key, args);
        }

        BadCondition(Mistake cause) {
            super(cause.said());
        }
    }

    record Contains(String text) implements Condition {
        @Override
        public Optional<Message> test(Message m) {
            return m.text().contains(text) ? Optional.of(m) : Optional.empty();
        }

        @Override
        public String written() {
            return "contains " + text;
        }
    }

    record Regex(Pattern pattern) implements Condition {
        static Regex of(String regex) throws BadCondition {
            try {
                return new Regex(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new BadCondition("rulefile.regex", e.getDescription(), e.getIndex(), regex);
            }
        }

        @Override
        public Optional<Message> test(Message m) {
            Matcher found = pattern.matcher(m.text());
            return found.find() ? Optional.of(m.withMatch(found)) : Optional.empty();
        }

        @Override
        public String written() {
            return "matches " + pattern.pattern();
        }
    }

    /**
     * {@code PATH exists}, {@code PATH == VALUE} or {@code PATH != VALUE}. The value is JSON ({@code "hello"},
     * {@code 7}, {@code true}, {@code null}) or, unquoted, the text itself: {@code $.type == hello} works too.
     */
    record Json(String text, JsonPath path, String op, String value) implements Condition {
        static Json of(String text) throws BadCondition {
            String t = text.strip();
            if (!t.startsWith("$")) throw new BadCondition("rulefile.jsonForm", text);
            int at = operatorAt(t);
            String path;
            String op;
            String value;
            if (at >= 0) {
                path = t.substring(0, at).strip();
                op = t.substring(at, at + 2);
                value = t.substring(at + 2).strip();
                if (value.isEmpty()) throw new BadCondition("rulefile.valueMissing", op, text);
            } else if (t.endsWith(" exists")) {
                path = t.substring(0, t.length() - " exists".length()).strip();
                op = "exists";
                value = "";
            } else {
                throw new BadCondition("rulefile.jsonForm", text);
            }
            try {
                return new Json(t, JsonPath.parse(path), op, unquoted(value));
            } catch (JsonPath.BadPath e) {
                throw new BadCondition(e);
            }
        }

        /** Where == or != begins, outside the quoted names of the path; -1 when neither is there. */
        private static int operatorAt(String t) {
            char quote = 0;
            for (int i = 0; i + 1 < t.length(); i++) {
                char c = t.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if ((c == '=' || c == '!') && t.charAt(i + 1) == '=') {
                    return i;
                }
            }
            return -1;
        }

        private static String unquoted(String value) {
            String s = dev.duplex.decode.Json.unquote(value);
            return s != null ? s : value;
        }

        @Override
        public Optional<Message> test(Message m) {
            Optional<JsonTree.Node> root = m.json();
            Optional<JsonTree.Node> node = root.flatMap(path::find);
            boolean holds = switch (op) {
                case "exists" -> node.isPresent();
                case "==" -> node.isPresent() && JsonPath.valueOf(node.get()).equals(value);
                default -> root.isPresent() && !(node.isPresent() && JsonPath.valueOf(node.get()).equals(value));
            };
            return holds ? Optional.of(m) : Optional.empty();
        }

        @Override
        public String written() {
            return text;
        }
    }
}
