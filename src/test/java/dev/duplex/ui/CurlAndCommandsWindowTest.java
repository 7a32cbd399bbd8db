package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.options.ShellWords;
import dev.duplex.peers.NodeWsServer;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/**
 * A browser's "Copy as cURL" pasted into a tab's URL field, the tab connecting with what it took (as Node's
 * {@code ws} server saw it), and the tab copied out as a command, on headless Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class CurlAndCommandsWindowTest {
    private Workbench model;
    private NodeWsServer server;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (server != null) server.close();
    }

    private ClientTab tab() throws Exception {
        return onFx(() -> model.selectedTabProperty().get());
    }

    @Test
    void aPastedCurlFillsTheTabAndTheTabCopiesOutAsACommand(FxRobot robot) throws Exception {
        server = NodeWsServer.start();
        String copied = "curl '" + server.uri("/socket?room=42") + "' \\\n  -H 'Upgrade: websocket' \\\n"
                + "  -H 'Origin: https://chat.example.com' \\\n  -b 'session=abc123' \\\n"
                + "  -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \\\n  -H 'Sec-WebSocket-Version: 13'";
        TextField url = robot.lookup(".client-pane #urlField").queryAs(TextField.class);
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(copied);
            Clipboard.getSystemClipboard().setContent(content);
            url.requestFocus();
            url.selectAll();
            url.paste();
        });
        ClientTab tab = tab();
        assertEquals(server.uri("/socket?room=42").toString(), onFx(url::getText), "the field holds the URL only");
        assertEquals("https://chat.example.com", onFx(() -> tab.options().originProperty().get()));
        assertEquals("Cookie: session=abc123", onFx(() -> tab.options().headersProperty().get()));
        assertEquals("curl.taken", onFx(() -> tab.noticeProperty().get().key()));
        assertEquals(List.of(1, 0, "Upgrade, Sec-WebSocket-Key, Sec-WebSocket-Version"),
                onFx(() -> tab.noticeProperty().get().args()), "what was taken, and what was left out");

        robot.clickOn(".client-pane #connectButton");
        until(() -> tab.stateProperty().get() == ClientState.OPEN);
        NodeWsServer.Handshake seen = server.nextHandshake();
        assertEquals("https://chat.example.com", seen.header("origin"));
        assertEquals("session=abc123", seen.header("cookie"));
        assertTrue(!"dGhlIHNhbXBsZSBub25jZQ==".equals(seen.header("sec-websocket-key")));

        robot.clickOn(".client-pane #fileMenu").clickOn("#copyWscatItem");
        String command = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(List.of("wscat", "-c", server.uri("/socket?room=42").toString(), "-o", "https://chat.example.com",
                "-H", "Cookie: session=abc123"), ShellWords.split(command));
        assertEquals("command.copied", onFx(() -> tab.noticeProperty().get().key()));
    }

    @Test
    void aPastedCommandThatDoesNotReadSaysWhyAndChangesNothing(FxRobot robot) throws Exception {
        TextField url = robot.lookup(".client-pane #urlField").queryAs(TextField.class);
        String before = onFx(url::getText);
        robot.interact(() -> {
            url.requestFocus();
            url.selectAll();
            url.replaceSelection("curl 'wss://h.example/ -H 'A: b'");
        });
        ClientTab tab = tab();
        assertEquals("form.curl.quote", onFx(() -> tab.noticeProperty().get().key()));
        assertTrue(onFx(url::getText).startsWith("curl "), "left as pasted, to be fixed: " + before);
    }
}
