package dev.duplex.rules;

import java.util.List;

/**
 * One rule: when a received message meets {@code when}, each action in {@code then}, in order (an extract is
 * seen by the reply after it).
 *
 * @param name what the lines about it call it ("rule 2" when the file gives none)
 */
record Rule(String name, Condition when, List<Action> then) {
    Rule {
        then = List.copyOf(then);
    }
}
