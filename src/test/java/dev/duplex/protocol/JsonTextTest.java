package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void validValues() {
        for (String json : new String[] {"{}", "[]", "{\"a\":1}", "[1,2,[3,{\"b\":null}]]", "\"text\"", "42", "-0.5e-3",
                "true", "false", "null", "  {\"a\" : [ ] }\n", "\"你好 \\u00e9 \\ud83d\\ude00\"", "\r\n[1]\r\n"}) {
            JsonText.Check c = JsonText.validate(json);
            assertTrue(c.ok(), json + " -> " + c);
            assertTrue(JsonText.pretty(json).isPresent(), json);
        }
    }

    @Test
    void trailingContentIsAnError() {
        JsonText.Check c = JsonText.validate("{\"a\":1} x");
        assertFalse(c.ok());
        assertEquals(JsonText.TRAILING, c.key());
        assertEquals(1, c.line());
        assertEquals(9, c.column());
        assertArrayEquals(new Object[] {1, 9}, c.args());

        // A second value is trailing content too, though Jackson alone would read it as another root value.
        c = JsonText.validate("1 2");
        assertEquals(JsonText.TRAILING, c.key());
        assertEquals(3, c.column());
        c = JsonText.validate("{}\n\n  {}");
        assertEquals(JsonText.TRAILING, c.key());
        assertEquals(3, c.line());
        assertEquals(3, c.column());
        c = JsonText.validate("\"s\"]");
        assertEquals(JsonText.TRAILING, c.key());
        assertEquals(4, c.column());
        assertEquals(Optional.empty(), JsonText.pretty("[1] [2]"));
    }

    @Test
    void errorsSayWhereWithTheParsersWords() {
        JsonText.Check c = JsonText.validate("{\"a\": \"unterminated}");
        assertFalse(c.ok());
        assertEquals(JsonText.ERROR, c.key());
        assertEquals(1, c.line());
        assertTrue(c.detail().contains("end-of-input"), c.detail());
        assertFalse(c.detail().contains("[Source"), "the location is in line and column, not in the message: " + c.detail());
        assertEquals(3, c.args().length);

        c = JsonText.validate("{\n  \"a\": 1,\n  \"b\": tru\n}");
        assertEquals(JsonText.ERROR, c.key());
        assertEquals(3, c.line());
        assertTrue(c.detail().contains("tru"), c.detail());

        c = JsonText.validate("[1,]");
        assertEquals(JsonText.ERROR, c.key());
        assertEquals(4, c.column());

        for (String bad : new String[] {"{'a':1}", "{a:1}", "[1 2]", "01", "NaN", "[\"\\x\"]", "{\"a\":1", "// c\n1", "\"tab\there\""}) {
            c = JsonText.validate(bad);
            assertFalse(c.ok(), bad);
            assertEquals(JsonText.ERROR, c.key(), bad);
            assertFalse(c.detail().isBlank(), bad);
            assertEquals(Optional.empty(), JsonText.pretty(bad), bad);
        }
    }

    @Test
    void emptyIsNotJson() {
        for (String empty : new String[] {"", "  \n", null}) {
            JsonText.Check c = JsonText.validate(empty);
            assertFalse(c.ok());
            assertEquals(JsonText.EMPTY, c.key());
            assertEquals(0, c.args().length);
        }
    }

    @Test
    void prettyKeepsOrderAndNumbersAsTyped() {
        String in = "{\"z\":1,\"a\":[1.50,1e3,-0,12345678901234567890123,2E-7,{}],\"m\":{\"k\":\"v\",\"e\":[]},"
                + "\"s\":\"\\u00e9\\\"\\n你\",\"t\":true,\"n\":null,\"z\":2}";
        String expected = """
                {
                  "z": 1,
                  "a": [
                    1.50,
                    1e3,
                    -0,
                    12345678901234567890123,
                    2E-7,
                    {}
                  ],
                  "m": {
                    "k": "v",
                    "e": []
                  },
                  "s": "é\\"\\n你",
                  "t": true,
                  "n": null,
                  "z": 2
                }""";
        assertEquals(expected, JsonText.pretty(in).orElseThrow());
        assertEquals(expected, JsonText.pretty(expected).orElseThrow(), "pretty output is a fixed point");
    }

    @Test
    void prettyScalarsAndEmpties() {
        assertEquals("42", JsonText.pretty(" 42 ").orElseThrow());
        assertEquals("1.000", JsonText.pretty("1.000").orElseThrow());
        assertEquals("\"x\"", JsonText.pretty("\"x\"").orElseThrow());
        assertEquals("null", JsonText.pretty("null").orElseThrow());
        assertEquals("[]", JsonText.pretty("[ ]").orElseThrow());
        assertEquals("{}", JsonText.pretty("{\n}").orElseThrow());
        assertEquals("[\n  [\n    1\n  ]\n]", JsonText.pretty("[[1]]").orElseThrow());
    }
}
