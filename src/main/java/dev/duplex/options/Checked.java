package dev.duplex.options;

import java.util.Objects;
import java.util.function.Function;

/**
 * Either the value that what a user typed stands for, or the {@link FieldProblem} that says why it does
 * not stand for one. Nothing here throws on bad input: a caller asks {@link #isOk()} and shows
 * {@link #problem()} or uses {@link #value()}.
 *
 * @param <T> what the typed text becomes: a port, a {@code ServerConfig}, a {@code CloseRequest} …
 */
public final class Checked<T> {
    private final T value;
    private final FieldProblem problem;

    private Checked(T value, FieldProblem problem) {
        this.value = value;
        this.problem = problem;
    }

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(Objects.requireNonNull(value), null);
    }

    public static <T> Checked<T> bad(FieldProblem problem) {
        return new Checked<>(null, Objects.requireNonNull(problem));
    }

    static <T> Checked<T> bad(Field field, String key, Object... args) {
        return bad(FieldProblem.of(field, key, args));
    }

    public boolean isOk() {
        return problem == null;
    }

    /** The value; only when {@link #isOk()}. */
    public T value() {
        if (problem != null) throw new IllegalStateException("not checked ok: " + problem);
        return value;
    }

    /** Why the text was refused; null when {@link #isOk()}. */
    public FieldProblem problem() {
        return problem;
    }

    /** The value made into something else, or the same problem. */
    public <U> Checked<U> map(Function<? super T, ? extends U> f) {
        return problem == null ? ok(f.apply(value)) : bad(problem);
    }

    /** The value, or the problem as an {@link Invalid} (for the checks inside this package, one after another). */
    T orThrow() throws Invalid {
        if (problem != null) throw new Invalid(problem);
        return value;
    }

    @Override
    public String toString() {
        return problem == null ? "ok(" + value + ")" : "bad(" + problem + ")";
    }

    /** A field that does not check, thrown between the checks of one form and caught before it leaves the package. */
    static final class Invalid extends Exception {
        final transient FieldProblem problem;

        Invalid(FieldProblem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }
    }
}
