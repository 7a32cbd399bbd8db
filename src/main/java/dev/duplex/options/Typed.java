package dev.duplex.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** How typed text is read, the same for every form: whole numbers, lists of names, header lines. */
final class Typed {
    /** ASCII digits only: Integer.parseInt would also take Arabic-Indic or full-width digits. */
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,\\s]+");

    private Typed() { }

    static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * A whole number from {@code min} to {@code max}, surrounding spaces allowed; {@code fallback} when
     * {@code typed} is null (not given at all), and the problem {@code key} on {@code field} otherwise.
     */
    static Checked<Integer> wholeNumber(String typed, int min, int max, int fallback, Field field, String key) {
        if (typed == null) return Checked.ok(fallback);
        String t = typed.strip();
        if (WHOLE.matcher(t).matches()) {
            long n = Long.parseLong(t);
            if (n >= min && n <= max) return Checked.ok((int) n);
        }
        return Checked.bad(field, key);
    }

    /** A decimal number (such as {@code 0.5}) from {@code min} to {@code max}. */
    static Checked<Double> decimal(String typed, double min, double max, double fallback, Field field, String key) {
        if (typed == null) return Checked.ok(fallback);
        String t = typed.strip();
        if (DECIMAL.matcher(t).matches()) {
            double n = Double.parseDouble(t);
            if (n >= min && n <= max) return Checked.ok(n);
        }
        return Checked.bad(field, key);
    }

    /** Names separated by commas or spaces (subprotocols, Origins), in order, empty ones left out. */
    static List<String> names(String typed) {
        return Arrays.stream(LIST_SEPARATORS.split(text(typed).strip())).filter(n -> !n.isEmpty()).toList();
    }

    /**
     * {@code Name: value} lines, one a line, blank lines left out and each line stripped; the problem
     * {@code key} with the line as its argument when one has no name before its colon or a name that is
     * not an HTTP token.
     */
    static Checked<List<String>> headerLines(String typed, Field field, String key) {
        List<String> lines = new ArrayList<>();
        for (String line : text(typed).split("\\R")) {
            if (line.isBlank()) continue;
            String l = line.strip();
            int colon = l.indexOf(':');
            if (colon <= 0 || !token(l.substring(0, colon).strip())) return Checked.bad(field, key, l);
            lines.add(l);
        }
        return Checked.ok(List.copyOf(lines));
    }

    /** Lines given one by one (a repeated option) read as the same lines typed in one box. */
    static String joinLines(List<String> lines) {
        return lines == null ? null : String.join("\n", lines);
    }

    /** An HTTP token, as header names and subprotocols must be: the protocol decides. */
    static boolean token(String s) {
        return dev.duplex.protocol.HttpToken.is(s);
    }

    /** Whether the text holds a control character (a line break, say), which no one-line field may. */
    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(Character::isISOControl);
    }
}
