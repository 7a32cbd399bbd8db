package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import java.io.IOException;
import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.stage.Stage;

/** The window as the tests open it: English, the server on a free port, the client aimed at a port nobody uses. */
final class TestWindow {
    private TestWindow() { }

    /** Settings for a test: port {@code port} for the server, {@code url} for the client. */
    static Settings settings(int port, String url) {
        return new Settings(url, port, "127.0.0.1", "", "{message}", true, "", Settings.defaults().logCap(), "en",
                1200, 800);
    }

    static Settings settings() {
        return settings(0, "ws://127.0.0.1:1/");
    }

    /** Shows the window on {@code stage} over a new model, with settings kept in a fresh temporary directory. */
    static Workbench open(Stage stage, Settings settings) throws IOException {
        return open(stage, settings, Files.createTempDirectory("duplex"));
    }

    /**
     * Shows the window with its settings kept in {@code configDir}. DuplexWindow applies the theme as the app
     * does (the settings' choice, or the desktop's for System), so the tests see the window's real look.
     */
    static Workbench open(Stage stage, Settings settings, java.nio.file.Path configDir) throws IOException {
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), configDir,
                Files.createTempDirectory("duplex-data"));
        new DuplexWindow(stage, model, settings).show();
        return model;
    }

    /** Starts the embedded server and connects the window's client to it, through the window's buttons. */
    static void startAndConnect(org.testfx.api.FxRobot robot, Workbench model) throws Exception {
        robot.clickOn("#startButton");
        FxWait.until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        String url = FxWait.onFx(() -> model.server().urlProperty().get());
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        robot.clickOn("#connectButton");
        FxWait.until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
    }
}
