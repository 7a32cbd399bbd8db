package dev.duplex.rules;

import java.util.Optional;
import java.util.regex.Matcher;

import dev.duplex.model.message.JsonTree;

/**
 * One message as the rules read it: its text, its JSON tree (built once, on first use) and the groups of the
 * regular expression that matched it, for the templates of the rule's actions.
 */
final class Message {
    private final String text;
    private Optional<JsonTree.Node> json;
    /** The matcher that found the rule's expression, kept whole: its named groups are read by name. */
    private final Matcher match;

    Message(String text) {
        this(text, null, null);
    }

    private Message(String text, Optional<JsonTree.Node> json, Matcher match) {
        this.text = text;
        this.json = json;
        this.match = match;
    }

    String text() {
        return text;
    }

    Optional<JsonTree.Node> json() {
        if (json == null) json = text.length() <= dev.duplex.model.message.MessageDetail.MAX_JSON ? JsonTree.of(text) : Optional.empty();
        return json;
    }

    Message withMatch(Matcher found) {
        return new Message(text, json, found);
    }

    /**
     * What {@code {{name}}} stands for in a template, read from this message: a group of the regular expression
     * that matched ({@code {{0}}} the whole match, {@code {{1}}}, or a named group), or a JSON path ({@code
     * {{$.id}}}). Null when the message has no such thing.
     */
    String lookUp(String name) {
        if (name.startsWith("$")) {
            try {
                return json().flatMap(JsonPath.parse(name)::find).map(JsonPath::valueOf).orElse(null);
            } catch (JsonPath.BadPath e) {
                return null;
            }
        }
        if (match == null) return null;
        if (name.matches("\\d+")) {
            int group = Integer.parseInt(name);
            return group <= match.groupCount() ? match.group(group) : null;
        }
        try {
            return match.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
