package dev.duplex.net.deflate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Sec-WebSocket-Extensions value read as RFC 6455 9.1 writes it: a comma list of extensions, each a name and
 * {@code ;}-separated parameters with an optional value (a token or a quoted string). The library's own reading
 * drops duplicates and keeps no order, and RFC 7692 asks for both: a parameter given twice declines an offer.
 */
public final class ExtensionOffers {
    private ExtensionOffers() { }

    /**
     * One extension as offered or answered.
     *
     * @param name       the extension's name, lower-cased
     * @param params     its parameters in order, lower-cased names; a parameter without value maps to null
     * @param duplicated the first parameter named twice, or null
     */
    public record Offer(String name, Map<String, String> params, String duplicated) { }

    /** Each extension of the header's value, in order; an empty or absent value has none. */
    public static List<Offer> parse(String header) {
        List<Offer> offers = new ArrayList<>();
        if (header == null) return offers;
        for (String element : splitOutsideQuotes(header, ',')) {
            List<String> parts = splitOutsideQuotes(element, ';');
            String name = parts.isEmpty() ? "" : parts.get(0).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            Map<String, String> params = new LinkedHashMap<>();
            String duplicated = null;
            for (String part : parts.subList(1, parts.size())) {
                String p = part.strip();
                if (p.isEmpty()) continue;
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? null : unquote(p.substring(eq + 1).strip());
                if (params.containsKey(key) && duplicated == null) duplicated = key;
                params.put(key, value);
            }
            offers.add(new Offer(name, params, duplicated));
        }
        return offers;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
            if (c == separator && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
