package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeWsServer;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The Rules tab of a client tab, against Node's ws echo server: rules typed there run at Connect (the on-open
 * message, a reply to its echo, an assertion that passes and one that fails), the counts under the rules say
 * so, the rules cannot be changed while connected, and the panes above the log lose no height to them.
 */
@ExtendWith(ApplicationExtension.class)
class RulesWindowTest {
    private static final String RULES = """
            {"onOpen": ["hello"],
             "rules": [{"name": "greeted", "when": {"regex": "^(hello)$"},
                        "then": [{"reply": "ok {{1}}"}, {"assert": {"regex": "^hello$"}}]},
                       {"name": "answered", "when": {"regex": "^ok"}, "then": [{"assert": {"contains": "nope"}}]}]}
            """;
    private Workbench model;
    private NodeWsServer server;

    @Start
    void start(Stage stage) throws Exception {
        server = NodeWsServer.start();
        model = TestWindow.open(stage, TestWindow.settings(0, server.uri("/").toString()));
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void rulesTypedInTheirTabRunAtConnect(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(TabPane.class);
        Tab rulesTab = onFx(() -> tabs.getTabs().stream().filter(t -> "rulesTab".equals(t.getId())).findFirst().orElseThrow());
        robot.interact(() -> tabs.getSelectionModel().select(rulesTab));
        until(() -> robot.lookup("#rulesArea").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#rulesArea").queryTextInputControl().setText(RULES));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        until(() -> onFx(() -> robot.lookup("#countsLabel").queryLabeled().getText()).equals("rules: 1 passed, 1 failed"));
        assertFalse(onFx(() -> robot.lookup("#rulesArea").queryTextInputControl().isEditable()), "read at connect");
        // The log fills its view while it shows: back to it, as a user would.
        robot.interact(() -> tabs.getSelectionModel().select(0));
        until(() -> clientLog(robot).contains("✗ answered"));
        String log = clientLog(robot);
        assertTrue(log.contains("✓ greeted"), log);
        assertTrue(log.contains("✗ answered"), log);
        assertTrue(log.contains("ok hello"), "the reply went and came back:\n" + log);
        robot.clickOn("#disconnectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.DISCONNECTED);
        until(() -> clientLog(robot).contains("rules: 1 passed, 1 failed"));
        assertTrue(onFx(() -> robot.lookup("#rulesArea").queryTextInputControl().isEditable()));
    }

    /**
     * Environments typed in the Rules tab's editor and saved, one chosen for the tab: its variables fill
     * {{port}} in the URL field and {{who}} in the message box; a text that does not read says where.
     */
    @Test
    void anEnvironmentEditedAndChosenInTheRulesTabFillsTheUrlAndTheMessage(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(TabPane.class);
        Tab rulesTab = onFx(() -> tabs.getTabs().stream().filter(t -> "rulesTab".equals(t.getId())).findFirst().orElseThrow());
        robot.interact(() -> tabs.getSelectionModel().select(rulesTab));
        until(() -> robot.lookup("#editEnvironments").tryQuery().isPresent());
        assertFalse(onFx(() -> robot.lookup(".environments").query().isVisible()), "folded until asked for");
        robot.clickOn("#editEnvironments");
        robot.interact(() -> robot.lookup("#environmentsArea").queryTextInputControl().setText("staging: [1\n"));
        robot.clickOn("#saveButton");
        until(() -> onFx(() -> robot.lookup(".environments .status").queryLabeled().getText()).startsWith("not YAML, line"));
        robot.interact(() -> robot.lookup("#environmentsArea").queryTextInputControl()
                .setText("local: {port: 1, who: carol}\nstaging: {port: " + server.uri("/").getPort() + ", who: bob}\n"));
        robot.clickOn("#saveButton");
        until(() -> onFx(() -> robot.lookup(".environments .status").queryLabeled().getText()).startsWith("Saved to"));
        javafx.scene.control.ComboBox<String> box = robot.lookup("#environmentBox").queryComboBox();
        assertTrue(onFx(() -> box.getItems()).containsAll(java.util.List.of("", "local", "staging")));
        robot.interact(() -> box.setValue("staging"));
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText("ws://127.0.0.1:{{port}}/"));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("hello {{who}}"));
        robot.clickOn("#sendButton");
        until(() -> clientLog(robot).contains("message received: hello bob"));
        assertTrue(onFx(() -> box.isDisabled()), "chosen at connect, locked while connected");
    }

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString())
                .collect(Collectors.joining("\n")));
    }
}
