package dev.duplex.conversation;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON value read into memory together with the line and column it starts at, so that a field of the
 * wrong kind can be reported where it is. Jackson's streaming parser alone knows positions only while it
 * stands on a token, and the readers check fields after an object is complete (its fields come in any
 * order); data binding would lose the positions altogether.
 *
 * <p>The accessors read a field of an object node and throw {@link ConversationFileException} with that
 * field's position when it is missing or of the wrong kind.
 */
final class Node {
    private static final int SHOWN_CHARS = 40;

    /** A Map of Nodes, a List of Nodes, a String, a BigDecimal, a Boolean, or null for JSON null. */
    private final Object value;
    private final int line;
    private final int column;

    private Node(Object value, int line, int column) {
        this.value = value;
        this.line = line;
        this.column = column;
    }

    // ---- reading ----

    /**
     * Reads the value the parser stands on (its current token) and leaves the parser on the value's last
     * token. Fields named in {@code skipped} are passed over unread, wherever they are: a HAR's response
     * bodies can be megabytes that nobody here needs, and Jackson skips a string without decoding it.
     *
     * @param lineOffset added to the parser's line numbers (for a parser over one line of a file)
     */
    static Node read(JsonParser p, int lineOffset, Set<String> skipped) throws IOException, ConversationFileException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr() + lineOffset;
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (token == null) throw new ConversationFileException(line, column, "no JSON value");
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation nameAt = p.currentTokenLocation();
                    p.nextToken();
                    if (skipped.contains(name)) {
                        p.skipChildren();
                        continue;
                    }
                    // Jackson keeps the last of two equal names; a file that says two things is damaged.
                    if (fields.containsKey(name)) {
                        throw new ConversationFileException(nameAt.getLineNr() + lineOffset, nameAt.getColumnNr(),
                                "the field \"" + name + "\" appears twice");
                    }
                    fields.put(name, read(p, lineOffset, skipped));
                }
                return new Node(Collections.unmodifiableMap(fields), line, column);
            }
            case START_ARRAY: {
                List<Node> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) elements.add(read(p, lineOffset, skipped));
                return new Node(Collections.unmodifiableList(elements), line, column);
            }
            case VALUE_STRING:
                return new Node(p.getText(), line, column);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // Exact: a HAR's times are seconds with six decimals, more than a double holds at today's dates.
                return new Node(p.getDecimalValue(), line, column);
            case VALUE_TRUE:
                return new Node(Boolean.TRUE, line, column);
            case VALUE_FALSE:
                return new Node(Boolean.FALSE, line, column);
            case VALUE_NULL:
                return new Node(null, line, column);
            default:
                throw new ConversationFileException(line, column, "unexpected " + token);
        }
    }

    /**
     * A parser's complaint as a {@link ConversationFileException}: its position and its own words, without the
     * "[Source: ...; line: 1, column: 5]" it appends to {@link Exception#getMessage()}.
     */
    static ConversationFileException syntax(JsonProcessingException e, JsonParser p, int lineOffset) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        return new ConversationFileException(Math.max(1, at.getLineNr()) + lineOffset, Math.max(0, at.getColumnNr()),
                "not valid JSON: " + e.getOriginalMessage());
    }

    // ---- the node itself ----

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    boolean isObject() {
        return value instanceof Map;
    }

    boolean isNull() {
        return value == null;
    }

    /** This value when it is a string, else null (for a field that decides nothing when it is odd). */
    String textOrNull() {
        return value instanceof String s ? s : null;
    }

    /** This node, when it is an object; {@code what} names it in the message when it is not. */
    Node asObject(String what) throws ConversationFileException {
        if (isObject()) return this;
        throw error(what + " must be an object, found " + describe());
    }

    /** A problem with this value, at its position. */
    ConversationFileException error(String problem) {
        return new ConversationFileException(line, column, problem);
    }

    /** The elements of this array node. */
    List<Node> elements(String what) throws ConversationFileException {
        if (value instanceof List<?> list) return cast(list);
        throw error(what + " must be an array, found " + describe());
    }

    /** What this value is, for a message: {@code the string "abc"}, {@code 12}, {@code an object}. */
    String describe() {
        if (value == null) return "null";
        if (value instanceof Map) return "an object";
        if (value instanceof List) return "an array";
        if (value instanceof BigDecimal n) return n.toString();
        if (value instanceof String s) {
            String shown = s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "…" : s;
            return "the string \"" + shown + "\"";
        }
        return value.toString();
    }

    // ---- fields of an object node ----

    /** The field, or null when absent (a JSON null is a node whose {@link #isNull()} is true). */
    Node get(String name) {
        return fields().get(name);
    }

    boolean has(String name) {
        return fields().containsKey(name);
    }

    Node require(String name) throws ConversationFileException {
        Node n = get(name);
        if (n == null) throw error("\"" + name + "\" is missing");
        return n;
    }

    Node object(String name) throws ConversationFileException {
        return require(name).asObject("\"" + name + "\"");
    }

    List<Node> array(String name) throws ConversationFileException {
        return require(name).elements("\"" + name + "\"");
    }

    /** The array's elements; none when the field is absent or null. */
    List<Node> optArray(String name) throws ConversationFileException {
        Node n = get(name);
        return n == null || n.isNull() ? List.of() : n.elements("\"" + name + "\"");
    }

    String string(String name) throws ConversationFileException {
        Node n = require(name);
        if (n.value instanceof String s) return s;
        throw n.error("\"" + name + "\" must be a string, found " + n.describe());
    }

    /** A string that must be there but may be null. */
    String stringOrNull(String name) throws ConversationFileException {
        Node n = require(name);
        return n.isNull() ? null : string(name);
    }

    /** A string, or {@code fallback} when the field is absent or null. */
    String optString(String name, String fallback) throws ConversationFileException {
        Node n = get(name);
        return n == null || n.isNull() ? fallback : string(name);
    }

    /** A string that must parse as a URI (both formats keep the connection's URL this way). */
    URI uri(String name) throws ConversationFileException {
        String text = string(name);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw require(name).error("\"" + name + "\" is not a URL: " + e.getMessage());
        }
    }

    /** A string that must be an ISO-8601 time (both formats keep times this way). */
    java.time.Instant instant(String name) throws ConversationFileException {
        String text = string(name);
        try {
            return Times.parseIso(text);
        } catch (java.time.DateTimeException e) {
            throw require(name).error("\"" + name + "\" must be an ISO-8601 time such as "
                    + "2024-05-01T12:00:00.123456789Z, found " + require(name).describe());
        }
    }

    boolean bool(String name) throws ConversationFileException {
        Node n = require(name);
        if (n.value instanceof Boolean b) return b;
        throw n.error("\"" + name + "\" must be true or false, found " + n.describe());
    }

    BigDecimal number(String name) throws ConversationFileException {
        Node n = require(name);
        if (n.value instanceof BigDecimal d) return d;
        throw n.error("\"" + name + "\" must be a number, found " + n.describe());
    }

    /** A whole number from {@code min} to {@code max}. */
    long integer(String name, long min, long max) throws ConversationFileException {
        Node n = require(name);
        if (n.value instanceof BigDecimal d) {
            try {
                long v = d.longValueExact();
                if (v >= min && v <= max) return v;
            } catch (ArithmeticException notWhole) {
                // reported below
            }
        }
        String range = max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        throw n.error("\"" + name + "\" must be a whole number " + range + ", found " + n.describe());
    }

    private Map<String, Node> fields() {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Node> fields = (Map<String, Node>) map;
            return fields;
        }
        throw new IllegalStateException("not an object: " + describe());
    }

    @SuppressWarnings("unchecked")
    private static List<Node> cast(List<?> list) {
        return (List<Node>) list;
    }
}
