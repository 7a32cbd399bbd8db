package dev.duplex.model;

import java.util.List;

/**
 * A message for the user, not yet in words: a resource-bundle key and its arguments. The view puts it
 * into the current language, so switching language re-words what is on screen.
 */
public record Notice(String key, List<Object> args) {
    public Notice {
        args = List.copyOf(args);
    }

    /** What the options layer found wrong with a field, in words still to be put in a language. */
    public static Notice of(dev.duplex.options.FieldProblem problem) {
        return new Notice(problem.key(), problem.args());
    }

    public static Notice of(String key, Object... args) {
        return new Notice(key, List.of(args));
    }
}
