package dev.duplex;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.model.Dispatcher;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import dev.duplex.ui.shell.DuplexWindow;
import dev.duplex.ui.NextPulse;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The scripted first use that the installer build records its start-up archive from, and the window's
 * quit shortcut: both must end in the window's own close path, or the build (or a user) is left waiting.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingRunTest {
    private Workbench model;
    private Stage stage;
    /** Completes when the window reports it was closed (settings saved, window hidden). */
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "",
                Settings.defaults().logCap(), "en", 1200, 800);
        model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex"),
                Files.createTempDirectory("duplex-data"));
        DuplexWindow window = new DuplexWindow(stage, model, settings);
        window.setOnClosed(done -> closed.complete(null));
        window.show();
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTrainingRunEchoesOnceAndClosesTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TrainingRun.start(model, stage);
            model.startForFirstUse();
        });
        closed.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
        assertTrue(model.selectedTabProperty().get().wire().totals().inFrames() > 0, "the echo came back before the window closed");
        assertEquals(ClientState.DISCONNECTED, model.selectedTabProperty().get().stateProperty().get());
    }

    @Test
    void ctrlQClosesTheWindowLikeItsCloseButton(FxRobot robot) throws Exception {
        robot.interact(model::startForFirstUse);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.server().stateProperty().get() == ServerState.RUNNING);
        robot.press(KeyCode.CONTROL).press(KeyCode.Q).release(KeyCode.Q).release(KeyCode.CONTROL);
        closed.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
    }
}
