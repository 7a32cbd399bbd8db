package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** What {@code duplex check} reads from --group and --timeout. */
class CheckInputTest {
    @Test
    void groupsAreNumbersSeparatedByCommasAndNothingIsEveryGroup() {
        assertEquals(Set.of(1, 2, 5), CheckInput.groups(" 1, 2,5 ").value());
        assertEquals(CheckInput.GROUPS, CheckInput.groups(null).value());
        assertEquals(CheckInput.GROUPS, CheckInput.groups("").value());
        assertEquals(Set.of(0, 10), CheckInput.groups("0,10,10").value());
    }

    @Test
    void aGroupThatDoesNotExistIsSaidWithWhatWasTyped() {
        for (String bad : new String[] {"8", "11", "x", "1,,2", "-1"}) {
            Checked<Set<Integer>> c = CheckInput.groups(bad);
            assertFalse(c.isOk(), bad);
            assertEquals(Field.CHECK_GROUPS, c.problem().field());
            assertEquals("check.groups.problem", c.problem().key());
        }
        assertEquals("8", CheckInput.groups("1,8").problem().args().get(0));
    }

    @Test
    void theCaseTimeoutIsAWholeNumberOfMillisecondsWithADefaultOfTwoSeconds() {
        assertEquals(2_000, CheckInput.caseTimeout(null).value());
        assertEquals(500, CheckInput.caseTimeout("500").value());
        assertFalse(CheckInput.caseTimeout("99").isOk());
        assertFalse(CheckInput.caseTimeout("2s").isOk());
        assertEquals(Field.CHECK_CASE_TIMEOUT, CheckInput.caseTimeout("0").problem().field());
    }
}
