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

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javafx.scene.control.Label;
import javafx.stage.Stage;

/** A double-click's first minute: the server starts by itself, on the next port if its own is taken. */
@ExtendWith(ApplicationExtension.class)
class FirstUseTest {
    private ServerSocket taken;
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        int port = taken.getLocalPort();
        model = TestWindow.open(stage, TestWindow.settings(port, "ws://127.0.0.1:" + port + "/"));
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        taken.close();
    }

    @Test
    void theServerStartsOnTheNextFreePortAndTheClientPointsAtIt(FxRobot robot) throws Exception {
        int busy = taken.getLocalPort();
        robot.interact(model::startForFirstUse);
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        String url = onFx(() -> model.server().urlProperty().get());
        assertTrue(!url.contains(":" + busy + "/"), url);
        assertEquals(url, onFx(() -> model.selectedTabProperty().get().urlProperty().get()), "the client points at the embedded server");
        Label notice = robot.lookup("#appNoticeLabel").queryAs(Label.class);
        until(notice::isVisible);
        assertTrue(notice.getText().startsWith("Port " + busy + " is taken by another program"), notice.getText());

        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
    }
}
