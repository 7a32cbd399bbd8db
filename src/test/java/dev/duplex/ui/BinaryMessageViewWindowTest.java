package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeBinaryEncoders;
import dev.duplex.peers.Protoc;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The message view on binary messages from a Node {@code ws} server: npm's {@code @msgpack/msgpack} and
 * {@code cbor-x} encodings of one value, and a protobuf message that Debian's {@code protoc} encoded. Chosen
 * in the log, each shows its tree and says which reading Auto took; search and Copy path work on it; a
 * reading chosen by hand that does not fit says why; and a descriptor set typed into the bar names the
 * protobuf fields.
 */
@ExtendWith(ApplicationExtension.class)
class BinaryMessageViewWindowTest {
    private static final Path PROTO_DIR = Path.of("src/test/resources/dev/duplex/decode/binary");
    private Workbench model;
    private NodeBinaryEncoders.Server server;

    @Start
    void start(Stage stage) throws Exception {
        byte[] envelope = Protoc.encode(PROTO_DIR.resolve("envelope.proto"), "duplex.test.Envelope", PROTO_DIR.resolve("envelope.txt"));
        server = NodeBinaryEncoders.serve("user", envelope);
        model = TestWindow.open(stage, TestWindow.settings(0, server.uri().toString()));
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void binaryMessagesShowTheirTreesAndSayHowTheyWereRead(FxRobot robot, @TempDir Path dir) throws Exception {
        Path descriptors = Protoc.descriptorSet(PROTO_DIR.resolve("envelope.proto"), dir.resolve("envelope.desc"));
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.uri().toString()));
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        ListView<WsEvent> log = robot.lookup(".client-pane #logView").queryListView();
        until(() -> onFx(() -> received(log).size() == 3));
        List<Integer> messages = onFx(() -> received(log));

        choose(robot, log, messages.get(0));
        assertEquals("Auto read it as MessagePack: all 29 bytes.", reading(robot));
        assertEquals("MessagePack tree", onFx(() -> robot.lookup(".client-pane #views").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText()), "the tree is the tab shown");
        assertEquals("$.user.tags[1]", find(robot, "y"));

        choose(robot, log, messages.get(1));
        assertTrue(reading(robot).startsWith("Auto read it as CBOR"), reading(robot));
        assertEquals("$.user.tags[1]", find(robot, "y"));
        @SuppressWarnings("unchecked")
        ChoiceBox<BinaryReader.Choice> readingChoice = robot.lookup(".client-pane #readingChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> readingChoice.setValue(BinaryReader.Choice.MESSAGEPACK));
        assertTrue(reading(robot).startsWith("Not MessagePack"), reading(robot));
        TabPane views = robot.lookup(".client-pane #views").queryAs(TabPane.class);
        assertTrue(onFx(() -> views.getTabs().get(2).isDisable()), "no tree to show");
        assertEquals("Hex", onFx(() -> views.getSelectionModel().getSelectedItem().getText()));
        robot.interact(() -> readingChoice.setValue(BinaryReader.Choice.AUTO));

        choose(robot, log, messages.get(2));
        assertTrue(reading(robot).startsWith("Auto read it as protobuf (no schema)"), reading(robot));
        assertEquals("$.2.1", find(robot, "ada"));

        robot.interact(() -> robot.lookup(".client-pane #schemaField").queryTextInputControl().setText(descriptors.toString()));
        robot.clickOn(".client-pane #schemaField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("duplex.test.Envelope", onFx(() -> robot.lookup(".client-pane #typeChoice").queryAs(ChoiceBox.class).getValue()));
        assertTrue(reading(robot).startsWith("Auto read it as protobuf (duplex.test.Envelope)"), reading(robot));
        assertTrue(reading(robot).contains("It also reads as protobuf (no schema)"), reading(robot));
        assertEquals("$.user.name", find(robot, "ada"));
        assertEquals("$.kind", find(robot, "PRESENCE"));
    }

    private static List<Integer> received(ListView<WsEvent> log) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < log.getItems().size(); i++) if (log.getItems().get(i) instanceof WsEvent.Received) at.add(i);
        return at;
    }

    private static void choose(FxRobot robot, ListView<WsEvent> log, int index) {
        robot.interact(() -> log.getSelectionModel().clearAndSelect(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String reading(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".client-pane #readingLabel").queryAs(Label.class).getText());
    }

    /** Searches the tree for {@code needle} from its top, as a person would, and gives the path shown. */
    private static String find(FxRobot robot, String needle) throws Exception {
        robot.interact(() -> robot.lookup(".client-pane #jsonTree").queryAs(javafx.scene.control.TreeView.class)
                .getSelectionModel().clearSelection());
        robot.interact(() -> robot.lookup(".client-pane #findField").queryTextInputControl().setText(needle));
        robot.clickOn(".client-pane #findButton");
        return onFx(() -> robot.lookup(".client-pane #pathLabel").queryAs(Label.class).getText());
    }
}
