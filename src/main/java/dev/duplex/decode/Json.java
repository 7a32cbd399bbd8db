package dev.duplex.decode;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The little JSON the application protocols need, with Jackson's streaming parser (no data binding): the elements
 * of an array and the values a user typed, each written back compactly with its numbers as they were typed.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() { }

    /** Thrown for text that is not the JSON expected; the message is Jackson's, or says what was expected. */
    public static final class NotJson extends Exception {
        NotJson(String why) {
            super(why);
        }
    }

    /** Each element of a JSON array, as compact JSON text. */
    public static List<String> arrayElements(String json) throws NotJson {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new NotJson("not an array");
            List<String> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) out.add(copy(p));
            if (p.nextToken() != null) throw new NotJson("text after the array");
            return out;
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotJson(String.valueOf(e.getMessage()));
        }
    }

    /** The JSON values typed one after another (separated by white space), each as compact JSON text. */
    public static List<String> sequence(String typed) throws NotJson {
        List<String> out = new ArrayList<>();
        if (typed.isBlank()) return out;
        try (JsonParser p = FACTORY.createParser(typed)) {
            while (p.nextToken() != null) out.add(copy(p));
            return out;
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotJson(String.valueOf(e.getMessage()));
        }
    }

    /** The scalar fields of a JSON object (their text; strings unquoted); nested values are skipped. */
    public static Map<String, String> scalarFields(String json) throws NotJson {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new NotJson("not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                } else {
                    out.put(name, p.getText());
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotJson(String.valueOf(e.getMessage()));
        }
    }

    /** Each field of a JSON object, its value as compact JSON text, in order. */
    public static Map<String, String> fields(String json) throws NotJson {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new NotJson("not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                out.put(name, copy(p));
            }
            if (p.nextToken() != null) throw new NotJson("text after the object");
            return out;
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotJson(String.valueOf(e.getMessage()));
        }
    }

    /** A JSON string literal for {@code s}. */
    public static String string(String s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** The string a JSON string literal holds, or null when the text is not one. */
    public static String unquote(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The value at the parser's current token, written compactly. */
    private static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }
}
