package dev.duplex.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the user interface in one language: a resource bundle plus MessageFormat. Plain Java,
 * so that the command line speaks the same words as the window.
 */
public final class Texts {
    /** The bundle's base name: dev/duplex/i18n/messages[_zh_CN].properties. */
    public static final String BUNDLE = "dev.duplex.i18n.messages";
    /** The languages the UI ships in, as stored in the settings ("" follows the system). */
    public static final List<String> LANGUAGES = List.of("", "en", "zh");

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Texts of(Locale locale) {
        // messages_en.properties (empty) makes English resolve before the JVM's default locale is tried,
        // so an English user on a Chinese-default machine still gets English. (A ResourceBundle.Control
        // would say so more directly, but named modules do not allow one.)
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale));
    }

    /** The locale for a language setting: "en", "zh", or "" for the system's. */
    public static Locale localeFor(String language) {
        return switch (language == null ? "" : language) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key} with its arguments filled in; the key itself when it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) return pattern;
        return new MessageFormat(pattern, bundle.getLocale()).format(stringify(args));
    }

    /** MessageFormat would group digits of numbers ("8,080"); ports and codes must read as typed. */
    private static Object[] stringify(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i] instanceof Number ? args[i].toString() : args[i];
        return out;
    }
}
