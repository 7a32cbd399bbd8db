package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.cli.Cli;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.replay.ReplayModel;
import dev.duplex.model.replay.ReplayRow;
import dev.duplex.model.replay.ReplayState;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.replay.Timing;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The window's Replay tab over real peers: a session recorded ({@code duplex connect --save}) against Node's
 * {@code ws} echo server, replayed from the tab against the same server (every reply the same) and against
 * our lab server answering with another reply template (every reply different, its differing part marked);
 * step timing sending one message per Next or F10; and files that cannot be replayed said in the tab, the
 * recording read before kept. The native file dialog is the one thing not driven: the tests call what its
 * answer calls.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private Workbench model;
    private Path dir;
    private NodeWsServer node;
    private final LabServer lab = new LabServer(event -> { });

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
        dir = Files.createTempDirectory("duplex-replay");
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(15, TimeUnit.SECONDS);
        if (node != null) node.close();
        lab.stop();
    }

    /**
     * Records a session against Node's ws from the window's client tab, as a user would: connect, send three
     * messages (each after the echo of the one before), disconnect, save as JSON Lines.
     */
    private Path recordThree(FxRobot robot) throws Exception {
        if (node == null) node = NodeWsServer.start();
        Path file = dir.resolve("session.jsonl");
        ClientTab tab = onFx(() -> model.selectedTabProperty().get());
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(node.uri("/chat").toString()));
        robot.clickOn("#connectButton");
        until(() -> tab.stateProperty().get() == ClientState.OPEN);
        List<String> messages = List.of("hello", "你好 Zoë", "{\"n\":100}");
        for (int i = 0; i < messages.size(); i++) {
            String m = messages.get(i);
            robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(m));
            robot.clickOn("#sendButton");
            long echoes = i + 1;
            until(() -> tab.wire().totals().inFrames() == echoes);
        }
        robot.clickOn("#disconnectButton");
        until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
        robot.interact(() -> tab.saveConversation(file));
        until(() -> robot.lookup(".client-pane #noticeLabel").queryAs(Label.class).getText().startsWith("Saved "));
        return file;
    }

    /** A session in which the client sent nothing, recorded with `duplex connect --save` and no input. */
    private Path recordSilence() throws Exception {
        if (node == null) node = NodeWsServer.start();
        Path file = dir.resolve("silent.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"connect", node.uri("/chat").toString(), "--save", file.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), stop -> { });
        assertEquals(Cli.OK, status, out.toString(StandardCharsets.UTF_8));
        return file;
    }

    /** Opens a Replay tab with the top bar's button; it comes to front. */
    private ReplayModel openTab(FxRobot robot) throws Exception {
        robot.clickOn("#replayButton");
        until(() -> model.replays().size() == 1);
        ReplayModel replay = onFx(() -> model.replays().get(0));
        until(() -> robot.lookup(".client-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getUserData() == replay);
        return replay;
    }

    private void openFile(FxRobot robot, ReplayModel replay, Path file) throws Exception {
        robot.interact(() -> replay.open(file));
        until(() -> replay.stateProperty().get() != ReplayState.READING);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static List<String> cells(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
    }

    private void replay(FxRobot robot, ReplayModel replay, String url, Timing timing) throws Exception {
        robot.interact(() -> {
            robot.lookup("#replayUrlField").queryTextInputControl().setText(url);
            replay.timingProperty().set(timing);
        });
        robot.clickOn("#replayStartButton");
        until(() -> replay.stateProperty().get() == ReplayState.RUNNING || replay.stateProperty().get() == ReplayState.READY);
    }

    @Test
    void aSessionReplayedToTheSameServerIsTheSameEveryRow(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);
        assertEquals(ReplayState.READY, onFx(() -> replay.stateProperty().get()));
        // The URL comes from the recording.
        assertEquals(node.uri("/chat").toString(), robot.lookup("#replayUrlField").queryTextInputControl().getText());
        assertTrue(text(robot, "#replayFileLabel").endsWith("session.jsonl"));
        assertEquals("3 client messages and 3 server messages, recorded with " + node.uri("/chat") + ".",
                text(robot, "#replayPlanLabel"));

        replay(robot, replay, node.uri("/chat").toString(), Timing.FAST);
        until(() -> replay.stateProperty().get() == ReplayState.READY && replay.tallyProperty().get().same() == 3);
        assertEquals("Sent 3 of 3: 3 same, 0 different, 0 missing, 0 extra.", text(robot, "#replaySummaryLabel"));
        until(() -> cells(robot, ".replay-verdict").equals(List.of("sent", "SAME", "sent", "SAME", "sent", "SAME")));
        assertTrue(cells(robot, ".replay-marked").isEmpty(), "nothing differs: nothing marked");
        assertTrue(text(robot, "#replayConnectionLabel").startsWith("onclose"), text(robot, "#replayConnectionLabel"));

        // A language switch rebuilds the window: the tab and its comparison stay, in Chinese.
        robot.interact(() -> robot.lookup("#languageBox").queryAs(javafx.scene.control.ComboBox.class).setValue("zh"));
        until(() -> cells(robot, ".replay-verdict").equals(List.of("已发送", "相同", "已发送", "相同", "已发送", "相同")));
        assertTrue(robot.lookup(".client-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getUserData() == replay, "the Replay tab is still in front");
        assertEquals("已发送 3 条（共 3 条）：3 条相同，0 条不同，0 条缺失，0 条多出。", text(robot, "#replaySummaryLabel"));
    }

    @Test
    void anotherReplyTemplateMakesEveryReplyDifferentWithItsPartMarked(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        lab.start(new ServerConfig("127.0.0.1", 0, "", new ReplyTemplate("Received: {message}")));
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);
        replay(robot, replay, lab.url().resolve("/chat").toString(), Timing.ORIGINAL);
        until(() -> replay.stateProperty().get() == ReplayState.READY && replay.tallyProperty().get().different() == 3);
        assertEquals("Sent 3 of 3: 0 same, 3 different, 0 missing, 0 extra.", text(robot, "#replaySummaryLabel"));
        until(() -> cells(robot, ".replay-verdict").equals(
                List.of("sent", "DIFFERENT", "sent", "DIFFERENT", "sent", "DIFFERENT")));
        // The actual replies have the template's prefix marked, the rest not; the recorded ones differ by an insertion.
        List<Labeled> marked = robot.lookup(".replay-marked").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible).map(l -> (Labeled) l).toList();
        assertEquals(6, marked.size(), "one mark in each recorded and each actual reply");
        assertEquals(3, marked.stream().filter(l -> l.getText().equals("Received: ")).count());
        List<String> actual = robot.lookup(".replay-message").queryAllAs(Labeled.class).stream()
                .map(c -> c.getGraphic() == null ? "" : ((javafx.scene.layout.HBox) c.getGraphic()).getChildren().stream()
                        .map(n -> ((Label) n).getText()).reduce("", String::concat))
                .filter(s -> s.startsWith("Received: ")).toList();
        assertEquals(List.of("Received: hello", "Received: 你好 Zoë", "Received: {\"n\":100}"), actual);
        ReplayRow first = onFx(() -> replay.rows().get(1));
        assertEquals(10, first.verdict().difference().replayedEnd());
    }

    @Test
    void stepTimingSendsOneMessageForEachNext(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);
        assertTrue(robot.lookup("#replayNextButton").queryAs(Button.class).getTooltip().getText().contains("F10"));
        replay(robot, replay, node.uri("/chat").toString(), Timing.STEP);
        until(() -> replay.awaitingProperty().get() != null);
        assertEquals(0, sent(replay));
        assertTrue(text(robot, "#replayAwaitingLabel").contains("#1 of 3: hello"), text(robot, "#replayAwaitingLabel"));

        robot.clickOn("#replayNextButton");
        until(() -> replay.awaitingProperty().get() != null && replay.awaitingProperty().get().step() == 2);
        assertEquals(1, sent(replay));
        assertEquals(1, (int) onFx(() -> replay.tallyProperty().get().same()));

        // F10 is Next, wherever the focus is.
        robot.clickOn("#replayUrlField");
        robot.type(KeyCode.F10);
        until(() -> replay.awaitingProperty().get() != null && replay.awaitingProperty().get().step() == 3);
        assertEquals(2, sent(replay));

        // Stop leaves the last one unsent.
        robot.clickOn("#replayStopButton");
        until(() -> replay.stateProperty().get() == ReplayState.READY);
        assertEquals(2, sent(replay));
        until(() -> cells(robot, ".replay-verdict").equals(List.of("sent", "SAME", "sent", "SAME", "not sent")));
    }

    private static int sent(ReplayModel replay) throws Exception {
        return onFx(() -> (int) replay.rows().stream().filter(r -> !r.isReply() && !r.notSent()).count());
    }

    @Test
    void aFileThatIsNotARecordingIsSaidAndTheRecordingBeforeStays(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "these are my notes, not a recording\n");
        openFile(robot, replay, notes);
        until(() -> text(robot, "#replayNoticeLabel").startsWith("notes.txt is not a conversation Duplex can read"));
        assertTrue(robot.lookup("#replayNoticeLabel").queryAs(Label.class).isVisible());
        // Nothing lost: the recording read before is still the one to replay.
        assertTrue(text(robot, "#replayFileLabel").endsWith("session.jsonl"));
        assertEquals(ReplayState.READY, onFx(() -> replay.stateProperty().get()));

        Path silent = recordSilence();
        openFile(robot, replay, silent);
        until(() -> text(robot, "#replayNoticeLabel").equals(
                "silent.jsonl holds no message sent by the client: there is nothing to replay."));
        openFile(robot, replay, dir.resolve("gone.jsonl"));
        until(() -> text(robot, "#replayNoticeLabel").equals("There is no file gone.jsonl."));
        assertTrue(text(robot, "#replayFileLabel").endsWith("session.jsonl"));

        // A HAR as Chrome's DevTools save it reads too: its URL fills the field (the one typed before was the
        // recording's, so it follows), and the notice goes.
        Path har = dir.resolve("chrome-echo-session.har");
        try (var in = getClass().getResourceAsStream("/dev/duplex/peers/chrome-echo-session.har")) {
            Files.copy(in, har);
        }
        openFile(robot, replay, har);
        until(() -> text(robot, "#replayFileLabel").endsWith("chrome-echo-session.har"));
        assertEquals("ws://localhost:8080/echo", robot.lookup("#replayUrlField").queryTextInputControl().getText());
        assertEquals("3 client messages and 4 server messages, recorded with ws://localhost:8080/echo.",
                text(robot, "#replayPlanLabel"));
        assertTrue(!robot.lookup("#replayNoticeLabel").queryAs(Label.class).isVisible());
    }

    @Test
    void aBadUrlOrFingerprintAndAServerThatIsNotThereAreSaidAndNothingIsSent(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);
        // A URL that does not check is said before anything is tried, in the options layer's words.
        robot.interact(() -> robot.lookup("#replayUrlField").queryTextInputControl().setText("http://127.0.0.1:1/chat"));
        robot.clickOn("#replayStartButton");
        until(() -> text(robot, "#replayNoticeLabel").startsWith("A WebSocket URL starts with ws:// or wss://."));
        assertEquals(ReplayState.READY, onFx(() -> replay.stateProperty().get()));
        // A wrong fingerprint, the same.
        robot.interact(() -> robot.lookup("#replayUrlField").queryTextInputControl().setText("ws://127.0.0.1:1/chat"));
        robot.interact(() -> robot.lookup("#replayTrustField").queryTextInputControl().setText("abc"));
        robot.clickOn("#replayStartButton");
        until(() -> text(robot, "#replayNoticeLabel").startsWith("A certificate fingerprint is 64 hex digits"));
        robot.interact(() -> robot.lookup("#replayTrustField").queryTextInputControl().setText(""));

        replay(robot, replay, "ws://127.0.0.1:1/chat", Timing.FAST);
        until(() -> replay.stateProperty().get() == ReplayState.READY);
        assertTrue(!robot.lookup("#replayNoticeLabel").queryAs(Label.class).isVisible());
        until(() -> text(robot, "#replayConnectionLabel").startsWith("onerror"));
        assertTrue(robot.lookup("#replayConnectionLabel").queryAs(Label.class).getStyleClass().contains("replay-failed"));
        assertEquals(0, sent(replay));
        until(() -> cells(robot, ".replay-verdict").equals(List.of("not sent", "not sent", "not sent")));
    }

    @Test
    void closingTheWindowEndsAReplayThatWaitsForNext(FxRobot robot) throws Exception {
        Path file = recordThree(robot);
        ReplayModel replay = openTab(robot);
        openFile(robot, replay, file);
        replay(robot, replay, node.uri("/chat").toString(), Timing.STEP);
        until(() -> replay.awaitingProperty().get() != null);
        // What the window's close does: every connection and every replay ended, promptly.
        onFx(model::shutdown).get(10, TimeUnit.SECONDS);
        until(() -> replay.stateProperty().get() == ReplayState.READY);
        assertEquals(0, sent(replay));
    }

    @Test
    void ctrlWClosesTheReplayTabInFrontNotTheClientTabBehindIt(FxRobot robot) throws Exception {
        robot.interact(() -> model.addTab());
        openTab(robot);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        until(() -> model.replays().isEmpty());
        until(() -> robot.lookup(".client-tabs").queryAs(TabPane.class).getTabs().size() == 2);
        assertEquals(2, (int) onFx(() -> model.tabs().size()));
    }
}
