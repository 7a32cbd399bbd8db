package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.protocol.CloseRequest;

class BehaviourInputTest {
    private static BehaviourInput refusing(String status, String headers, String body) {
        return new BehaviourInput(true, status, headers, body, null, null, null, null, null, null, true);
    }

    private static BehaviourInput switches(String subprotocol, String delay, String drop, String after, String code,
            String reason) {
        return new BehaviourInput(false, null, null, null, subprotocol, delay, drop, after, code, reason, true);
    }

    @Test
    void normalIsEverySwitchOff() {
        assertEquals(ServerBehaviour.NORMAL, BehaviourInput.NORMAL.parse().value());
        assertEquals(ServerBehaviour.NORMAL, switches("", "0", "0", "0", "1000", "").parse().value());
    }

    @Test
    void aRefusalHasItsStatusReasonPhraseHeadersAndBody() {
        ServerConfig.Refusal r = refusing(" 403 ", "X-Lab: on\r\n\n  Retry-After: 5  \n", "go away").parse().value().refusal();
        assertEquals(new ServerConfig.Refusal(403, "Forbidden", "go away", List.of("X-Lab: on", "Retry-After: 5")), r);
        assertEquals(403, refusing(null, null, null).parse().value().refusal().status(), "403 unless told");
        assertEquals("Service Unavailable", refusing("503", "", "").parse().value().refusal().reason());
        assertNull(new BehaviourInput(false, "999", "not a header", null, null, null, null, null, null, null, true)
                .parse().value().refusal(), "the refusal's fields count only when it is on");
    }

    @Test
    void aRefusalStatusIsFrom200To599() {
        for (String bad : new String[] {"101", "199", "600", "", "forbidden"}) {
            assertEquals(FieldProblem.of(Field.REFUSE_STATUS, "form.refuseStatus"), refusing(bad, "", "").parse().problem(), bad);
        }
        assertEquals(200, BehaviourInput.refusal("200", "", "").value().status());
        assertEquals(599, BehaviourInput.refusal("599", "", "").value().status());
    }

    @Test
    void eachRefusalHeaderIsANamedLine() {
        for (String bad : new String[] {"nocolon", ": no name", "two words: x", "X-A: 1\nbad line"}) {
            FieldProblem p = refusing("403", bad, "").parse().problem();
            assertEquals(Field.REFUSE_HEADERS, p.field(), bad);
            assertEquals("form.refuseHeaders", p.key());
        }
        assertEquals(List.of("bad line"), refusing("403", "X-A: 1\nbad line", "").parse().problem().args(),
                "the line at fault");
    }

    @Test
    void theSubprotocolAnswerIsNoneTheFirstOfferedOrAToken() {
        assertEquals("", switches("  ", null, null, null, null, null).parse().value().subprotocol());
        assertEquals("*", switches("*", null, null, null, null, null).parse().value().subprotocol());
        assertEquals("chat.v2", switches(" chat.v2 ", null, null, null, null, null).parse().value().subprotocol());
        for (String bad : new String[] {"two words", "a,b", "x;y", "ü"}) {
            assertEquals(Field.SUBPROTOCOL_ANSWER, switches(bad, null, null, null, null, null).parse().problem().field(), bad);
            assertEquals("form.subprotocol", BehaviourInput.subprotocolAnswer(bad).problem().key());
        }
    }

    @Test
    void delayDropsAndCloseAfterAreWholeNumbersInRange() {
        ServerBehaviour b = switches(null, "600000", "3", "7", "4003", "lab").parse().value();
        assertEquals(ServerBehaviour.NORMAL.withDelay(600_000).withDropEvery(3).withCloseAfter(7, 4003, "lab"), b);
        assertEquals(FieldProblem.of(Field.REPLY_DELAY, "form.replyDelay"), switches(null, "-1", null, null, null, null).parse().problem());
        assertEquals(FieldProblem.of(Field.REPLY_DELAY, "form.replyDelay"),
                switches(null, "600001", null, null, null, null).parse().problem());
        assertEquals(FieldProblem.of(Field.DROP_EVERY, "form.count"), switches(null, null, "-2", null, null, null).parse().problem());
        assertEquals(FieldProblem.of(Field.CLOSE_AFTER, "form.count"), switches(null, null, null, "x", null, null).parse().problem());
    }

    @Test
    void theCloseAfterMessagesIsAProperClose() {
        for (String bad : new String[] {"1005", "1006", "1015", "999", "5000", "", "x", "-1"}) {
            assertEquals(FieldProblem.of(Field.CLOSE_AFTER_CODE, "form.closeAfterCode"),
                    switches(null, null, null, "1", bad, null).parse().problem(), bad);
        }
        assertEquals(new CloseRequest(1000, ""), BehaviourInput.closeAfterMessages(null, null).value());
        String zh41 = "关".repeat(41);
        assertEquals(zh41, BehaviourInput.closeAfterMessages("4000", zh41).value().reason(), "123 bytes fit");
        assertEquals(FieldProblem.of(Field.CLOSE_AFTER_REASON, "form.closeReason", 126),
                switches(null, null, null, "1", "4000", zh41 + "关").parse().problem());
    }

    @Test
    void answeringPingsIsASwitch() {
        assertEquals(false, new BehaviourInput(false, null, null, null, null, null, null, null, null, null, false)
                .parse().value().answerPings());
    }
}
