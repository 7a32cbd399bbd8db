package dev.duplex.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one subcommand: {@code --name value} options (repeatable ones keep every value),
 * {@code --flag} switches, and positional words. Two subcommands with a handful of options do not
 * justify a parsing library.
 */
final class Args {
    /** A mistake in the arguments; its message is shown as is, with the usage. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() { }

    /**
     * @param valued the options that take a value (without "--")
     * @param flags  the options that take none
     */
    static Args parse(List<String> words, Set<String> valued, Set<String> flags) throws UsageException {
        Args a = new Args();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                String name = w.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) throw new UsageException("--" + name + " takes no value");
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= words.size()) throw new UsageException("--" + name + " needs a value");
                        value = words.get(++i);
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                a.positional.add(w);
            }
        }
        return a;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = get(name, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
