package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.InterceptFilter;
import dev.duplex.net.proxy.MessageRule;

/** The proxy's delay rules and the window's "pause on" filter, as typed. */
class ProxyInputTest {
    @Test
    void aDelayRuleKeepsItsWayPatternAndTime() {
        MessageRule rule = ProxyInput.delay("down:tick=>1500").value();
        assertEquals(Direction.DOWN, rule.direction());
        assertEquals("tick", rule.pattern().pattern());
        assertEquals(1500, rule.delayMs());
        assertTrue(rule.delays());
        assertFalse(rule.drops(), "a delay is not a drop");
        // The last => separates the time: a pattern may hold one.
        assertEquals("a=>b", ProxyInput.delay("up:a=>b=>20").value().pattern().pattern());
    }

    @Test
    void pauseOnHoldsWhatItNamesAndABadPatternSaysWhere() {
        InterceptFilter f = ProxyInput.pauseOn(true, false, true, false, "^order ").value();
        assertTrue(f.matches(Direction.UP, Payload.text("order 42")));
        assertFalse(f.matches(Direction.UP, Payload.text("ping")), "the pattern must find something");
        assertFalse(f.matches(Direction.DOWN, Payload.text("order 42")), "down is not ticked");
        assertFalse(f.matches(Direction.UP, Payload.binary(new byte[] {1})), "binary is not ticked");
        assertTrue(ProxyInput.pauseOn(false, true, false, true, "x").value().matches(Direction.DOWN,
                Payload.binary(new byte[] {1})), "the pattern reads text only: a binary message is held when binary is ticked");
        assertTrue(ProxyInput.pauseOn(false, false, true, true, "").value().holdsNothing());
        FieldProblem bad = ProxyInput.pauseOn(true, true, true, true, "(").problem();
        assertEquals(Field.PAUSE_ON, bad.field());
        assertEquals("form.rule.regex", bad.key());
    }
}
