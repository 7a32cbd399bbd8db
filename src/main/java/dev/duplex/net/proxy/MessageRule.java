package dev.duplex.net.proxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule for the text messages going one way: rewrite what a regular expression finds (Java's
 * {@link Matcher#replaceAll} syntax, {@code $1} for a group), or drop a message it finds anything in.
 *
 * @param replacement what each match becomes, or null to drop the message instead
 * @param typed       the rule as the user wrote it ({@code up:REGEX=>TEXT}), to name it in the log
 */
public record MessageRule(Direction direction, Pattern pattern, String replacement, String typed) {

    public static MessageRule rewrite(Direction direction, Pattern pattern, String replacement, String typed) {
        return new MessageRule(direction, pattern, replacement, typed);
    }

    public static MessageRule drop(Direction direction, Pattern pattern, String typed) {
        return new MessageRule(direction, pattern, null, typed);
    }

    public boolean drops() {
        return replacement == null;
    }

    /** Whether this rule acts on a text going this way. */
    boolean appliesTo(Direction way, String text) {
        return direction == way && pattern.matcher(text).find();
    }

    /** The text with every match replaced. */
    String rewritten(String text) {
        return pattern.matcher(text).replaceAll(replacement);
    }
}
