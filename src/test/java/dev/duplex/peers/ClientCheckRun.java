package dev.duplex.peers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.duplex.cli.Cli;

/**
 * {@code duplex check --client ... --json FILE -- COMMAND ... {url}} run in this JVM (the clients it
 * starts are real processes), with what it printed, its exit status, and the verdict of every case as its
 * JSON report gives them.
 */
record ClientCheckRun(int status, String out, String err, Map<String, String> verdicts, Map<String, String> observed) {
    static ClientCheckRun run(Path dir, List<String> options, List<String> command) throws Exception {
        Path json = dir.resolve("client-check.json");
        Files.deleteIfExists(json);
        List<String> argv = new ArrayList<>(List.of("check", "--client", "--json", json.toString()));
        argv.addAll(options);
        argv.add("--");
        argv.addAll(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(argv.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                stop -> { });
        Map<String, String> verdicts = new LinkedHashMap<>();
        Map<String, String> observed = new LinkedHashMap<>();
        if (Files.exists(json)) read(json, verdicts, observed);
        return new ClientCheckRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), verdicts, observed);
    }

    /** The summary lines ("0 Opening handshake: 15 cases, …" and "Total: …"), for the README. */
    List<String> summary() {
        return out.lines().filter(l -> l.matches("^\\d+ .*: \\d+ cases, .*") || l.startsWith("Total: ")).toList();
    }

    /** The cases of this verdict, with what the client did. */
    String those(String verdict) {
        StringBuilder b = new StringBuilder();
        verdicts.forEach((id, v) -> {
            if (v.equals(verdict)) b.append(id).append(": ").append(observed.get(id)).append("; ");
        });
        return b.toString();
    }

    private static void read(Path json, Map<String, String> verdicts, Map<String, String> observed) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            while (p.nextToken() != null) {
                // The top level's "cases" is the array; each group's "cases" is a count.
                if (p.currentToken() == JsonToken.FIELD_NAME && "cases".equals(p.currentName()) && p.nextToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String id = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken t = p.nextToken();
                            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                                p.skipChildren();
                            } else if (name.equals("id")) {
                                id = p.getText();
                            } else if (name.equals("verdict")) {
                                verdicts.put(id, p.getText());
                            } else if (name.equals("observed")) {
                                observed.put(id, p.getText());
                            }
                        }
                    }
                    return;
                }
            }
        }
    }
}
