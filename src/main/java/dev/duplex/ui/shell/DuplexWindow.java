package dev.duplex.ui.shell;

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
import javafx.stage.Stage;

/** The main window: its scene, its title in the current language, and the language switch. */
public final class DuplexWindow {
    private final Stage stage;
    private final ConnectionModel model;
    private final SettingsStore store;
    private final MessageStore messages;
    private Runnable onClosed = () -> { };
    /** The window's content now; replaced (and disposed) by a language switch. */
    private MainView shown;

    /** @param store where the settings are saved when the window closes */
    public DuplexWindow(Stage stage, ConnectionModel model, Settings settings, SettingsStore store) {
        this.stage = stage;
        this.model = model;
        this.store = store;
        this.messages = new MessageStore(store.file().getParent());
        restore(model.composer(), messages.load());
        Texts texts = texts();
        shown = MainView.load(model, texts, this::switchLanguage);
        stage.setScene(new Scene(shown.root(), settings.windowWidth(), settings.windowHeight()));
        stage.setTitle(texts.get("app.title", Version.get()));
        var icons = new ArrayList<javafx.scene.image.Image>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var icon = DuplexWindow.class.getResource("/dev/duplex/ui/icon/duplex-" + size + ".png");
            if (icon != null) icons.add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        stage.getIcons().setAll(icons);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        Shortcuts.install(stage.getScene(), stage, model);
        stage.setOnCloseRequest(event -> {
            event.consume();
            saveSettings();
            stage.hide();
            onClosed.run();
        });
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

    /**
     * Reloads the view in another language over the same model: connections and logs stay as they are.
     * The views it replaces end their subscriptions, so the model no longer holds (and feeds) them.
     */
    private void switchLanguage(String language) {
        model.languageProperty().set(language);
        // Not from inside the combo box's own change handler: replace the root once that handler returned.
        Platform.runLater(() -> {
            Texts texts = texts();
            shown.dispose();
            shown = MainView.load(model, texts, this::switchLanguage);
            stage.getScene().setRoot(shown.root());
            stage.setTitle(texts.get("app.title", Version.get()));
            focusUrl();
        });
    }
}
