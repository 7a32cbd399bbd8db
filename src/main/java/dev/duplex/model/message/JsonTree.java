package dev.duplex.model.message;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import dev.duplex.decode.binary.BinaryValue;

/**
 * A message's JSON as a tree for the message view: every object member and array element a node that knows
 * its JSONPath ({@code $.user.tags[1]}), for "Copy path". Read with Jackson's streaming parser, so a message
 * that is not one whole JSON value (text after it, a syntax error) gives no tree rather than half of one.
 */
public final class JsonTree {
    /** What a node holds. Objects and arrays have children; the others a value. BYTES only in a binary message's tree. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, BYTES }

    /**
     * One value: its key in its parent (a member's name, an element's {@code [i]}, {@code $} for the root),
     * its path from the root, what it is, its value as written (strings unquoted) and its children.
     */
    public record Node(String key, String path, Kind kind, String value, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }

        /** Whether the key or the value holds {@code needle}, ignoring case. */
        public boolean matches(String needle) {
            String lower = needle.toLowerCase();
            return key.toLowerCase().contains(lower) || (value != null && value.toLowerCase().contains(lower));
        }
    }

    /** Past this many nodes the tree is not built: the view would hold them all in memory for one message. */
    public static final int MAX_NODES = 200_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
            .build();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** A protobuf field number, or a CBOR or MessagePack integer key: written plain too ({@code $.1.3[0]}). */
    private static final Pattern NUMBER_KEY = Pattern.compile("0|[1-9][0-9]*");

    private JsonTree() { }

    /** The tree of {@code text}, or empty when it is not one JSON object or array, or has too many nodes. */
    public static Optional<Node> of(String text) {
        String trimmed = text.strip();
        // A bare number or string is JSON too, but a tree of one leaf says nothing the text does not.
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return Optional.empty();
        try (JsonParser parser = FACTORY.createParser(trimmed)) {
            int[] budget = {MAX_NODES};
            Node root = read(parser, parser.nextToken(), "$", "$", budget);
            if (root == null || parser.nextToken() != null) return Optional.empty();
            return Optional.of(root);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The tree of a binary message's reading, with the same paths as JSON's (a key that is a number plain, as
     * protobuf's field numbers: {@code $.1.3[0]}), so that search and Copy path work on it unchanged. The
     * readers made at most {@link #MAX_NODES} values, so this makes at most as many nodes.
     */
    public static Node of(BinaryValue value) {
        return binary(value, "$", "$");
    }

    private static Node binary(BinaryValue value, String key, String path) {
        List<Node> children = new ArrayList<>(value.members().size());
        for (BinaryValue.Member m : value.members()) {
            if (m.key() == null) {
                String index = "[" + children.size() + "]";
                children.add(binary(m.value(), index, path + index));
            } else {
                String childPath = NUMBER_KEY.matcher(m.key()).matches() ? path + "." + m.key() : memberPath(path, m.key());
                children.add(binary(m.value(), m.key(), childPath));
            }
        }
        Kind kind = switch (value.kind()) {
            case MAP -> Kind.OBJECT;
            case ARRAY -> Kind.ARRAY;
            case STRING -> Kind.STRING;
            case NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case NULL -> Kind.NULL;
            case BYTES -> Kind.BYTES;
        };
        return new Node(key, path, kind, value.text(), children);
    }

    /** A member's path: {@code .name} for a plain name, {@code ["odd name"]} otherwise, as JSONPath writes them. */
    static String memberPath(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) return parent + "." + name;
        return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static Node read(JsonParser parser, JsonToken token, String key, String path, int[] budget)
            throws IOException {
        if (token == null || --budget[0] < 0) return null;
        switch (token) {
            case START_OBJECT -> {
                List<Node> members = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    Node member = read(parser, parser.nextToken(), name, memberPath(path, name), budget);
                    if (member == null) return null;
                    members.add(member);
                }
                return new Node(key, path, Kind.OBJECT, null, members);
            }
            case START_ARRAY -> {
                List<Node> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    String index = "[" + elements.size() + "]";
                    Node element = read(parser, t, index, path + index, budget);
                    if (element == null) return null;
                    elements.add(element);
                }
                return new Node(key, path, Kind.ARRAY, null, elements);
            }
            case VALUE_STRING -> { return new Node(key, path, Kind.STRING, parser.getText(), List.of()); }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(key, path, Kind.NUMBER, parser.getText(), List.of());
            }
            case VALUE_TRUE, VALUE_FALSE -> { return new Node(key, path, Kind.BOOLEAN, parser.getText(), List.of()); }
            case VALUE_NULL -> { return new Node(key, path, Kind.NULL, "null", List.of()); }
            default -> { return null; }
        }
    }

    /** The node written back as compact JSON: what Copy value copies for an object or an array. */
    public static String toJson(Node node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, node);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Node node) throws IOException {
        switch (node.kind()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Node member : node.children()) {
                    json.writeFieldName(member.key());
                    write(json, member);
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (Node element : node.children()) write(json, element);
                json.writeEndArray();
            }
            case STRING, BYTES -> json.writeString(node.value());
            // protobuf's fixed64 and fixed32 with no schema read as hex, as protoc prints them: not JSON numbers.
            case NUMBER -> {
                if (node.value().startsWith("0x")) json.writeString(node.value());
                else json.writeRawValue(node.value());
            }
            // Numbers, booleans and null as they were written in the message.
            default -> json.writeRawValue(node.value());
        }
    }

    /**
     * The first node after {@code from} (in document order, wrapping round; from the root when null) whose key
     * or value holds {@code needle}: what the view's search selects next. Empty when none does.
     */
    public static Optional<Node> next(Node root, Node from, String needle) {
        if (needle.isBlank()) return Optional.empty();
        List<Node> order = new ArrayList<>();
        flatten(root, order);
        int start = from == null ? -1 : indexOf(order, from);
        for (int step = 1; step <= order.size(); step++) {
            Node candidate = order.get(Math.floorMod(start + step, order.size()));
            if (candidate.matches(needle)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static int indexOf(List<Node> order, Node node) {
        for (int i = 0; i < order.size(); i++) if (order.get(i) == node) return i;
        return -1;
    }

    private static void flatten(Node node, List<Node> into) {
        into.add(node);
        for (Node child : node.children()) flatten(child, into);
    }
}
