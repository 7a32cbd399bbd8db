package dev.duplex.net.proxy;

import dev.duplex.net.Payload;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which messages the proxy holds for a person to decide on (forward as they are, forward edited, or drop):
 * those going a chosen way, of a chosen kind, and (text only) in which a regular expression finds
 * something. A binary message is held when binary ones are, whatever the pattern: the pattern reads text.
 *
 * @param pattern null holds every message of the chosen ways and kinds
 */
public record InterceptFilter(Set<Direction> directions, boolean text, boolean binary, Pattern pattern) {
    /** Holds nothing: every message goes on at once. */
    public static final InterceptFilter NONE = new InterceptFilter(Set.of(), false, false, null);
    /** Holds every message, both ways. */
    public static final InterceptFilter ALL = new InterceptFilter(EnumSet.allOf(Direction.class), true, true, null);

    public InterceptFilter {
        directions = directions == null || directions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(directions));
    }

    public boolean holdsNothing() {
        return directions.isEmpty() || !text && !binary;
    }

    public boolean matches(Direction way, Payload message) {
        if (!directions.contains(way)) return false;
        if (message.isBinary()) return binary;
        return text && (pattern == null || pattern.matcher(message.text()).find());
    }
}
