package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import javafx.stage.Stage;

/**
 * The Forge line's Send split against Node's {@code ws}: the message goes in the fragments typed, with a ping
 * between them, and comes back whole after its pong; a split that does not read says why and keeps the
 * connection.
 */
@ExtendWith(ApplicationExtension.class)
class ForgeSplitWindowTest {
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

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void sendSplitGoesInFragmentsWithAPingBetweenAndComesBackWhole(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.uri("/").toString()));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        robot.interact(() -> {
            robot.lookup(".client-pane #labPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#forgeField").queryTextInputControl().setText("2,3,* ping@2=6d6964 text:split in the window");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Send split");
        until(() -> clientLog(robot).contains("pong received, 3 bytes: 6d 69 64"));
        until(() -> clientLog(robot).contains("message received: split in the window"));

        robot.interact(() -> robot.lookup("#forgeField").queryTextInputControl().setText("5 text:abc"));
        robot.clickOn("Send split");
        until(() -> onFx(() -> model.selectedTabProperty().get().noticeProperty().get() != null
                && model.selectedTabProperty().get().noticeProperty().get().key().equals("form.split.tooLong")));
        assertEquals(ClientState.OPEN, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));
    }
}
