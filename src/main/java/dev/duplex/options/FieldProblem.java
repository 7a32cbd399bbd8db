package dev.duplex.options;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with one field as typed, not yet in words: the field, and the resource-bundle key of the
 * words with their arguments (such as {@code form.port}, or {@code url.scheme} with the corrected URL). A
 * view puts it in the user's language with {@code texts.get(key(), argArray())}.
 */
public record FieldProblem(Field field, String key, List<Object> args) {
    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(Field field, String key, Object... args) {
        return new FieldProblem(field, key, Arrays.asList(args));
    }

    /** The arguments as an array, for {@code Texts.get(key, args...)} and {@code Notice.of(key, args...)}. */
    public Object[] argArray() {
        return args.toArray();
    }
}
