package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckedTest {
    @Test
    void aValueOrAProblemNeverBoth() {
        Checked<Integer> ok = Checked.ok(5);
        assertTrue(ok.isOk());
        assertEquals(5, ok.value());
        assertNull(ok.problem());
        assertEquals(6, ok.map(n -> n + 1).value());

        FieldProblem p = FieldProblem.of(Field.PORT, "form.port");
        Checked<Integer> bad = Checked.bad(p);
        assertTrue(!bad.isOk());
        assertEquals(p, bad.problem());
        assertThrows(IllegalStateException.class, bad::value);
        assertEquals(p, bad.map(n -> n + 1).problem(), "the problem stays as it was");
    }

    @Test
    void aProblemsArgumentsReadAsAnArray() {
        assertArrayEquals(new Object[] {"a", 2}, FieldProblem.of(Field.HEADERS, "form.header", "a", 2).argArray());
    }
}
