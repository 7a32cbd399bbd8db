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

import java.io.InputStream;
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

import dev.duplex.net.WsEvent;
import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Keeping and sharing a conversation from the window: save it as JSON Lines and HAR (every frame the frame
 * view holds), save the log as text, and open a file (a Chromium-style HAR too) into the frame and handshake
 * views. The native file dialog is the one thing not driven here: the tests call what its answer calls.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationFilesWindowTest {
    private Workbench model;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
        dir = Files.createTempDirectory("duplex-files");
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private String notice(FxRobot robot) {
        return robot.lookup(".client-pane #noticeLabel").queryAs(Label.class).getText();
    }

    private void talk(FxRobot robot) throws Exception {
        TestWindow.startAndConnect(robot, model);
        for (String m : List.of("one", "二", "three")) {
            robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(m));
            robot.clickOn("#sendButton");
        }
        until(() -> model.selectedTabProperty().get().wire().totals().inFrames() == 3);
        robot.clickOn("#disconnectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.DISCONNECTED);
    }

    @Test
    void aConversationSavedAsJsonLinesAndHarKeepsEveryFrameAndOpensAgain(FxRobot robot) throws Exception {
        talk(robot);
        int frames = onFx(() -> model.selectedTabProperty().get().wire().frames().events().size());
        assertTrue(frames >= 8, "3 out, 3 in, a close each way: " + frames);

        Path jsonl = dir.resolve("talk.jsonl");
        robot.interact(() -> model.selectedTabProperty().get().saveConversation(jsonl));
        until(() -> notice(robot).equals("Saved " + frames + " frames to talk.jsonl."));
        Conversation saved;
        try (InputStream in = Files.newInputStream(jsonl)) {
            saved = JsonLinesFormat.read(in);
        }
        assertEquals(frames, saved.frames().size());
        assertEquals(1000, saved.close().code());
        assertEquals(onFx(() -> model.server().urlProperty().get()), saved.url().toString());

        Path har = dir.resolve("talk.har");
        robot.interact(() -> model.selectedTabProperty().get().saveConversation(har));
        until(() -> notice(robot).startsWith("Saved " + frames + " frames to talk.har"));
        List<Conversation> fromHar;
        try (InputStream in = Files.newInputStream(har)) {
            fromHar = HarFormat.read(in);
        }
        // HAR holds messages, as Chrome's does: the three sent and the three echoed.
        assertEquals(6, fromHar.get(0).frames().size());

        // Open the JSON Lines again: the views show exactly what was saved.
        robot.interact(() -> model.selectedTabProperty().get().clearLog());
        robot.interact(() -> model.selectedTabProperty().get().openConversation(jsonl));
        until(() -> notice(robot).startsWith("Opened " + frames + " frames of ws://127.0.0.1:"));
        assertEquals(frames, (int) onFx(() -> model.selectedTabProperty().get().wire().frames().events().size()));
        WsEvent.Handshake handshake = onFx(() -> model.selectedTabProperty().get().wire().handshakeProperty().get());
        assertEquals(101, handshake.record().status());
    }

    @Test
    void aHarSavedByChromiumOpensInTheFrameAndHandshakeViews(FxRobot robot) throws Exception {
        Path har = dir.resolve("chrome.har");
        try (InputStream in = ConversationFilesWindowTest.class.getResourceAsStream("/dev/duplex/conversation/chrome-websocket.har")) {
            Files.copy(in, har);
        }
        robot.interact(() -> model.selectedTabProperty().get().openConversation(har));
        until(() -> notice(robot).contains("the first of 2 WebSocket connections"));
        assertTrue(notice(robot).contains("ws://localhost:8080/echo"), notice(robot));
        assertTrue(onFx(() -> model.selectedTabProperty().get().wire().frames().events().size()) > 0);
        assertEquals("GET /echo?room=lobby&name=J%C3%BCrgen HTTP/1.1",
                onFx(() -> model.selectedTabProperty().get().wire().handshakeProperty().get().record().requestLine()));
    }

    @Test
    void aBrokenFileIsAClearMessageAndOpeningWhileConnectedIsRefused(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"type\":\"handshake\",\"url\":\"ws://x/\",\"time\":null,\"request\":null,\"response\":null}\n{not json\n");
        robot.interact(() -> model.selectedTabProperty().get().openConversation(bad));
        until(() -> notice(robot).startsWith("bad.jsonl is not a conversation Duplex can read (line 2)"));

        robot.interact(() -> model.selectedTabProperty().get().saveConversation(dir.resolve("empty.jsonl")));
        until(() -> notice(robot).equals("There is no conversation to save yet: connect first."));

        TestWindow.startAndConnect(robot, model);
        robot.interact(() -> model.selectedTabProperty().get().openConversation(bad));
        until(() -> notice(robot).startsWith("Disconnect first"));
    }

    @Test
    void theLogSavesAsTheTextOnScreen(FxRobot robot) throws Exception {
        talk(robot);
        Path text = dir.resolve("log.txt");
        List<String> lines = onFx(() -> {
            var format = new dev.duplex.i18n.EventText(dev.duplex.i18n.Texts.of(java.util.Locale.ENGLISH));
            return model.selectedTabProperty().get().log().events().stream().map(e -> format.line(e, dev.duplex.i18n.EventText.Side.CLIENT).toString()).toList();
        });
        robot.interact(() -> model.selectedTabProperty().get().saveText(text, lines));
        until(() -> notice(robot).startsWith("Saved " + lines.size() + " lines to log.txt"));
        String saved = Files.readString(text);
        assertTrue(saved.contains("onopen") && saved.contains("message received: 二") && saved.contains("onclose"), saved);
    }

    @Test
    void aConnectionSavedToACollectionOpensAgainWithItsOptionsAndMessages(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.selectedTabProperty().get().urlProperty().set("ws://127.0.0.1:9/saved");
            model.selectedTabProperty().get().options().headersProperty().set("X-Team: blue");
            model.selectedTabProperty().get().options().subprotocolsProperty().set("chat.v2, json");
            model.selectedTabProperty().get().options().deflateProperty().set(true);
            model.selectedTabProperty().get().composer().textProperty().set("kept message");
            model.selectedTabProperty().get().composer().save("greeting");
            model.selectedTabProperty().get().options().collectionProperty().set("Work");
            model.selectedTabProperty().get().options().nameProperty().set("blue team");
            model.connections().save(model.selectedTabProperty().get());
        });
        until(() -> notice(robot).equals("Saved connection Work / blue team."));
        // (The file itself round-trips in ConnectionStoreTest.)
        assertEquals("ws://127.0.0.1:9/saved", onFx(() -> model.connections().all().get(0).url()));

        robot.interact(() -> {
            model.selectedTabProperty().get().urlProperty().set("ws://elsewhere/");
            model.selectedTabProperty().get().options().headersProperty().set("");
            model.selectedTabProperty().get().options().subprotocolsProperty().set("");
            model.selectedTabProperty().get().options().deflateProperty().set(false);
            model.selectedTabProperty().get().composer().saved().clear();
            model.connections().open(model.connections().all().get(0), model.selectedTabProperty().get());
        });
        assertEquals("ws://127.0.0.1:9/saved", onFx(() -> model.selectedTabProperty().get().urlProperty().get()));
        assertEquals("X-Team: blue", onFx(() -> model.selectedTabProperty().get().options().headersProperty().get()));
        assertEquals("chat.v2, json", onFx(() -> model.selectedTabProperty().get().options().subprotocolsProperty().get()));
        assertTrue(onFx(() -> model.selectedTabProperty().get().options().deflateProperty().get()));
        assertEquals("greeting", onFx(() -> model.selectedTabProperty().get().composer().saved().get(0).name()));

        robot.interact(() -> {
            model.selectedTabProperty().get().options().nameProperty().set("");
            model.connections().save(model.selectedTabProperty().get());
        });
        until(() -> notice(robot).equals("Give the connection a name to save it under."));
        robot.interact(() -> model.connections().delete(model.connections().all().get(0), model.selectedTabProperty().get()));
        until(() -> notice(robot).equals("Deleted Work / blue team."));
        assertTrue(onFx(() -> model.connections().all().isEmpty()));
    }
}
