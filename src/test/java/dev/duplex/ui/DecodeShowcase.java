package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.NodeSocketIoServer;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * Not a test: a client tab speaking Socket.IO to npm's socket.io server (started here), its Application
 * protocol panel open, an /emit typed and answered, to look at by eye under Xvfb. Arguments: light|dark,
 * en|zh. Its title ends in "(spoken)" once the server's answer to the emit is in the log.
 */
public final class DecodeShowcase extends Application {
    private NodeSocketIoServer server;

    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        ThemeChoice theme = ThemeChoice.kept(args.isEmpty() ? "light" : args.get(0));
        String language = args.size() > 1 ? args.get(1) : "en";
        server = NodeSocketIoServer.start(5000, 20000);
        Settings settings = new Settings(server.address().toString(), 0, "127.0.0.1", "/chat", "Received: {message}",
                true, "", Settings.DEFAULT_LOG_CAP, language, 1360, 860, theme);
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();
        ClientTab tab = model.selectedTabProperty().get();
        ((TitledPane) stage.getScene().lookup(".client-pane #decodePane")).setExpanded(true);
        tab.decoding().protocolProperty().set("socket.io");
        boolean[] emitted = {false};
        tab.log().events().addListener((javafx.collections.ListChangeListener<WsEvent>) change -> {
            // Emitted once the namespace is joined: socket.io ends a session that emits before.
            boolean joined = tab.log().events().stream().anyMatch(e -> e instanceof WsEvent.Meant m
                    && m.line().key().equals("decode.sio.connected"));
            if (joined && !emitted[0]) {
                emitted[0] = true;
                javafx.application.Platform.runLater(() -> {
                    tab.composer().textProperty().set("/emit chat \"你好, Socket.IO\" {\"room\":\"lobby\"}");
                    tab.send();
                });
            }
            boolean answered = tab.log().events().stream().anyMatch(e -> e instanceof WsEvent.Received r
                    && !r.payload().isBinary() && r.payload().text().startsWith("42[\"chat\""));
            if (answered && !stage.getTitle().endsWith("(spoken)")) stage.setTitle(stage.getTitle() + " (spoken)");
        });
        tab.connect();
    }

    @Override
    public void stop() {
        if (server != null) server.close();
    }

    /** The JDK's launcher refuses a main class that extends Application when JavaFX is on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(DecodeShowcase.class, args);
        }
    }
}
