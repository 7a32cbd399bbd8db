package dev.duplex.decode;

import java.util.List;

/**
 * One line of what a message meant in its application protocol, as a message key of the UI's bundles and its
 * arguments (the protocol's own words, such as packet types and event names, stay as they are in the
 * arguments). {@code problem} marks a line that says something is wrong (a message that does not parse, a
 * command typed wrongly).
 */
public record Decoded(String protocol, String key, List<Object> args, boolean problem) {
    public Decoded {
        args = List.copyOf(args);
    }

    public static Decoded line(String protocol, String key, Object... args) {
        return new Decoded(protocol, key, List.of(args), false);
    }

    public static Decoded problem(String protocol, String key, Object... args) {
        return new Decoded(protocol, key, List.of(args), true);
    }

    /** Nothing: an optional part of a line that is not there. */
    public static Decoded none() {
        return new Decoded("", "", List.of(), false);
    }

    /**
     * A part of a line: an argument may itself be a Decoded, rendered before the line that holds it (so
     * that optional parts, such as an ack id, are words of the bundle too).
     */
    public static Decoded part(String key, Object... args) {
        return new Decoded("", key, List.of(args), false);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
