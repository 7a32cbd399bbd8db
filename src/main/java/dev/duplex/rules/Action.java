package dev.duplex.rules;

/**
 * What a rule does with a message that matched: send a reply, keep a value in a variable, assert something of
 * the message, or mark it with a line in the log. Texts are templates ({@link Variables#fill}).
 */
sealed interface Action {
    /** Sends the template, filled, as a text message. */
    record Reply(String template) implements Action { }

    /** Sets {@code variable} to the template, filled: {@code {{$.token}}}, {@code {{1}}}, or any text. */
    record Extract(String variable, String template) implements Action { }

    /** Passes when the message also meets {@code condition}, fails when it does not; each is counted. */
    record Assert(Condition condition) implements Action { }

    /** Writes the template, filled, as a line of its own beside the message. */
    record Mark(String template) implements Action { }
}
