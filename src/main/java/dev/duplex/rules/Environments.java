package dev.duplex.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.duplex.model.message.JsonTree;
import dev.duplex.model.message.JsonTree.Kind;
import dev.duplex.model.message.JsonTree.Node;

/**
 * Named sets of variables (local, staging, production …), one file for the window and {@code connect --env}:
 * <pre>
 * local:   {host: 127.0.0.1:8080, user: ana}
 * staging: {host: staging.example.com, user: bob, token: s3cr3t}
 * </pre>
 * JSON or YAML, read as the rules are ({@link YamlRules}). Choosing one fills {@code {{name}}} in the URL, the
 * headers, the messages and the rules; its values win over the rules' own {@code variables}, so that one set
 * of rules runs against each environment.
 */
public final class Environments {
    /** The file's name in Duplex's config folder, where the window keeps it and {@code --env} reads it. */
    public static final String FILE = "environments.yaml";
    public static final Environments NONE = new Environments(Map.of());

    private final Map<String, Map<String, String>> byName;

    private Environments(Map<String, Map<String, String>> byName) {
        this.byName = byName;
    }

    /** The environments in {@code text}; blank text is none. A mistake says where it is. */
    public static Environments parse(String text) throws RuleFile.BadRules {
        if (text == null || text.isBlank()) return NONE;
        String json = text.strip().startsWith("{") ? text
                : YamlRules.toJson(text, "rulefile.env.notMapping", "local: {host: …}");
        Node root = JsonTree.of(json).orElseThrow(() -> new RuleFile.BadRules("", "rulefile.notJson"));
        if (root.kind() != Kind.OBJECT) throw new RuleFile.BadRules("", "rulefile.env.notObject");
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (Node environment : root.children()) {
            if (environment.kind() != Kind.OBJECT) {
                throw new RuleFile.BadRules(environment.key(), "rulefile.env.variables", "name: value");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (Node v : environment.children()) variables.put(v.key(), RuleFile.scalar(v, environment.key() + "." + v.key()));
            all.put(environment.key(), java.util.Collections.unmodifiableMap(variables));
        }
        return new Environments(java.util.Collections.unmodifiableMap(all));
    }

    /** The file's environments; a file that is not there is none. Blocking: never on the FX thread. */
    public static Environments read(Path file) throws RuleFile.BadRules {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            throw new RuleFile.BadRules(file.toString(), "rulefile.unreadable", String.valueOf(e.getMessage()));
        } catch (RuleFile.BadRules e) {
            throw e.in(file.toString());
        }
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The variables of environment {@code name}, or empty when there is none by that name ("" is none). */
    public Map<String, String> variables(String name) {
        return byName.getOrDefault(name, Map.of());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }
}
