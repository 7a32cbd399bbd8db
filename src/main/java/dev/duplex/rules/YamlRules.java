package dev.duplex.rules;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Rules written as YAML, turned into the JSON that {@link RuleFile} reads, so that both spellings have one
 * reader and the same messages ({@code rules[1].then[0]: …}). SnakeYAML reads with its safe constructor
 * (plain maps, lists and scalars; no tags that make objects), few aliases, and a size limit.
 */
final class YamlRules {
    private static final JsonFactory JSON = new JsonFactory();

    private YamlRules() { }

    static String toJson(String yaml) throws RuleFile.BadRules {
        return toJson(yaml, "rulefile.notMapping", "variables:, rules:, …");
    }

    /** @param notAMapping what to say when the text is YAML but not a mapping (a key, and its argument) */
    static String toJson(String yaml, String notAMapping, String example) throws RuleFile.BadRules {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            if (at == null) throw new RuleFile.BadRules("", "rulefile.notYaml", String.valueOf(e.getProblem()));
            throw new RuleFile.BadRules("", "rulefile.notYamlAt", at.getLine() + 1, at.getColumn() + 1, String.valueOf(e.getProblem()));
        } catch (YAMLException e) {
            throw new RuleFile.BadRules("", "rulefile.notYaml", String.valueOf(e.getMessage()));
        }
        if (!(root instanceof Map)) throw new RuleFile.BadRules("", notAMapping, example);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, root);
        } catch (IOException e) {
            throw new RuleFile.BadRules("", "rulefile.notYaml", String.valueOf(e.getMessage()));
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) write(g, item);
            g.writeEndArray();
        } else if (value instanceof Number || value instanceof Boolean) {
            // As written: 30000 stays a number, true a boolean, for the reader to check where it wants which.
            g.writeRawValue(String.valueOf(value));
        } else if (value == null) {
            g.writeNull();
        } else {
            // Strings, and what YAML reads as dates or bytes: the text the rules will match or send.
            g.writeString(String.valueOf(value));
        }
    }
}
