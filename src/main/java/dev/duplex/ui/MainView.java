package dev.duplex.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the main window's FXML (which includes the server and client panes) in one language, with
 * controllers that get the shared model through their constructors. Switching language loads it again
 * over the same model, so nothing on screen is lost.
 */
public final class MainView {
    private MainView() { }

    /** One client tab's pane (client.fxml) over its session, with its own frames and handshake views. */
    static Parent loadClientPane(Workbench model, ClientTab session, Texts texts) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("client.fxml"), texts.bundle());
        loader.setControllerFactory(type -> {
            if (type == ClientController.class) return new ClientController(model, session, texts);
            if (type == FramesController.class) return new FramesController();
            if (type == HandshakeController.class) return new HandshakeController();
            throw new IllegalArgumentException("no controller " + type);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the client pane's FXML", e);
        }
    }

    public static Parent load(Workbench model, Texts texts, Consumer<String> languageSwitch) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("main.fxml"), texts.bundle());
        loader.setControllerFactory(type -> {
            if (type == MainController.class) return new MainController(model, texts, languageSwitch);
            if (type == ServerController.class) return new ServerController(model.server(), texts);
            // The frames and handshake views get what they show from their pane, through bind().
            if (type == FramesController.class) return new FramesController();
            if (type == HandshakeController.class) return new HandshakeController();
            throw new IllegalArgumentException("no controller " + type);
        });
        try {
            Parent root = loader.load();
            root.getStylesheets().add(MainView.class.getResource("duplex.css").toExternalForm());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window's FXML", e);
        }
    }
}
