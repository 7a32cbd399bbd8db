package dev.duplex.ui;

import java.io.IOException;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window: its scene, its title in the current language, and the language switch. */
public final class DuplexWindow {
    private final Stage stage;
    private final ConnectionModel model;
    private final SettingsStore store;
    private Runnable onClosed = () -> { };

    /** @param store where the settings are saved when the window closes */
    public DuplexWindow(Stage stage, ConnectionModel model, Settings settings, SettingsStore store) {
        this.stage = stage;
        this.model = model;
        this.store = store;
        Texts texts = texts();
        stage.setScene(new Scene(MainView.load(model, texts, this::switchLanguage),
                settings.windowWidth(), settings.windowHeight()));
        stage.setTitle(texts.get("app.title", Version.get()));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
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

    /** Writes the forms and the window size; a failure to write is not worth stopping the exit for. */
    private void saveSettings() {
        try {
            store.save(model.toSettings(stage.getWidth(), stage.getHeight()));
        } catch (IOException e) {
            System.err.println("Duplex: could not save settings to " + store.file() + ": " + e.getMessage());
        }
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
