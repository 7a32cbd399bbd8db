package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.net.WsEvent;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Several client connections side by side, one per tab, driven from the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ClientTabsWindowTest {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private TabPane tabs(FxRobot robot) {
        return robot.lookup("#clientTabs").queryAs(TabPane.class);
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    private static boolean logHas(ClientTab s, String text) {
        return s.log().events().stream().anyMatch(e -> e instanceof WsEvent.Received r && r.payload().text().equals(text));
    }

    @Test
    void twoTabsHoldTwoConnectionsAtOnceEachWithItsOwnLog(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        String url = onFx(() -> model.server().urlProperty().get());
        ClientTab first = onFx(() -> model.selectedTabProperty().get());
        robot.interact(() -> first.urlProperty().set(url));

        robot.clickOn("#messageField"); // focus inside the window, for the shortcuts
        shortcut(robot, KeyCode.T);
        until(() -> model.tabs().size() == 2);
        ClientTab second = onFx(() -> model.selectedTabProperty().get());
        assertEquals(url, onFx(() -> second.urlProperty().get()), "a new tab aims at the running server");
        assertEquals(2, onFx(() -> tabs(robot).getTabs().size()));
        assertEquals(second, onFx(() -> tabs(robot).getSelectionModel().getSelectedItem().getUserData()));

        shortcut(robot, KeyCode.ENTER); // connects the tab in front
        until(() -> second.stateProperty().get() == ClientState.OPEN);
        shortcut(robot, KeyCode.DIGIT1);
        until(() -> model.selectedTabProperty().get() == first);
        shortcut(robot, KeyCode.ENTER);
        until(() -> first.stateProperty().get() == ClientState.OPEN);
        until(() -> model.server().clientCountProperty().get() == 2);

        // Each tab's pane talks through its own connection.
        Tab secondTab = onFx(() -> tabs(robot).getTabs().get(1));
        robot.interact(() -> tabs(robot).getSelectionModel().select(secondTab));
        Parent pane = (Parent) secondTab.getContent();
        robot.interact(() -> ((TextInputControl) pane.lookup("#messageField")).setText("only in the second"));
        robot.clickOn(pane.lookup("#sendButton"));
        until(() -> logHas(second, "only in the second"));
        assertFalse(onFx(() -> logHas(first, "only in the second")));
        assertTrue(onFx(() -> secondTab.getText().startsWith("2 ● 127.0.0.1:")), secondTab.getText());

        // Ctrl+W closes the tab in front and its connection; the last tab cannot be closed.
        robot.clickOn(pane.lookup("#messageField"));
        shortcut(robot, KeyCode.W);
        until(() -> model.tabs().size() == 1);
        until(() -> model.server().clientCountProperty().get() == 1);
        assertEquals(first, onFx(() -> model.selectedTabProperty().get()));
        assertFalse(onFx(() -> tabs(robot).getTabs().get(0).isClosable()));
    }
}
