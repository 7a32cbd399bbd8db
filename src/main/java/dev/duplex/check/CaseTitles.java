package dev.duplex.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every case's English title by its number, in the catalogue's order: what a translator of the titles (the
 * i18n package's {@code CaseTitleText}) and its test need, without opening the cases themselves.
 */
public final class CaseTitles {
    private CaseTitles() { }

    /** The titles of every case of every group, with the full sizes of group 9 when {@code full}. */
    public static Map<String, String> all(boolean full) {
        Set<Integer> every = IntStream.range(0, 100).boxed().collect(Collectors.toSet());
        Map<String, String> titles = new LinkedHashMap<>();
        for (Case c : Catalogue.cases(every, full)) titles.put(c.id(), c.title());
        return titles;
    }
}
