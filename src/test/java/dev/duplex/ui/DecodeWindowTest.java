package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeSocketIoServer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * A client tab that speaks Socket.IO, against npm's socket.io server: chosen in the Application protocol
 * panel, the bare address is completed, the namespace joined, the server's pings answered and its events
 * decoded in the log; {@code /emit} typed in the message box reaches the server as an event, and one typed
 * wrongly is said and sends nothing.
 */
@ExtendWith(ApplicationExtension.class)
class DecodeWindowTest {
    private Workbench model;
    private NodeSocketIoServer server;

    @Start
    void start(Stage stage) throws Exception {
        // Pings every 300 ms, so answering them shows within the test; a timeout of 2 s would end an unanswered session.
        server = NodeSocketIoServer.start(300, 2000);
        model = TestWindow.open(stage, TestWindow.settings(0, server.address().toString()));
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        server.close();
    }

    /** Waits for the client's log to hold {@code text}; says what it held when it never does. */
    private void untilLogged(FxRobot robot, String text) throws Exception {
        try {
            until(() -> clientLog(robot).contains(text));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("never logged: " + text + "\n" + clientLog(robot), e);
        }
    }

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void socketIoIsSpokenFromTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup(".client-pane #decodePane").queryAs(TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> protocols = robot.lookup(".client-pane #protocolBox").queryAs(ComboBox.class);
        robot.interact(() -> protocols.setValue("socket.io"));
        assertTrue(onFx(() -> robot.lookup(".client-pane #commandsLabel").queryLabeled().getText()).contains("/emit"));
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.address().toString()));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        untilLogged(robot, "Socket.IO connected to namespace /");
        untilLogged(robot, "Socket.IO event welcome on /: [\"hello\", {\"n\":1}]");
        untilLogged(robot, "Engine.IO ping, answered with a pong");
        assertTrue(onFx(() -> protocols.isDisabled()), "the protocol is chosen at connect");
        String log = clientLog(robot);
        assertTrue(log.contains("/socket.io/?EIO=4&transport=websocket"), "the bare address was completed:\n" + log);

        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("/emit chat \"from the window\""));
        robot.clickOn("#sendButton");
        server.await("\"ev\":\"chat\",\"args\":[\"from the window\"]");
        untilLogged(robot, "Socket.IO event chat on /: [\"from the window\"]");

        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("/emit"));
        robot.clickOn("#sendButton");
        untilLogged(robot, "! socket.io not sent: /emit [--ack] [--binary HEX …] [/NAMESPACE] EVENT [JSON …]");
        assertEquals(ClientState.OPEN, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));

        // Last, as Socket.IO ends a session that sends what is not one of its packets.
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("//not a command"));
        robot.clickOn("#sendButton");
        untilLogged(robot, "sent: /not a command");

        // A decoded line is not a message: choosing it opens no message view.
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        int meant = onFx(() -> {
            for (int i = 0; i < view.getItems().size(); i++) if (view.getItems().get(i) instanceof WsEvent.Meant) return i;
            return -1;
        });
        robot.interact(() -> view.getSelectionModel().clearAndSelect(meant));
        assertEquals(1, onFx(() -> robot.lookup(".client-pane #logSplit").queryAs(SplitPane.class).getItems().size()));
    }
}
