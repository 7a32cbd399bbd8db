package dev.duplex;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.StoredState;
import dev.duplex.model.Workbench;
import dev.duplex.ui.shell.DuplexWindow;
import dev.duplex.ui.NextPulse;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.theme.DesktopScheme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: reads what was kept on disk, builds the workbench and shows the window. */
public final class DuplexApp extends Application {

    private StoredState stored;

    /** Runs on the launcher thread, before the FX thread has a window to keep painting: the disk is read here. */
    @Override
    public void init() {
        // Asked now, on its own thread, so that the desktop's light or dark is known when the window shows.
        DesktopScheme.preference();
        stored = StoredState.read(AppDirs.config(), AppDirs.data());
    }

    @Override
    public void start(Stage stage) {
        Dispatcher dispatcher = new Dispatcher(new NextPulse());
        Workbench workbench = new Workbench(stored, dispatcher, AppDirs.config(), AppDirs.data());
        // duplex --theme dark: for this start only (Main checked the value and passes it as --theme=dark).
        ThemeChoice.parse(getParameters().getNamed().get(Main.THEME)).ifPresent(workbench.appearance()::chooseForThisStart);
        DuplexWindow window = new DuplexWindow(stage, workbench, stored.settings());
        // Saving and stopping the server may take a moment: they run off the UI thread, then the app exits.
        // Not before: JavaFX's implicit exit, once the window hid, let the JVM end with those (daemon)
        // threads still writing; on a loaded machine the image's window test found no settings file.
        Platform.setImplicitExit(false);
        window.setOnClosed(done -> done.whenComplete((ok, error) -> dispatcher.run(Platform::exit)));
        window.show();
        if (Boolean.getBoolean("duplex.training")) TrainingRun.start(workbench, stage);
        var link = getParameters().getUnnamed();
        afterFirstFrame(() -> {
            // A double-click should give a working echo one click of Connect away, with no internet.
            workbench.startForFirstUse();
            // Opened on a ws:// link (Main lets only one such argument through to the window).
            if (!link.isEmpty()) workbench.openAt(link.get(0));
        });
        if (Boolean.getBoolean("duplex.startup.probe")) reportFirstFrameAndExit();
    }

    /**
     * Runs {@code work} on the FX thread once the window's first frame is out. Starting the server and
     * connecting a link load the engine's classes and start its threads, which on two cores slowed the
     * first frame down; a pulse runs its animation timers before it paints, so the work goes one turn later.
     */
    private static void afterFirstFrame(Runnable work) {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(work);
            }
        }.start();
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
