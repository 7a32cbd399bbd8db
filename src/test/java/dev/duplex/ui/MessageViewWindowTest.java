package dev.duplex.ui;

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
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeWsServer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;

/**
 * The message view under the client's log, against Node's {@code ws} echoing our JSON: the reply chosen in
 * the log is shown as text, as a hex dump and as a tree, with its size and round trip; the search opens the
 * tree to the key and Copy path copies its JSONPath; a line that is not a message shows nothing, and the
 * box in the log's toolbar puts the view away.
 */
@ExtendWith(ApplicationExtension.class)
class MessageViewWindowTest {
    private static final String JSON = "{\"user\":{\"name\":\"ada\",\"tags\":[\"x\",\"y\"]},\"n\":3}";
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
    void theChosenReplyIsShownWholeAsTextHexAndATree(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.uri("/").toString()));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(JSON));
        robot.clickOn("#sendButton");
        ListView<WsEvent> log = robot.lookup(".client-pane #logView").queryListView();
        until(() -> onFx(() -> log.getItems().stream().anyMatch(WsEvent.Received.class::isInstance)));

        int opened = onFx(() -> indexOf(log, WsEvent.Opened.class));
        robot.interact(() -> log.getSelectionModel().clearAndSelect(opened));
        SplitPane split = robot.lookup(".client-pane #logSplit").queryAs(SplitPane.class);
        assertEquals(1, onFx(() -> split.getItems().size()), "a line that is not a message opens no view");

        int reply = onFx(() -> indexOf(log, WsEvent.Received.class));
        robot.interact(() -> log.getSelectionModel().clearAndSelect(reply));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, onFx(() -> split.getItems().size()));
        String summary = onFx(() -> robot.lookup(".client-pane #summaryLabel").queryAs(Label.class).getText());
        assertTrue(summary.startsWith("Received at ") && summary.contains(JSON.length() + " bytes, text"), summary);
        assertTrue(summary.contains("ms after our last message"), summary);
        assertEquals(JSON, onFx(() -> robot.lookup(".client-pane #textArea").queryAs(TextArea.class).getText()));
        String hex = onFx(() -> robot.lookup(".client-pane #hexArea").queryAs(TextArea.class).getText());
        assertTrue(hex.startsWith("00000000  7b 22 75 73 65 72"), hex);
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup(".client-pane #jsonTree").queryAs(TreeView.class);
        assertEquals(2, onFx(() -> tree.getRoot().getChildren().size()), "user and n");

        robot.interact(() -> robot.lookup(".client-pane #findField").queryTextInputControl().setText("tags"));
        robot.clickOn(".client-pane #findButton");
        assertEquals("$.user.tags", onFx(() -> robot.lookup(".client-pane #pathLabel").queryAs(Label.class).getText()));
        robot.clickOn(".client-pane #copyPathButton");
        assertEquals("$.user.tags", onFx(() -> Clipboard.getSystemClipboard().getString()));
        robot.clickOn(".client-pane #copyValueButton");
        assertEquals("[\"x\",\"y\"]", onFx(() -> Clipboard.getSystemClipboard().getString()), "an array copied as JSON");
        robot.interact(() -> robot.lookup(".client-pane #findField").queryTextInputControl().setText("nowhere"));
        robot.clickOn(".client-pane #findButton");
        assertEquals("No key or value holds \"nowhere\".",
                onFx(() -> robot.lookup(".client-pane #pathLabel").queryAs(Label.class).getText()));

        robot.interact(() -> robot.lookup(".client-pane #messageViewBox").queryAs(CheckBox.class).setSelected(false));
        assertEquals(1, onFx(() -> split.getItems().size()), "unticked, the view goes");
        robot.interact(() -> robot.lookup(".client-pane #messageViewBox").queryAs(CheckBox.class).setSelected(true));
        assertEquals(2, onFx(() -> split.getItems().size()), "ticked again, the chosen message comes back");
        assertFalse(onFx(() -> robot.lookup(".client-pane #emptyLabel").queryAs(Label.class).isVisible()));
    }

    /** A frame chosen in the Frames tab opens the message it belongs to, beside its bytes; a close frame does not. */
    @Test
    void aFrameChosenInTheFramesTabOpensItsMessage(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.uri("/").toString()));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(JSON));
        robot.clickOn("#sendButton");
        javafx.scene.control.TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        until(() -> robot.lookup(".client-pane .frames-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<WsEvent> table = robot.lookup(".client-pane .frames-table").queryAs(javafx.scene.control.TableView.class);
        until(() -> onFx(() -> table.getItems().stream().anyMatch(e -> e instanceof WsEvent.Frame f && f.frame().inbound())));
        int in = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i) instanceof WsEvent.Frame f && f.frame().inbound()) return i;
            }
            return -1;
        });
        robot.interact(() -> table.getSelectionModel().clearAndSelect(in));
        SplitPane detail = robot.lookup(".client-pane #detailSplit").queryAs(SplitPane.class);
        assertEquals(2, onFx(() -> detail.getItems().size()), "the hex dump and the message");
        String summary = onFx(() -> robot.lookup(".client-pane #detailSplit #summaryLabel").queryAs(Label.class).getText());
        assertTrue(summary.startsWith("Received at ") && summary.contains(JSON.length() + " bytes, text"), summary);
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup(".client-pane #detailSplit #jsonTree").queryAs(TreeView.class);
        assertEquals(2, onFx(() -> tree.getRoot().getChildren().size()), "user and n");
        robot.clickOn("#disconnectButton");
        until(() -> onFx(() -> table.getItems().stream().anyMatch(e -> e instanceof WsEvent.Frame f && f.frame().control())));
        int close = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i) instanceof WsEvent.Frame f && f.frame().control()) return i;
            }
            return -1;
        });
        robot.interact(() -> table.getSelectionModel().clearAndSelect(close));
        assertEquals(1, onFx(() -> detail.getItems().size()), "a close frame is no message");
    }

    private static int indexOf(ListView<WsEvent> log, Class<? extends WsEvent> kind) {
        for (int i = 0; i < log.getItems().size(); i++) if (kind.isInstance(log.getItems().get(i))) return i;
        throw new AssertionError("no " + kind.getSimpleName() + " in the log");
    }
}
