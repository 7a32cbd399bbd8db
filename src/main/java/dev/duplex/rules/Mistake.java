package dev.duplex.rules;

import java.util.Locale;

import dev.duplex.decode.Decoded;
import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;

/**
 * A mistake in what a person wrote (rules, a condition, a path, environments), kept as words of the UI's
 * bundles, a key and its arguments, so that the window and {@code connect} say it in the person's language.
 * What was written stays as written in the arguments. The exception's own message is the English.
 */
public class Mistake extends Exception {
    private final transient Decoded said;

    Mistake(Decoded said) {
        super(null, null, false, false); // a mistake to say, not a failure to trace
        this.said = said;
    }

    Mistake(String key, Object... args) {
        this(Decoded.part(key, args));
    }

    /** What is wrong, as a part of a line: rendered by {@link EventText#decoded}. */
    public Decoded said() {
        return said;
    }

    /** The mistake in the words of {@code texts}. */
    public String text(Texts texts) {
        return EventText.decoded(texts, said);
    }

    @Override
    public String getMessage() {
        return text(Texts.of(Locale.ENGLISH));
    }
}
