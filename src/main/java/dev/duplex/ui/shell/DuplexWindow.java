package dev.duplex.ui.shell;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.settings.Settings;
import dev.duplex.ui.ThisPulse;
import dev.duplex.ui.theme.WindowTheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window: its scene, its theme, its title in the current language, and the language switch. */
public final class DuplexWindow {
    private final Stage stage;
    private final Workbench model;
    private Consumer<CompletableFuture<Void>> onClosed = done -> { };
    /** The window's content now; replaced (and disposed) by a language switch. */
    private MainView shown;

    /**
     * @param stage showing its {@link FirstScreen} already, or not shown yet
     * @param settings the window's size at start
     */
    public DuplexWindow(Stage stage, Workbench model, Settings settings) {
        this.stage = stage;
        this.model = model;
        WindowTheme.follow(model.appearance());
        Texts texts = texts();
        shown = MainView.load(model, texts, this::switchLanguage);
        if (FirstScreen.isShown(stage)) {
            // The first frame's scene, on screen already: only its content changes, the window stays put.
            stage.getScene().setRoot(shown.root());
        } else {
            stage.setScene(new Scene(shown.root(), settings.windowWidth(), settings.windowHeight()));
        }
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
            double width = stage.getWidth();
            double height = stage.getHeight();
            stage.hide();
            onClosed.accept(model.saveAndShutdown(width, height));
        });
    }

    public void show() {
        boolean firstScreenShown = stage.isShowing();
        stage.show();
        focusUrl();
        if (firstScreenShown) {
            // The scene, focused already, gives its new root's first control the focus in the next pulse
            // (the log-limit spinner): the URL field takes it back once that pulse has laid the panels out.
            ThisPulse.afterLayout(stage.getScene(), this::focusUrl);
        }
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
