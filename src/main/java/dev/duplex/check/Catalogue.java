package dev.duplex.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every case, in the order of their numbers. */
final class Catalogue {
    private Catalogue() { }

    static List<Case> cases(Set<Integer> groups, boolean full) {
        List<Case> all = new ArrayList<>();
        all.addAll(HandshakeCases.all());
        all.addAll(FramingCases.all());
        all.addAll(FragmentCases.all());
        all.addAll(Utf8Cases.all());
        all.addAll(CloseCases.all());
        all.addAll(LimitCases.all(full));
        all.addAll(DeflateCases.all(full));
        return all.stream().filter(c -> groups.contains(c.group())).toList();
    }
}
