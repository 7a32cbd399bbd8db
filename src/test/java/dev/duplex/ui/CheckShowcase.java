package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.check.CheckModel;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.settings.Settings;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Not a test: the Check pane after a run against our own server, to look at it by eye under Xvfb. Arguments:
 * en|zh, and {@code dark} for the dark theme. The title ends in "(checked)" once the run is over.
 */
public final class CheckShowcase extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        String language = args.isEmpty() ? "en" : args.get(0);
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "",
                Settings.DEFAULT_LOG_CAP, language, 1360, 860,
                dev.duplex.settings.ThemeChoice.kept(args.contains("dark") ? "dark" : "light"));
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();
        LabServer server = new LabServer(e -> { });
        server.start(new ServerConfig("127.0.0.1", 0, "", null));
        ((TabPane) stage.getScene().lookup("#sideTabs")).getSelectionModel().select(2);
        CheckModel check = model.check();
        check.urlProperty().set(server.url().toString());
        check.stateProperty().addListener((o, was, now) -> {
            if (now == CheckModel.State.DONE) stage.setTitle(stage.getTitle() + " (checked)");
        });
        check.start();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
