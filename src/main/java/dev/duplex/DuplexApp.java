package dev.duplex;

import dev.duplex.model.ConnectionModel;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Notice;
import dev.duplex.settings.SettingsStore;
import dev.duplex.ui.shell.DuplexWindow;
import dev.duplex.ui.NextPulse;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: reads the settings, builds the model and shows the window. */
public final class DuplexApp extends Application {

    @Override
    public void start(Stage stage) {
        SettingsStore store = new SettingsStore(AppDirs.config());
        SettingsStore.Loaded loaded = store.load();
        Dispatcher dispatcher = new Dispatcher(new NextPulse());
        ConnectionModel model = new ConnectionModel(loaded.settings(), dispatcher);
        model.useConnectionStore(new dev.duplex.settings.ConnectionStore(AppDirs.data()));
        if (loaded.movedAside() != null) {
            model.setAppNotice(Notice.of("settings.reset", loaded.movedAside().toString()));
        }
        DuplexWindow window = new DuplexWindow(stage, model, loaded.settings(), store);
        window.setOnClosed(() -> {
            // Stopping the server may block for a moment: it runs off the UI thread, then the app exits.
            model.shutdown().whenComplete((ok, error) -> dispatcher.run(Platform::exit));
        });
        window.show();
        if (Boolean.getBoolean("duplex.training")) TrainingRun.start(model, stage);
        // A double-click should give a working echo one click of Connect away, with no internet.
        model.startServerForFirstUse();
        if (Boolean.getBoolean("duplex.startup.probe")) reportFirstFrameAndExit();
    }

    /**
     * For the start-up benchmark: prints the wall-clock time of the first pulse after the window was shown
     * (the first frame painted) and exits.
     */
    static void reportFirstFrameAndExit() {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println("FIRST_FRAME " + System.currentTimeMillis());
                Platform.exit();
                System.exit(0);
            }
        }.start();
    }
}
