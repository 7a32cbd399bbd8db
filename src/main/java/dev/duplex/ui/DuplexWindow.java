package dev.duplex.ui;

import java.io.IOException;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import dev.duplex.settings.MessageStore;
import dev.duplex.model.Composer;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The main window: its scene, its title in the current language, and the language switch. */
public final class DuplexWindow {
    private final Stage stage;
    private final ConnectionModel model;
    private final SettingsStore store;
    private final MessageStore messages;
    private Runnable onClosed = () -> { };

    /** @param store where the settings are saved when the window closes */
    public DuplexWindow(Stage stage, ConnectionModel model, Settings settings, SettingsStore store) {
        this.stage = stage;
        this.model = model;
        this.store = store;
        this.messages = new MessageStore(store.file().getParent());
        restore(model.composer(), messages.load());
        Texts texts = texts();
        stage.setScene(new Scene(MainView.load(model, texts, this::switchLanguage),
                settings.windowWidth(), settings.windowHeight()));
        stage.setTitle(texts.get("app.title", Version.get()));
        var icons = new ArrayList<javafx.scene.image.Image>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var icon = DuplexWindow.class.getResource("icon/duplex-" + size + ".png");
            if (icon != null) icons.add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        stage.getIcons().setAll(icons);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        // Ctrl+Q (Cmd+Q on macOS) quits the way the close button does: settings saved, server stopped.
        // Closed on a later turn of the event loop, not inside the key press: on Linux, JavaFX's GTK glass
        // goes on using the window's view after the press handler returns, and crashed the JVM (SIGSEGV in
        // process_key) when the handler had already hidden the window.
        stage.getScene().getAccelerators().put(
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))));
        addClientShortcuts(stage.getScene());
        stage.setOnCloseRequest(event -> {
            event.consume();
            saveSettings();
            stage.hide();
            onClosed.run();
        });
    }

    /**
     * The client tabs from the keyboard: Ctrl+T opens one, Ctrl+W closes the one in front, Ctrl+1 to 9 and
     * Ctrl+Page Up/Down switch, Ctrl+Enter connects or disconnects it. (Enter sends, in the message box.)
     * Cmd instead of Ctrl on macOS.
     */
    private void addClientShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::addSession);
        keys.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                () -> Platform.runLater(() -> model.closeSession(model.current())));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> switchTab(+1));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> switchTab(-1));
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < model.sessions().size()) model.currentSessionProperty().set(model.sessions().get(index));
            });
        }
        // A filter, not an accelerator: text fields (the spinner's too) take Enter for themselves.
        KeyCodeCombination connectKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (!connectKey.match(key)) return;
            key.consume();
            if (model.current().busy()) model.disconnect();
            else model.connect();
        });
    }

    private void switchTab(int step) {
        var all = model.sessions();
        int at = all.indexOf(model.current());
        model.currentSessionProperty().set(all.get(Math.floorMod(at + step, all.size())));
    }

    public void show() {
        stage.show();
        focusUrl();
    }

    /** The first thing a user types is where to connect: start there, not in the log-limit spinner. */
    private void focusUrl() {
        var url = stage.getScene().lookup("#urlField");
        if (url != null) url.requestFocus();
    }

    /** What to do once the user closed the window (settings are saved and the window hidden by then). */
    public void setOnClosed(Runnable onClosed) {
        this.onClosed = onClosed;
    }

    /**
     * Writes the forms, the window size, the saved messages and the history; a failure to write is not
     * worth stopping the exit for.
     */
    private void saveSettings() {
        try {
            store.save(model.toSettings(stage.getWidth(), stage.getHeight()));
            messages.save(toMessages(model.composer()));
        } catch (IOException e) {
            System.err.println("Duplex: could not save settings to " + store.file().getParent() + ": " + e.getMessage());
        }
    }

    private static MessageStore.Messages toMessages(Composer composer) {
        List<MessageStore.SavedMessage> saved = new ArrayList<>();
        for (Composer.Saved s : composer.saved()) saved.add(new MessageStore.SavedMessage(s.name(), s.mode().name(), s.text()));
        return new MessageStore.Messages(saved, composer.history());
    }

    private static void restore(Composer composer, MessageStore.Messages m) {
        List<Composer.Saved> saved = new ArrayList<>();
        for (MessageStore.SavedMessage s : m.saved()) {
            Composer.Mode mode;
            try {
                mode = Composer.Mode.valueOf(s.mode());
            } catch (IllegalArgumentException unknown) {
                mode = Composer.Mode.TEXT;
            }
            saved.add(new Composer.Saved(s.name(), mode, s.text()));
        }
        composer.restore(saved, m.history());
    }

    private Texts texts() {
        return Texts.of(Texts.localeFor(model.languageProperty().get()));
    }

    /** Reloads the view in another language over the same model: connections and logs stay as they are. */
    private void switchLanguage(String language) {
        model.languageProperty().set(language);
        // Not from inside the combo box's own change handler: replace the root once that handler returned.
        Platform.runLater(() -> {
            Texts texts = texts();
            stage.getScene().setRoot(MainView.load(model, texts, this::switchLanguage));
            stage.setTitle(texts.get("app.title", Version.get()));
            focusUrl();
        });
    }
}
