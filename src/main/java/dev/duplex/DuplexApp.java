package dev.duplex;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.StoredState;
import dev.duplex.model.Workbench;
import dev.duplex.i18n.Texts;
import dev.duplex.ui.shell.DuplexWindow;
import dev.duplex.ui.shell.FirstScreen;
import dev.duplex.ui.theme.WindowTheme;
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
        // The theme's stylesheet is read with the panels (DuplexWindow); the first screen needs its colours only.
        WindowTheme.takeDesktopPreference(workbench.appearance());
        // Saving and stopping the server may take a moment: they run off the UI thread, then the app exits.
        // Not before: JavaFX's implicit exit, once the window hid, let the JVM end with those (daemon)
        // threads still writing; on a loaded machine the image's window test found no settings file.
        Platform.setImplicitExit(false);
        FirstScreen.show(stage, workbench.appearance().darkProperty().get(),
                Texts.of(Texts.localeFor(workbench.languageProperty().get())), stored.settings());
        if (Boolean.getBoolean("duplex.startup.probe")) atNextPulse(() -> report("FIRST_FRAME"));
        // The panels are built once the first screen is out, which a pulse paints after its timers ran.
        afterNextPulse(() -> {
            DuplexWindow window = new DuplexWindow(stage, workbench, stored.settings());
            window.setOnClosed(done -> done.whenComplete((ok, error) -> dispatcher.run(Platform::exit)));
            window.show();
            if (Boolean.getBoolean("duplex.training")) TrainingRun.start(workbench, stage);
            var link = getParameters().getUnnamed();
            afterNextPulse(() -> {
                // A double-click should give a working echo one click of Connect away, with no internet.
                workbench.startForFirstUse();
                // Opened on a ws:// link (Main lets only one such argument through to the window).
                if (!link.isEmpty()) workbench.openAt(link.get(0));
            });
            if (Boolean.getBoolean("duplex.startup.probe")) {
                // The next pulse lays the panels out and paints them; the one after it finds that done.
                atNextPulse(() -> atNextPulse(() -> {
                    report("WINDOW_READY");
                    Platform.runLater(() -> System.exit(0));
                }));
            }
        });
    }

    /**
     * Runs {@code work} on the FX thread once the next frame is out. Building the panels, starting the
     * server and connecting a link load classes and start threads, which on two cores slowed the frame
     * before them down.
     */
    private static void afterNextPulse(Runnable work) {
        atNextPulse(() -> Platform.runLater(work));
    }

    /** Runs {@code work} at the start of the next pulse, as its animation timers run: before it paints. */
    private static void atNextPulse(Runnable work) {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                work.run();
            }
        }.start();
    }

    /**
     * For the start-up benchmark: prints the wall-clock time of a frame as its pulse begins, the first one
     * (the first screen), as the bare window it is measured against prints its own, and then the whole
     * window's, after which the app exits.
     */
    private static void report(String frame) {
        System.out.println(frame + " " + System.currentTimeMillis());
    }

}
