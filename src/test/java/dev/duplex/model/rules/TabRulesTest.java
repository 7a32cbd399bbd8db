package dev.duplex.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ModelThread;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeDroppingServer;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.settings.Settings;

/**
 * A client tab's rules against Node's {@code ws} echo server: the on-open message goes, a rule answers its echo,
 * an assertion passes and one fails, {@code {{name}}} in the message box is filled, and the log says each under
 * "rules", with the counts at the close. A mistake in the rules is a line of the log, and nothing runs.
 */
class TabRulesTest {
    private static final String RULES = """
            { "variables": {"who": "ana"},
              "onOpen": ["hello {{who}}"],
              "rules": [
                {"name": "greeting", "when": {"regex": "^hello (\\\\w+)$"},
                 "then": [{"extract": {"seen": "{{1}}"}}, {"reply": "{\\"seen\\": \\"{{seen}}\\"}"},
                          {"assert": {"contains": "ana"}}]},
                {"name": "seen", "when": {"json": "$.seen exists"},
                 "then": [{"mark": "seen {{$.seen}}"}, {"assert": {"json": "$.seen == bob"}}]}
              ] }
            """;
    private static final dev.duplex.i18n.Texts EN = dev.duplex.i18n.Texts.of(java.util.Locale.ENGLISH);
    private final ModelThread fx = new ModelThread();
    private Workbench workbench;

    @AfterEach
    void close() throws Exception {
        if (workbench != null) fx.call(workbench::shutdown).get(10, TimeUnit.SECONDS);
        fx.close();
    }

    @Test
    void aTabsRulesAnswerMarkAndAssertOnTheConnection() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            ClientTab tab = tab();
            fx.run(() -> {
                tab.rules().textProperty().set(RULES);
                tab.urlProperty().set(ws.uri("/").toString());
                tab.connect();
            });
            fx.until(() -> tab.rules().passedProperty().get() == 1 && tab.rules().failedProperty().get() == 1);
            fx.run(() -> {
                tab.composer().textProperty().set("by hand {{seen}}");
                tab.send();
            });
            fx.until(() -> texts(tab).contains("by hand ana"));
            fx.run(tab::disconnect);
            fx.until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
            List<String> lines = fx.call(() -> rulesLines(tab));
            assertTrue(lines.contains("rules.passed [greeting, contains ana: hello ana]"), lines.toString());
            assertTrue(lines.contains("rules.markLine [seen ana]"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("rules.failed [seen, $.seen == bob")), lines.toString());
            assertEquals("rules.summary [1, 1]", lines.get(lines.size() - 1));
        }
    }

    /** The heartbeat of the rules goes out while connected, filled in each time, and stops at the close. */
    @Test
    void theHeartbeatGoesWhileConnected() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            ClientTab tab = tab();
            fx.run(() -> {
                tab.rules().textProperty().set("{\"variables\": {\"who\": \"ana\"}, \"heartbeat\": {\"everyMs\": 100, \"send\": \"beat {{who}}\"}}");
                tab.urlProperty().set(ws.uri("/").toString());
                tab.connect();
            });
            // Echoed back by ws: three beats came and went.
            fx.until(() -> texts(tab).split("beat ana", -1).length > 3);
            fx.run(tab::disconnect);
            fx.until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
        }
    }

    /**
     * A server that drops the first connection: the tab connects again after the back-off, logs in again, and
     * the expected welcome comes on the new connection; a Disconnect after it is the end, with no reconnect.
     */
    @Test
    void aDroppedConnectionIsMadeAgainAndTheUsersCloseIsNot() throws Exception {
        try (NodeDroppingServer server = NodeDroppingServer.start()) {
            ClientTab tab = tab();
            fx.run(() -> {
                tab.rules().textProperty().set("onOpen: ['{\"login\": \"ana\"}']\nreconnect: {afterMs: 100, tries: 2}\n"
                        + "expect: [{contains: welcome ana}]\n");
                tab.urlProperty().set(server.uri().toString());
                tab.connect();
            });
            server.await("\"on\":1");
            server.await("\"connection\":2");
            server.await("\"on\":2");
            fx.until(() -> tab.rules().passedProperty().get() == 1);
            fx.run(tab::disconnect);
            fx.until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
            List<String> lines = fx.call(() -> rulesLines(tab));
            assertEquals(List.of("rules.reconnecting [100, 1, 2]", "rules.summary [1, 0]"),
                    lines.stream().filter(l -> !l.startsWith("rules.passed")).toList(), lines.toString());
        }
    }

    /** Nothing listens any more: two tries, then a line that gives up, and the run ends with its counts. */
    @Test
    void reconnectingGivesUpAfterItsTries() throws Exception {
        ClientTab tab = tab();
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port + "/";
        fx.run(() -> {
            tab.rules().textProperty().set("{\"reconnect\": {\"afterMs\": 50, \"tries\": 2}}");
            tab.urlProperty().set(url);
            tab.connect();
        });
        fx.until(() -> rulesLines(tab).stream().anyMatch(l -> l.startsWith("rules.summary")));
        assertEquals(List.of("rules.reconnecting [50, 1, 2]", "rules.reconnecting [100, 2, 2]", "rules.gaveUp [2]",
                "rules.summary [0, 0]"), fx.call(() -> rulesLines(tab)));
    }

    /**
     * The tab's environment fills {{name}} in the URL, a header and the messages, over the rules' own variable;
     * an environment taken out of the file is said at connect, and its variables are not set.
     */
    @Test
    void theChosenEnvironmentFillsTheUrlTheHeadersAndTheMessages() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            ClientTab tab = tab();
            fx.run(() -> {
                workbench.environments().textProperty().set("local: {port: 1, user: carol}\nstaging: {port: "
                        + ws.uri("/").getPort() + ", user: bob}\n");
                assertTrue(workbench.environments().save());
                tab.rules().environmentProperty().set("staging");
                tab.rules().textProperty().set("variables: {user: ana}\nonOpen: ['hello {{user}}']\n");
                tab.options().headersProperty().set("X-User: {{user}}");
                tab.urlProperty().set("ws://127.0.0.1:{{port}}/");
                tab.connect();
            });
            assertEquals("bob", ws.nextHandshake().header("x-user"));
            fx.until(() -> texts(tab).contains("hello bob"));
            fx.run(() -> {
                tab.composer().textProperty().set("by hand {{user}}");
                tab.send();
            });
            fx.until(() -> texts(tab).contains("by hand bob"));
            fx.run(tab::disconnect);
            fx.until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
            fx.run(() -> {
                workbench.environments().textProperty().set("local: {port: 1}\n");
                assertTrue(workbench.environments().save());
                tab.urlProperty().set(ws.uri("/").toString());
                tab.connect();
            });
            fx.until(() -> rulesLines(tab).contains("rules.noEnvironment [staging, local]"));
            fx.until(() -> tab.stateProperty().get() == ClientState.OPEN);
            fx.until(() -> texts(tab).contains("hello ana"));
            assertTrue(java.nio.file.Files.readString(workbench.environments().file()).startsWith("local: {port: 1}"));
        }
    }

    @Test
    void rulesThatDoNotReadAreSaidAndNothingRuns() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            ClientTab tab = tab();
            fx.run(() -> {
                tab.rules().textProperty().set("{\"rules\": [{\"when\": {\"regex\": \"(\"}, \"then\": [{\"reply\": \"x\"}]}]}");
                tab.urlProperty().set(ws.uri("/").toString());
                tab.connect();
            });
            fx.until(() -> tab.stateProperty().get() == ClientState.OPEN);
            List<String> lines = fx.call(() -> rulesLines(tab));
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("rules.bad [rules[0].when: not a regular expression"), lines.get(0));
        }
    }

    private ClientTab tab() throws Exception {
        Settings s = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "", 1_000, "en", 1200, 800);
        workbench = fx.call(() -> new Workbench(s, fx.dispatcher(), Files.createTempDirectory("c"),
                Files.createTempDirectory("duplex-data")));
        return fx.call(() -> workbench.tabs().get(0));
    }

    private static List<String> rulesLines(ClientTab tab) {
        return tab.log().events().stream().filter(WsEvent.Meant.class::isInstance).map(e -> ((WsEvent.Meant) e).line())
                .filter(d -> d.protocol().equals("rules")).map(d -> d.key() + " " + d.args().stream()
                        .map(a -> a instanceof dev.duplex.decode.Decoded part ? dev.duplex.i18n.EventText.decoded(EN, part) : a)
                        .toList()).toList();
    }

    private static String texts(ClientTab tab) {
        return tab.log().events().stream().filter(WsEvent.Received.class::isInstance)
                .map(e -> ((WsEvent.Received) e).payload().text()).toList().toString();
    }
}
