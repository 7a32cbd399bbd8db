package dev.duplex.ui.shell;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.replay.ReplayModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The window's keyboard shortcuts, on the scene so that they outlive a language switch (which replaces
 * only the scene's root). Cmd instead of Ctrl on macOS. (Enter sends, in the message box.)
 */
final class Shortcuts {
    private Shortcuts() { }

    static void install(Scene scene, Stage stage, Workbench model) {
        var keys = scene.getAccelerators();
        // Ctrl+Q quits the way the close button does: settings saved, server stopped. Closed on a later turn
        // of the event loop, not inside the key press: on Linux, JavaFX's GTK glass goes on using the
        // window's view after the press handler returns, and crashed the JVM (SIGSEGV in process_key) when
        // the handler had already hidden the window.
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))));
        // The client tabs: Ctrl+T opens one, Ctrl+W closes the one in front, Ctrl+1 to 9 and Ctrl+Page
        // Up/Down switch, Ctrl+Enter connects or disconnects it.
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::addTab);
        // A Replay tab in front is the one Ctrl+W closes and Ctrl+Enter starts or stops, not the client tab behind it.
        keys.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> Platform.runLater(() -> {
            ReplayModel replay = frontReplay(scene);
            if (replay != null) model.closeReplay(replay);
            else model.closeTab(model.selectedTabProperty().get());
        }));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> switchTab(model, +1));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> switchTab(model, -1));
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < model.tabs().size()) model.selectedTabProperty().set(model.tabs().get(index));
            });
        }
        // A filter, not an accelerator: text fields (the spinner's too) take Enter for themselves.
        KeyCodeCombination connectKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (!connectKey.match(key)) return;
            key.consume();
            ReplayModel replay = frontReplay(scene);
            if (replay != null) {
                if (replay.busy()) replay.stop();
                else replay.start();
                return;
            }
            ClientTab front = model.selectedTabProperty().get();
            if (front.busy()) front.disconnect();
            else front.connect();
        });
    }

    /** The Replay tab in front of the client tab pane, or null when a client tab is. */
    private static ReplayModel frontReplay(Scene scene) {
        if (scene.getRoot() == null || !(scene.getRoot().lookup(".client-tabs") instanceof TabPane tabs)) return null;
        Tab front = tabs.getSelectionModel().getSelectedItem();
        return front != null && front.getUserData() instanceof ReplayModel replay ? replay : null;
    }

    private static void switchTab(Workbench model, int step) {
        var all = model.tabs();
        int at = all.indexOf(model.selectedTabProperty().get());
        model.selectedTabProperty().set(all.get(Math.floorMod(at + step, all.size())));
    }
}
