package dev.duplex.ui;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.settings.Settings;
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
    private final Workbench model;
    private Consumer<CompletableFuture<Void>> onClosed = done -> { };

    /** @param settings the window's size at start */
    public DuplexWindow(Stage stage, Workbench model, Settings settings) {
        this.stage = stage;
        this.model = model;
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
            double width = stage.getWidth();
            double height = stage.getHeight();
            stage.hide();
            onClosed.accept(model.saveAndShutdown(width, height));
        });
    }

    /**
     * The client tabs from the keyboard: Ctrl+T opens one, Ctrl+W closes the one in front, Ctrl+1 to 9 and
     * Ctrl+Page Up/Down switch, Ctrl+Enter connects or disconnects it. (Enter sends, in the message box.)
     * Cmd instead of Ctrl on macOS.
     */
    private void addClientShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::addTab);
        keys.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                () -> Platform.runLater(() -> model.closeTab(model.selectedTabProperty().get())));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> switchTab(+1));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> switchTab(-1));
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < model.tabs().size()) model.selectedTabProperty().set(model.tabs().get(index));
            });
        }
        // A filter, not an accelerator: text fields (the spinner's too) take Enter for themselves.
        KeyCodeCombination connectKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (!connectKey.match(key)) return;
            key.consume();
            ClientTab front = model.selectedTabProperty().get();
            if (front.busy()) front.disconnect();
            else front.connect();
        });
    }

    private void switchTab(int step) {
        var all = model.tabs();
        int at = all.indexOf(model.selectedTabProperty().get());
        model.selectedTabProperty().set(all.get(Math.floorMod(at + step, all.size())));
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

    /**
     * What to do once the user closed the window: it is hidden by then, and {@code done} completes when
     * the settings are kept and every connection and the server are closed.
     */
    public void setOnClosed(Consumer<CompletableFuture<Void>> onClosed) {
        this.onClosed = onClosed;
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
