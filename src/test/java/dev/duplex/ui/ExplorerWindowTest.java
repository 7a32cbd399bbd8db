package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.duplex.net.WsEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;

/** The protocol explorer's views on headless Monocle: frames, handshake, composer, labs. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private void connected(FxRobot robot) throws Exception {
        TestWindow.startAndConnect(robot, model);
    }

    private void selectTab(FxRobot robot, String pane, int index) {
        TabPane tabs = robot.lookup(pane + " #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(java.util.Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString())
                .collect(Collectors.joining("\n")));
    }

    @SuppressWarnings("unchecked")
    private TableView<WsEvent> clientFrames(FxRobot robot) {
        return robot.lookup(".client-pane #table").queryAs(TableView.class);
    }

    @Test
    void theFrameInspectorFillsFiltersSearchesAndCopies(FxRobot robot) throws Exception {
        connected(robot);
        robot.clickOn("#messageField").write("hello frames").type(javafx.scene.input.KeyCode.ENTER);
        until(() -> clientLog(robot).contains("message received: hello frames"));
        selectTab(robot, ".client-pane", 1);
        TableView<WsEvent> table = clientFrames(robot);
        until(() -> table.getItems().size() == 2);

        @SuppressWarnings("unchecked")
        ComboBox<Object> way = robot.lookup(".client-pane #directionBox").queryAs(ComboBox.class);
        robot.interact(() -> way.getSelectionModel().select(2)); // outgoing
        until(() -> table.getItems().size() == 1);
        assertTrue(onFx(() -> ((WsEvent.Frame) table.getItems().get(0)).frame().masked()), "our frame is masked");
        robot.interact(() -> way.getSelectionModel().select(0));

        @SuppressWarnings("unchecked")
        ComboBox<Object> kind = robot.lookup(".client-pane #kindBox").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(2)); // control frames
        until(() -> table.getItems().isEmpty());
        robot.interact(() -> kind.getSelectionModel().select(0));
        until(() -> table.getItems().size() == 2);

        robot.interact(() -> robot.lookup(".client-pane #searchField").queryTextInputControl().setText("^hello"));
        until(() -> table.getItems().isEmpty()); // plain text: no frame line contains "^hello" as such
        robot.interact(() -> robot.lookup(".client-pane #searchField").queryTextInputControl().setText("HELLO"));
        until(() -> table.getItems().size() == 2);
        robot.interact(() -> robot.lookup(".client-pane #regexBox").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup(".client-pane #searchField").queryTextInputControl().setText("masked\\(.*hello"));
        until(() -> table.getItems().size() == 1);
        robot.interact(() -> robot.lookup(".client-pane #searchField").queryTextInputControl().setText("("));
        Label bad = robot.lookup(".client-pane #searchNotice").queryAs(Label.class);
        until(bad::isVisible);
        assertTrue(bad.getText().startsWith("Not a regular expression"));
        robot.interact(() -> robot.lookup(".client-pane #searchField").queryTextInputControl().setText(""));
        until(() -> table.getItems().size() == 2);

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(".client-pane #copyButton");
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("→ text FIN rsv=000 masked("), copied);
        assertTrue(copied.contains("hello frames"), copied);
        Label totals = robot.lookup(".client-pane #totalsLabel").queryAs(Label.class);
        assertTrue(totals.getText().startsWith("In: 1 frames"), totals.getText());
    }

    @Test
    void aBinaryMessageShowsAsAHexDump(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> model.selectedTabProperty().get().composer().modeProperty().set(MessageMode.HEX));
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("00 01 02 41 42 ff"));
        Label size = robot.lookup("#sizeLabel").queryAs(Label.class);
        until(() -> size.getText().equals("6 B payload"));
        robot.clickOn("#sendButton");
        until(() -> clientLog(robot).contains("binary message received, 6 bytes: 00 01 02 41 42 ff"));
        selectTab(robot, ".client-pane", 1);
        TableView<WsEvent> table = clientFrames(robot);
        until(() -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea detail = robot.lookup(".client-pane #detailArea").queryAs(TextArea.class);
        until(() -> detail.getText().contains("00000000  00 01 02 41 42 ff"));
        assertTrue(detail.getText().contains("|...AB.|"), detail.getText());
        assertTrue(detail.getText().startsWith("binary FIN"), detail.getText());

        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("0g"));
        until(() -> !size.getText().endsWith("B payload"));
    }

    @Test
    void theHandshakeViewExplainsBothSidesAndChecksTheAccept(FxRobot robot) throws Exception {
        connected(robot);
        selectTab(robot, ".client-pane", 2);
        @SuppressWarnings("unchecked")
        ListView<Object> lines = robot.lookup(".client-pane #linesView").queryAs(ListView.class);
        until(() -> lines.getItems().size() > 10);
        String text = onFx(() -> lines.getItems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertTrue(text.contains("GET / HTTP/1.1"), text);
        assertTrue(text.contains("Sec-WebSocket-Key: "), text);
        assertTrue(text.contains("HTTP/1.1 101"), text);
        assertTrue(text.contains("✓ The server sent"), text);
        TextArea steps = robot.lookup(".client-pane #stepsArea").queryAs(TextArea.class);
        assertTrue(steps.getText().contains("8+5CLWTBYLARKoxBxS5uk6s6zZo="), "the seed's worked example");
        robot.interact(() -> robot.lookup(".client-pane #keyField").queryTextInputControl().setText("dGhlIHNhbXBsZSBub25jZQ=="));
        until(() -> steps.getText().contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    @Test
    void theComposerChecksAndFormatsJsonAndWalksTheHistory(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> model.selectedTabProperty().get().composer().modeProperty().set(MessageMode.JSON));
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("{\"a\":1,"));
        Label size = robot.lookup("#sizeLabel").queryAs(Label.class);
        until(() -> !size.getText().endsWith("B payload"));
        robot.clickOn("#sendButton");
        Label notice = robot.lookup(".client-pane #noticeLabel").queryAs(Label.class);
        until(notice::isVisible);
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("{\"a\":1,\"b\":[true]}"));
        robot.clickOn("#formatButton");
        until(() -> robot.lookup("#messageField").queryTextInputControl().getText().contains("\n"));
        robot.clickOn("#sendButton");
        until(() -> clientLog(robot).contains("message received: {"));

        robot.interact(() -> model.selectedTabProperty().get().composer().modeProperty().set(MessageMode.TEXT));
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText("second"));
        robot.clickOn("#sendButton");
        until(() -> clientLog(robot).contains("message received: second"));
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(""));
        robot.clickOn("#messageField").type(javafx.scene.input.KeyCode.UP);
        until(() -> "second".equals(robot.lookup("#messageField").queryTextInputControl().getText()));
    }

    @Test
    void theForgeSendsAFrameAsTypedAndABadOneSaysWhy(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup(".client-pane #labPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#forgeField").queryTextInputControl().setText("op=ping mask=01020304 text:forged");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Send frame");
        // The server answered the forged ping: it went out as a proper masked ping with that payload.
        until(() -> clientLog(robot).contains("pong received, 6 bytes: 66 6f 72 67 65 64"));
        robot.interact(() -> robot.lookup("#forgeField").queryTextInputControl().setText("op=99 text:x"));
        robot.clickOn("Send frame");
        until(() -> onFx(() -> model.selectedTabProperty().get().noticeProperty().get() != null
                && model.selectedTabProperty().get().noticeProperty().get().key().equals("form.frame.word")));
        assertEquals(ClientState.OPEN, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));
    }

    @Test
    void theLabsPingAndPushAndClose(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup(".client-pane #labPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#pingPayloadField").queryTextInputControl().setText("rtt?");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the pane has grown: lay it out before clicking
        robot.clickOn("#pingButton");
        until(() -> clientLog(robot).contains("pong received, 4 bytes: 72 74 74 3f; round trip"));

        until(() -> onFx(() -> model.server().clients().selectedProperty().get()) != null);
        robot.interact(() -> {
            robot.lookup(".server-pane #tabs").queryAs(TabPane.class).getSelectionModel().select(1); // Clients
            robot.lookup("#pushField").queryTextInputControl().setText("server speaks first");
            robot.lookup("#serverPingPayloadField").queryTextInputControl().setText("from server");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#pushField").type(javafx.scene.input.KeyCode.ENTER);
        until(() -> clientLog(robot).contains("message received: server speaks first"));
        robot.clickOn("#serverPingButton");
        until(() -> clientLog(robot).contains("ping received, 11 bytes: 66 72 6f 6d"));

        robot.interact(() -> {
            robot.lookup("#closeCodeField").queryTextInputControl().setText("4001");
            robot.lookup("#closeReasonField").queryTextInputControl().setText("lab");
        });
        Label hint = robot.lookup("#closeHint").queryAs(Label.class);
        assertTrue(hint.getText().contains("a normal closing handshake"), hint.getText());
        robot.clickOn("#closeButton");
        until(() -> clientLog(robot).contains("connection closed (4001)"));
        assertEquals(ClientState.DISCONNECTED, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));
        Button connect = robot.lookup("#connectButton").queryButton();
        assertTrue(!connect.isDisabled());
    }

    @Test
    void aFragmentedMessageShowsItsFragmentsAndTheMessageTheyMake(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup(".client-pane #labPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#fragmentSizeField").queryTextInputControl().setText("4");
            robot.lookup("#messageField").queryTextInputControl().setText("fragmented hello");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#fragmentButton");
        until(() -> clientLog(robot).contains("message received: fragmented hello"));
        selectTab(robot, ".client-pane", 1);
        TableView<WsEvent> table = clientFrames(robot);
        until(() -> table.getItems().size() == 5); // four fragments out, the echo back in one frame
        assertEquals("text", onFx(() -> ((WsEvent.Frame) table.getItems().get(0)).frame().opcodeName()));
        assertEquals("continuation", onFx(() -> ((WsEvent.Frame) table.getItems().get(3)).frame().opcodeName()));
        robot.interact(() -> table.getSelectionModel().select(2));
        TextArea detail = robot.lookup(".client-pane #detailArea").queryAs(TextArea.class);
        until(() -> detail.getText().contains("The message these 4 fragments make (16 bytes):\nfragmented hello"));
    }

    @Test
    void periodicPingsComeBackUntilStoppedAndAPongCanBeSentAlone(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup(".client-pane #labPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#pingEveryField").queryTextInputControl().setText("0.1");
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#periodicButton");
        until(() -> clientLog(robot).split("pong received").length > 3);
        assertEquals("Stop pinging", robot.lookup("#periodicButton").queryButton().getText());
        robot.clickOn("#periodicButton");
        until(() -> !onFx(() -> model.selectedTabProperty().get().controlFrames().pingingProperty().get()));
        assertEquals("Ping periodically", robot.lookup("#periodicButton").queryButton().getText());

        robot.clickOn("#pongButton");
        selectTab(robot, ".client-pane", 1);
        TableView<WsEvent> table = clientFrames(robot);
        until(() -> table.getItems().stream().anyMatch(e -> !((WsEvent.Frame) e).frame().inbound()
                && ((WsEvent.Frame) e).frame().opcode() == dev.duplex.net.wire.FrameInfo.PONG));
    }
}
