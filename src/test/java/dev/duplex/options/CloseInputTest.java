package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.duplex.i18n.Texts;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.protocol.CloseRequest.Way;

class CloseInputTest {
    private static CloseRequest.Hint hint(String code, String reason) {
        return new CloseInput(code, reason).hint();
    }

    @Test
    void theCloseAsTyped() {
        assertEquals(new CloseRequest(1000, "bye"), new CloseInput(" 1000 ", "bye").request().value());
        assertEquals(new CloseRequest(CloseRequest.NO_CODE, ""), new CloseInput("", null).request().value());
        assertEquals(new CloseRequest(CloseRequest.NO_CODE, "x"), new CloseInput(null, "x").request().value());
        assertEquals(new CloseRequest(999, ""), new CloseInput("999", "").request().value(), "any two-byte code goes");
        assertEquals(new CloseRequest(65535, ""), new CloseInput("65535", "").request().value());
        for (String bad : new String[] {"abc", "-1", "65536", "1000.0"}) {
            assertEquals(FieldProblem.of(Field.CLOSE_CODE, "form.closeCode"), new CloseInput(bad, "").request().problem(), bad);
        }
    }

    @Test
    void aProperCloseGoesThroughTheClosingHandshake() {
        assertEquals(new CloseRequest.Hint(Way.CLOSING_HANDSHAKE, "close.hint.handshake", List.of(1000, 3, 123)), hint("1000", "bye"));
        assertEquals(Way.CLOSING_HANDSHAKE, hint("4999", "关".repeat(41)).way());
        assertEquals("1000, reason 3 bytes: a normal closing handshake.", words(hint("1000", "bye")));
    }

    @Test
    void whatBreaksARuleGoesOutAsTypedAndSaysWhich() {
        assertEquals(new CloseRequest.Hint(Way.AS_TYPED, "close.problem.CODE_RESERVED_FOR_REPORTING", List.of(1006, 0, 123)),
                hint("1006", ""));
        assertEquals("close.problem.CODE_NOT_ALLOWED", hint("999", "").key());
        assertEquals("close.problem.CODE_NOT_ALLOWED", hint("0", "").key());
        CloseRequest.Hint tooLong = hint("1000", "x".repeat(124));
        assertEquals(new CloseRequest.Hint(Way.AS_TYPED, "close.problem.REASON_TOO_LONG", List.of(1000, 124, 123)), tooLong);
        assertEquals("The reason is 124 bytes; a close frame allows 123: it goes out as typed, to see what the peer does.",
                words(tooLong));
        assertEquals("close.problem.CODE_RESERVED_FOR_REPORTING", hint("1005", "x".repeat(124)).key(),
                "the code's problem first");
    }

    @Test
    void anEmptyCodeSendsAnEmptyCloseFrame() {
        assertEquals(new CloseRequest.Hint(Way.AS_TYPED, "close.hint.noCode", List.of(-1, 0, 123)), hint("", ""));
        assertEquals("close.problem.REASON_WITHOUT_CODE", hint(" ", "bye").key());
    }

    @Test
    void whatIsNotATwoByteNumberIsNotSent() {
        assertEquals(new CloseRequest.Hint(Way.NOT_SENT, "form.closeCode", List.of()), hint("abc", ""));
        assertEquals(new CloseRequest.Hint(Way.NOT_SENT, "close.problem.CODE_DOES_NOT_FIT", List.of(65536, 2, 123)), hint("65536", "hi"));
        assertEquals(new CloseRequest.Hint(Way.NOT_SENT, "close.problem.CODE_DOES_NOT_FIT", List.of(-1, 0, 123)), hint("-1", ""));
        assertEquals("-1 does not fit in the two bytes of a close code (0 to 65535): nothing can be sent.", words(hint("-1", "")));
    }

    @Test
    void theRequestItselfSaysHowItGoesOut() {
        assertEquals(Way.CLOSING_HANDSHAKE, new CloseRequest(1000, "").way());
        assertEquals(Way.AS_TYPED, new CloseRequest(CloseRequest.NO_CODE, "").way());
        assertEquals(Way.AS_TYPED, new CloseRequest(1015, "").way());
        assertEquals(Way.NOT_SENT, new CloseRequest(70_000, "").way());
        assertEquals("close.problem.CODE_DOES_NOT_FIT", new CloseRequest(70_000, "").hint().key());
    }

    @Test
    void everyKeyTheHintCanNameHasWordsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Texts texts = Texts.of(locale);
            for (String key : CloseInput.hintKeys()) assertTrue(texts.has(key), key + " in " + locale);
        }
        // And the list is the whole list: every input below names one of its keys.
        for (String[] typed : new String[][] {{"1000", ""}, {"", ""}, {"", "r"}, {"1005", ""}, {"999", ""},
                {"1000", "x".repeat(200)}, {"70000", ""}, {"-5", ""}, {"x", ""}}) {
            assertTrue(CloseInput.hintKeys().contains(hint(typed[0], typed[1]).key()), String.join("/", typed));
        }
        for (CloseRequest.Problem p : CloseRequest.Problem.values()) assertTrue(CloseInput.hintKeys().contains(p.key()));
    }

    private static String words(CloseRequest.Hint h) {
        return Texts.of(Locale.ENGLISH).get(h.key(), h.argArray());
    }
}
