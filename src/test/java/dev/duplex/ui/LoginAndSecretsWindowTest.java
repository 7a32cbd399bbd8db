package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.peers.NodeWsServer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * A tab's login helpers reaching Node's {@code ws} server as a page would send them, and their secrets
 * masked in the Handshake view, in saved files and in saved connections until the user says otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class LoginAndSecretsWindowTest {
    @TempDir Path dir;
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

    private String handshakeView(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Object> lines = robot.lookup(".client-pane #linesView").queryAs(ListView.class);
        until(() -> lines.getItems().size() > 5);
        return onFx(() -> lines.getItems().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theHelpersGoOutAndTheirSecretsAreMaskedUntilAskedFor(FxRobot robot) throws Exception {
        server = NodeWsServer.start();
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(server.uri("/live?room=7").toString()));
        robot.interact(() -> robot.lookup(".client-pane #loginPane").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> {
            robot.lookup("#bearerField").queryTextInputControl().setText("t0k3n-abc");
            robot.lookup("#cookiesField").queryTextInputControl().setText("session=s3ss10n");
            robot.lookup("#queryNameField").queryTextInputControl().setText("k2");
            robot.lookup("#queryValueField").queryTextInputControl().setText("qu3ry");
        });
        robot.clickOn(".client-pane #connectButton");
        until(() -> tab().stateProperty().get() == ClientState.OPEN);
        NodeWsServer.Handshake seen = server.nextHandshake();
        assertEquals("Bearer t0k3n-abc", seen.header("authorization"));
        assertEquals("session=s3ss10n", seen.header("cookie"));
        assertEquals("/live?room=7&k2=qu3ry", seen.url());

        TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        String masked = handshakeView(robot);
        assertTrue(masked.contains("Authorization: Bearer ****"), masked);
        assertTrue(masked.contains("Cookie: session=****"), masked);
        assertTrue(masked.contains("k2=****"), "the helper's own parameter name is masked too: " + masked);
        assertFalse(masked.contains("t0k3n-abc") || masked.contains("s3ss10n") || masked.contains("qu3ry"), masked);
        robot.interact(() -> robot.lookup(".client-pane #revealBox").queryAs(CheckBox.class).setSelected(true));
        String shown = handshakeView(robot);
        assertTrue(shown.contains("Authorization: Bearer t0k3n-abc"), shown);

        Path masks = dir.resolve("masked.har");
        ClientTab tab = tab();
        robot.interact(() -> tab.saveConversation(masks));
        until(() -> Files.exists(masks) && onFx(() -> tab.noticeProperty().get() != null
                && tab.noticeProperty().get().key().equals("file.saved")));
        String file = Files.readString(masks);
        assertFalse(file.contains("t0k3n-abc") || file.contains("s3ss10n") || file.contains("qu3ry"), file);
        assertTrue(file.contains("Bearer ****"), "masked, not dropped");
        Path keeps = dir.resolve("kept.jsonl");
        robot.interact(() -> {
            tab.includeSecretsProperty().set(true);
            tab.saveConversation(keeps);
        });
        until(() -> Files.exists(keeps) && Files.readString(keeps).contains("t0k3n-abc"));
    }

    @Test
    void aSavedConnectionLeavesItsSecretsOutUnlessTicked(FxRobot robot) throws Exception {
        ClientTab tab = tab();
        robot.interact(() -> {
            tab.urlProperty().set("wss://chat.example/live?access_token=abc&room=7");
            tab.options().headersProperty().set("Authorization: Bearer xyz\nX-Trace: 1");
            tab.options().nameProperty().set("chat");
            model.connections().save(tab);
        });
        until(() -> onFx(() -> tab.noticeProperty().get() != null
                && tab.noticeProperty().get().key().equals("connections.savedWithoutSecrets")));
        var saved = onFx(() -> model.connections().all().get(0));
        assertEquals("wss://chat.example/live?access_token=****&room=7", saved.url());
        assertEquals(java.util.List.of("X-Trace: 1"), saved.headers());
        robot.interact(() -> {
            tab.options().saveSecretsProperty().set(true);
            model.connections().save(tab);
        });
        until(() -> onFx(() -> model.connections().all().get(0).headers().size() == 2));
        assertEquals("wss://chat.example/live?access_token=abc&room=7", onFx(() -> model.connections().all().get(0).url()));
    }
}
