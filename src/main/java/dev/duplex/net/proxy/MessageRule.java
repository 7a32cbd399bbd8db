package dev.duplex.net.proxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule for the text messages going one way: rewrite what a regular expression finds (Java's
 * {@link Matcher#replaceAll} syntax, {@code $1} for a group), drop a message it finds anything in, or
 * hold such a message back for a while (and, to keep the order, the ones behind it).
 *
 * @param replacement what each match becomes, or null to drop or delay the message instead
 * @param delayMs     for a delay rule, how long the message is held back; 0 for the others
 * @param typed       the rule as the user wrote it ({@code up:REGEX=>TEXT}), to name it in the log
 */
public record MessageRule(Direction direction, Pattern pattern, String replacement, long delayMs, String typed) {

    public static MessageRule rewrite(Direction direction, Pattern pattern, String replacement, String typed) {
        return new MessageRule(direction, pattern, replacement, 0, typed);
    }

    public static MessageRule drop(Direction direction, Pattern pattern, String typed) {
        return new MessageRule(direction, pattern, null, 0, typed);
    }

    public static MessageRule delay(Direction direction, Pattern pattern, long delayMs, String typed) {
        if (delayMs <= 0) throw new IllegalArgumentException("a delay rule delays: " + delayMs);
        return new MessageRule(direction, pattern, null, delayMs, typed);
    }

    public boolean drops() {
        return replacement == null && delayMs == 0;
    }

    public boolean delays() {
        return delayMs > 0;
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
