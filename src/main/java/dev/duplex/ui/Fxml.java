package dev.duplex.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.function.Consumer;

import dev.duplex.i18n.Texts;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;
import javafx.util.Subscription;

/**
 * Loads one FXML view in one language, its controllers (and those of the views it includes) made by the
 * given factory. The one place the window's views are loaded, so that a test can see every controller made.
 */
public final class Fxml {
    /** What a load gave: the view's root and its own controller. */
    public record Loaded<C>(Parent root, C controller) { }

    private static volatile Consumer<Object> watcher = controller -> { };

    private Fxml() { }

    /** One of our views by its path under {@code dev/duplex/ui/}, such as {@code "options/options.fxml"}. */
    public static URL view(String path) {
        return Fxml.class.getResource("/dev/duplex/ui/" + path);
    }

    public static <C> Loaded<C> load(URL fxml, Texts texts, Callback<Class<?>, Object> controllers) {
        Objects.requireNonNull(fxml, "no such FXML");
        FXMLLoader loader = new FXMLLoader(fxml, texts.bundle());
        loader.setControllerFactory(type -> {
            Object controller = controllers.call(type);
            watcher.accept(controller);
            return controller;
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the view " + fxml, e);
        }
    }

    /**
     * Tells {@code onMade} of every controller made from now on, until the subscription ends: for the window
     * test that checks that views which went are let go.
     */
    static Subscription watch(Consumer<Object> onMade) {
        watcher = onMade;
        return () -> watcher = controller -> { };
    }
}
