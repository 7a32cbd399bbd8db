package dev.duplex.ui;

import java.util.function.Consumer;

import dev.duplex.i18n.Texts;
import dev.duplex.model.ClientSession;
import dev.duplex.model.ConnectionModel;
import javafx.scene.Parent;

/**
 * Loads the main window's FXML (which includes the server and client panes) in one language, with
 * controllers that get the shared model through their constructors. Switching language loads it again
 * over the same model, so nothing on screen is lost.
 */
public final class MainView {
    private MainView() { }

    /** One client tab's pane (client.fxml) over its session, with its own frames and handshake views. */
    static Parent loadClientPane(ConnectionModel model, ClientSession session, Texts texts) {
        return Fxml.load(MainView.class.getResource("client.fxml"), texts, type -> {
            if (type == ClientController.class) return new ClientController(model, session, texts);
            if (type == FramesController.class) return new FramesController();
            if (type == HandshakeController.class) return new HandshakeController();
            throw new IllegalArgumentException("no controller " + type);
        }).root();
    }

    public static Parent load(ConnectionModel model, Texts texts, Consumer<String> languageSwitch) {
        Parent root = Fxml.load(MainView.class.getResource("main.fxml"), texts, type -> {
            if (type == MainController.class) return new MainController(model, texts, languageSwitch);
            if (type == ServerController.class) return new ServerController(model, texts);
            // The frames and handshake views get what they show from their pane, through bind().
            if (type == FramesController.class) return new FramesController();
            if (type == HandshakeController.class) return new HandshakeController();
            throw new IllegalArgumentException("no controller " + type);
        }).root();
        root.getStylesheets().add(MainView.class.getResource("duplex.css").toExternalForm());
        return root;
    }
}
