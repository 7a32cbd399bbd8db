package dev.duplex.ui.shell;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.settings.Settings;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/**
 * The window's first frame: the real window, at its kept size, in its theme's background and the user's
 * language, saying it is starting, while {@link DuplexWindow} builds its panels in the pulses after it.
 * Building those (FXML, the theme's stylesheet, every control's skin) takes a second or more on two cores;
 * a window that appears only then looks like a double-click that did nothing.
 *
 * <p>Made of shapes and text only, no control: the first control loads a user-agent stylesheet, and which
 * one is the theme's business, once the panels come. So this is the one place with colours of its own, not
 * looked up in the theme: Primer's background and muted text, which ThemeColoursTest checks against the
 * themes' stylesheets, so the frame does not flash when the themed panels replace it.
 */
public final class FirstScreen {
    /** Primer Light's {@code -color-bg-default} and {@code -color-fg-muted}. */
    public static final Palette LIGHT = new Palette("#ffffff", "#57606a");
    /** Primer Dark's. */
    public static final Palette DARK = new Palette("#0d1117", "#8b949e");

    /** A background and a text colour, as CSS writes them. */
    public record Palette(String background, String text) { }

    /** Marks the first screen's root, so that the window's panels know the scene they may take over. */
    private static final String STYLE_CLASS = "first-screen";

    private FirstScreen() { }

    /** Whether {@code stage} shows the first screen now. */
    static boolean isShown(Stage stage) {
        return stage.getScene() != null && stage.getScene().getRoot().getStyleClass().contains(STYLE_CLASS);
    }

    /** Shows {@code stage} with the starting frame; closing it then ends the app (there is nothing to keep yet). */
    public static void show(Stage stage, boolean dark, Texts texts, Settings settings) {
        Text name = new Text("Duplex");
        name.setFont(Font.font(Font.getDefault().getFamily(), 28));
        Text starting = new Text(texts.get("app.starting"));
        Palette palette = dark ? DARK : LIGHT;
        Color muted = Color.web(palette.text());
        name.setFill(muted);
        starting.setFill(muted);
        VBox content = new VBox(8, name, starting);
        content.setAlignment(Pos.CENTER);
        content.getStyleClass().add(STYLE_CLASS);
        content.setBackground(Background.fill(Color.web(palette.background())));
        Scene scene = new Scene(content, settings.windowWidth(), settings.windowHeight());
        scene.setFill(content.getBackground().getFills().get(0).getFill());
        stage.setScene(scene);
        stage.setTitle(texts.get("app.title", Version.get()));
        stage.setOnCloseRequest(event -> Platform.exit());
        stage.show();
    }
}
