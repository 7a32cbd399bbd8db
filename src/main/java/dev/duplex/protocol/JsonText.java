package dev.duplex.protocol;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Checks that a text message is one JSON value (RFC 8259), and pretty-prints it, streaming with Jackson's
 * parser and generator (no data binding): key order, duplicate keys and the exact text of every number stay
 * as typed. Strings are re-escaped the generator's way ({@code "\u00e9"} comes out as {@code "é"}, {@code
 * "\/"} as {@code "/"}): the same string, written plainly.
 */
public final class JsonText {
    /** Args: line, column, the parser's own message (English, from Jackson). */
    public static final String ERROR = "json.error";
    /** Args: line, column (of the first character after the JSON value). */
    public static final String TRAILING = "json.trailing";
    /** No args: nothing but whitespace. */
    public static final String EMPTY = "json.empty";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final DefaultPrettyPrinter PRETTY;

    static {
        DefaultIndenter twoSpaces = new DefaultIndenter("  ", "\n");
        // As JavaScript's JSON.stringify(value, null, 2) lays it out: "key": value, and {} / [] when empty.
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        PRETTY = new DefaultPrettyPrinter()
                .withSeparators(separators)
                .withObjectIndenter(twoSpaces)
                .withArrayIndenter(twoSpaces);
    }

    private JsonText() { }

    /**
     * Whether a text is JSON: {@link #ok()}, or where it stops being JSON (1-based line and column) and a
     * resource-bundle {@link #key()} ({@link #ERROR}, {@link #TRAILING} or {@link #EMPTY}); {@link #detail()}
     * is the parser's own message for {@link #ERROR}, else empty.
     */
    public record Check(boolean ok, int line, int column, String key, String detail) {
        static final Check OK = new Check(true, 0, 0, "", "");

        /** The arguments of {@link #key()}'s message, in order. */
        public Object[] args() {
            return switch (key) {
                case ERROR -> new Object[] {line, column, detail};
                case TRAILING -> new Object[] {line, column};
                default -> new Object[0];
            };
        }
    }

    /** Checks that {@code text} holds exactly one JSON value, with nothing but whitespace around it. */
    public static Check validate(String text) {
        return run(text, null);
    }

    /**
     * {@code text} laid out with a 2-space indent, one member or element a line, as {@code
     * JSON.stringify(value, null, 2)} would (but with keys and numbers exactly as typed); empty when it is
     * not JSON ({@link #validate} says why).
     */
    public static Optional<String> pretty(String text) {
        StringWriter out = new StringWriter(text == null ? 16 : text.length() * 2);
        return run(text, out).ok() ? Optional.of(out.toString()) : Optional.empty();
    }

    private static Check run(String text, StringWriter out) {
        String input = text == null ? "" : text;
        try (JsonParser p = FACTORY.createParser(input);
             JsonGenerator g = out == null ? null : FACTORY.createGenerator(out).setPrettyPrinter(PRETTY)) {
            JsonToken first = p.nextToken();
            if (first == null) return new Check(false, 1, 1, EMPTY, "");
            copy(p, g);
            if (first.isStructStart()) {
                while (p.nextToken() != null) {
                    copy(p, g);
                    if (p.getParsingContext().inRoot()) break; // the root value ended
                }
            }
            // The value is complete. Whatever follows must be JSON whitespace; anything else, another value
            // included ("1 2", which Jackson would read as a second root value), is trailing content.
            long end = p.currentLocation().getCharOffset();
            for (int i = (int) Math.min(end, input.length()); i < input.length(); i++) {
                char c = input.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return trailingAt(input, i);
            }
            if (g != null) g.flush();
            return Check.OK;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            return new Check(false, line, column, ERROR, e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail: " + e, e);
        }
    }

    private static Check trailingAt(String input, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = input.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= input.length() || input.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new Check(false, line, column, TRAILING, "");
    }

    private static void copy(JsonParser p, JsonGenerator g) throws IOException {
        if (g == null) {
            // Only validating: make the parser read the whole of the token (a string's escapes, a number's digits).
            if (p.currentToken() == JsonToken.VALUE_STRING) p.getText();
            else if (p.currentToken().isNumeric()) p.getNumberType();
            return;
        }
        if (p.currentToken().isNumeric()) {
            g.writeNumber(p.getText()); // the digits as typed: 1.50, 1e3, -0, and beyond double's precision
        } else {
            g.copyCurrentEvent(p);
        }
    }
}
