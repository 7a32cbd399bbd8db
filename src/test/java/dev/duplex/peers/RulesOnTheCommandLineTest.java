package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duplex connect --rules} and {@code --expect} against Node's {@code ws} running a small API of its own:
 * it greets each client with {@code {"type":"hello","id":7}}, answers a login with {@code welcome NAME}, and
 * echoes the rest. The rules log in on opening, take the id from the greeting and acknowledge it, and assert the
 * acknowledgement's echo; a run whose assertion or expectation fails exits 4, as CI needs.
 */
class RulesOnTheCommandLineTest {
    private static final String SERVER = """
            const { WebSocketServer } = require('ws');
            const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
            wss.on('listening', () => console.log(JSON.stringify({ listening: wss.address().port })));
            wss.on('connection', (ws) => {
              ws.send(JSON.stringify({ type: 'hello', id: 7 }));
              ws.on('message', (data) => {
                const text = data.toString();
                console.log(JSON.stringify({ got: text }));
                let login = null;
                try { login = JSON.parse(text).login; } catch (e) { }
                ws.send(login ? 'welcome ' + login : text);
              });
            });
            """;
    private static final String RULES = """
            { "variables": {"user": "ana"},
              "onOpen": ["{\\"login\\": \\"{{user}}\\"}"],
              "rules": [
                {"name": "hello", "when": {"json": "$.type == hello"},
                 "then": [{"extract": {"id": "{{$.id}}"}}, {"reply": "{\\"ack\\": {{id}}}"}]},
                {"name": "ack echoed", "when": {"json": "$.ack exists"},
                 "then": [{"assert": {"json": "$.ack == %s"}}, {"mark": "acked {{$.ack}}"}]}
              ],
              "expect": [{"json": "$.ack exists", "withinMs": 5000}] }
            """;

    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();

    @Test
    void rulesLogInAnswerTheGreetingAndPass(@TempDir Path dir) throws Exception {
        try (NodeScript server = start()) {
            Path rules = Files.writeString(dir.resolve("rules.json"), RULES.formatted("7"));
            int status = run("--rules", rules.toString(), "--var", "user=bob", "--expect", "^welcome bob$",
                    "ws://127.0.0.1:" + server.port() + "/");
            assertEquals("{\"got\":\"{\\\"login\\\": \\\"bob\\\"}\"}", server.await("login"), "--var wins over the file's");
            assertEquals("{\"got\":\"{\\\"ack\\\": 7}\"}", server.await("ack"), "the id taken from the greeting");
            out.await("acked 7");
            out.await("✓ ack echoed", "$.ack == 7");
            out.await("rules: 3 passed, 0 failed");
            assertEquals(0, status, err.toString());
        }
    }

    /** The same rules written as YAML, with a heartbeat: the same run, and the beats reach the server. */
    @Test
    void yamlRulesRunTheSame(@TempDir Path dir) throws Exception {
        String yaml = """
                # The rules of the JSON test above, in YAML.
                variables: {user: ana}
                onOpen:
                  - '{"login": "{{user}}"}'
                heartbeat: {everyMs: 200, send: beat}
                rules:
                  - name: hello
                    when: {json: $.type == hello}
                    then:
                      - extract: {id: '{{$.id}}'}
                      - reply: '{"ack": {{id}}}'
                  - name: ack echoed
                    when: {json: $.ack exists}
                    then:
                      - assert: {json: $.ack == 7}
                      - mark: acked {{$.ack}}
                expect:
                  - {regex: ^beat$, withinMs: 5000}
                """;
        try (NodeScript server = start()) {
            Path rules = Files.writeString(dir.resolve("rules.yaml"), yaml);
            int status = run("--rules", rules.toString(), "--expect", "^welcome ana$", "ws://127.0.0.1:" + server.port() + "/");
            assertEquals("{\"got\":\"{\\\"ack\\\": 7}\"}", server.await("ack"), "the id taken from the greeting");
            server.await("\"got\":\"beat\"");
            out.await("✓ ack echoed", "$.ack == 7");
            out.await("rules: 3 passed, 0 failed");
            assertEquals(0, status, err.toString());
        }
    }

    @Test
    void aMistakeInYamlRulesSaysTheLine(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - name: x\n    when: {regex: a\n");
        assertEquals(2, run("--rules", rules.toString(), "ws://127.0.0.1:1/"));
        err.await("rules.yaml: not YAML, line");
    }

    @Test
    void aFailedAssertionOrAMissingMessageExitsFour(@TempDir Path dir) throws Exception {
        try (NodeScript server = start()) {
            Path rules = Files.writeString(dir.resolve("rules.json"), RULES.formatted("8"));
            int status = run("--rules", rules.toString(), "--expect", "^never$", "--wait", "1500",
                    "ws://127.0.0.1:" + server.port() + "/");
            err.await("✗ ack echoed", "$.ack == 8");
            err.await("✗ --expect ^never$", "did not come");
            err.await("rules: 1 passed, 2 failed");
            assertEquals(4, status);
        }
    }

    /**
     * A server that drops the first connection right after the login: the rules make the connection again after
     * their back-off, log in again on the new one, and the welcome that was expected comes there.
     */
    @Test
    void aDroppedConnectionIsMadeAgainAndLogsInAgain(@TempDir Path dir) throws Exception {
        try (NodeDroppingServer server = NodeDroppingServer.start()) {
            Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                    onOpen: ['{"login": "ana"}']
                    reconnect: {afterMs: 200, tries: 3}
                    expect: [{regex: '^welcome ana$', withinMs: 20000}]
                    """);
            int status = run("--rules", rules.toString(), "--wait", "20000", server.uri().toString());
            server.await("\"connection\":1");
            server.await("login");
            out.await("connecting again in 200 ms (try 1 of 3)");
            server.await("\"connection\":2");
            server.await("login");
            out.await("✓ expect matches ^welcome ana$");
            assertEquals(0, status, err.toString());
        }
    }

    /** Nothing listens: the tries wait twice as long each time, up to maxMs, then give up, and the run fails. */
    @Test
    void reconnectingBacksOffAndGivesUp(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"reconnect\": {\"afterMs\": 100, \"maxMs\": 250, \"tries\": 3}}");
        int status = run("--rules", rules.toString(), "ws://127.0.0.1:" + port + "/");
        out.await("in 100 ms (try 1 of 3)");
        out.await("in 200 ms (try 2 of 3)");
        out.await("in 250 ms (try 3 of 3)");
        out.await("gave up after 3 tries");
        assertEquals(1, status);
    }

    /**
     * --env takes a named environment's variables from the file: they fill the URL and win over the rules'
     * own (the login is bob's, not ana's); a name the file lacks is a usage error.
     */
    @Test
    void anEnvironmentFillsTheUrlAndTheRules(@TempDir Path dir) throws Exception {
        try (NodeScript server = start()) {
            Path environments = Files.writeString(dir.resolve("environments.yaml"), """
                    local: {port: 1, user: carol}
                    staging: {port: %d, user: bob}
                    """.formatted(server.port()));
            Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                    variables: {user: ana}
                    onOpen: ['{"login": "{{user}}"}']
                    """);
            int status = run("--rules", rules.toString(), "--env-file", environments.toString(), "--env", "staging",
                    "--expect", "^welcome bob$", "ws://127.0.0.1:{{port}}/");
            assertEquals("{\"got\":\"{\\\"login\\\": \\\"bob\\\"}\"}", server.await("login"));
            assertEquals(0, status, err.toString());
            assertEquals(2, run("--env-file", environments.toString(), "--env", "prod", "ws://127.0.0.1:1/"));
            err.await("--env prod: no such environment in", "(there: local, staging)");
        }
    }

    @Test
    void aMistakeInTheRulesIsAUsageErrorThatSaysWhere(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"rules\": [{\"when\": {\"regex\": \"(\"}, \"then\": [{\"mark\": \"x\"}]}]}");
        assertEquals(2, run("--rules", rules.toString(), "ws://127.0.0.1:1/"));
        err.await("rules.json: rules[0].when: not a regular expression");
    }

    private int run(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "connect";
        System.arraycopy(args, 0, all, 1, args.length);
        return ConsoleLines.connect(new ByteArrayInputStream(new byte[0]), out, err, all)
                .get(EventRecorder.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private static NodeScript start() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path dir = NodeWsServer.install();
        Files.writeString(dir.resolve("rules-api.js"), SERVER);
        return new NodeScript(new ProcessBuilder("node", "rules-api.js").directory(dir.toFile()), "node-rules-api");
    }
}
