package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The window opened on a link, as DuplexApp opens it: first use, then the link. */
@ExtendWith(ApplicationExtension.class)
class OpenAtLinkWindowTest {
    private final LabServer elsewhere = new LabServer(event -> { });
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        elsewhere.stop();
    }

    @Test
    void theUrlFieldShowsTheLinkAndTheTabIsConnectedThere(FxRobot robot) throws Exception {
        elsewhere.start(ServerConfig.defaults().withPort(0));
        String link = elsewhere.url().toString();
        robot.interact(() -> {
            model.startForFirstUse();
            model.openAt(link);
        });
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING
                && model.tabs().get(0).stateProperty().get() == ClientState.OPEN);
        assertEquals(link, onFx(() -> robot.lookup("#urlField").queryTextInputControl().getText()));
    }

    @Test
    void aLinkThatDoesNotCheckIsSaidUnderTheUrl(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.startForFirstUse();
            model.openAt("ws://exa mple/");
        });
        Label notice = robot.lookup(".client-pane #noticeLabel").queryAs(Label.class);
        until(notice::isVisible);
        assertTrue(notice.getText().startsWith("This is not a valid URL"), notice.getText());
        assertEquals("ws://exa mple/", onFx(() -> robot.lookup("#urlField").queryTextInputControl().getText()));
    }
}
