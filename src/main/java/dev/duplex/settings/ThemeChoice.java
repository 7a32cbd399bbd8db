package dev.duplex.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * The window's look as the user chose it: following the desktop's light or dark preference, or always one
 * of them. Kept in the settings as {@link #key()}; plain Java, so the command line checks {@code --theme}
 * with the same words.
 */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK;

    /** How it is written in the settings and typed after {@code --theme}: "system", "light", "dark". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice typed (in any case, around spaces), or empty when it is none of them. */
    public static Optional<ThemeChoice> parse(String typed) {
        if (typed == null) return Optional.empty();
        String t = typed.strip().toLowerCase(Locale.ROOT);
        for (ThemeChoice c : values()) {
            if (c.key().equals(t)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /**
     * What a settings file says: a missing or unknown value follows the system, so a file from before
     * themes, or from a later Duplex with more of them, still reads.
     */
    public static ThemeChoice kept(String value) {
        return parse(value).orElse(SYSTEM);
    }
}
