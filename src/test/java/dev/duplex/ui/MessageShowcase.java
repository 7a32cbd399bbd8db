package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.net.WsEvent;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Not a test: a client tab that has sent 60 JSON messages to the embedded echo server, with a reply chosen in
 * the log and shown in the message view's tree, searched for a key, to look at by eye under Xvfb. Arguments:
 * light|dark, en|zh, and {@code cbor} for binary CBOR messages (the reading bar, a CBOR tree). Its title ends in
 * "(shown)" once the message is chosen.
 */
public final class MessageShowcase extends Application {
    private static final int MESSAGES = 60;

    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        ThemeChoice theme = ThemeChoice.kept(args.isEmpty() ? "light" : args.get(0));
        String language = args.size() > 1 ? args.get(1) : "en";
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "/chat", "{message}",
                true, "", Settings.DEFAULT_LOG_CAP, language, 1360, 860, theme);
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();
        ClientTab tab = model.selectedTabProperty().get();
        model.server().urlProperty().addListener((obs, before, url) -> {
            if (url == null || url.isEmpty()) return;
            tab.urlProperty().set(url);
            tab.connect();
        });
        tab.stateProperty().addListener((obs, before, now) -> {
            if (now != ClientState.OPEN) return;
            if (args.contains("cbor")) tab.composer().modeProperty().set(dev.duplex.protocol.MessageMode.HEX);
            for (int i = 1; i <= MESSAGES; i++) {
                if (args.contains("cbor")) {
                    // {"order": i, "items": [{"sku": "A-1", "qty": 2}], "paid": true}, as CBOR (RFC 8949) by hand.
                    tab.composer().textProperty().set(String.format("a3 65 6f 72 64 65 72 %02x 65 69 74 65 6d 73 81 a2"
                            + " 63 73 6b 75 63 41 2d 31 63 71 74 79 02 64 70 61 69 64 f5", i % 24));
                    tab.send();
                    continue;
                }
                tab.composer().textProperty().set("{\"order\":" + i + ",\"customer\":{\"name\":\"Zoë 张\",\"tier\":\"gold\"},"
                        + "\"items\":[{\"sku\":\"A-" + i + "\",\"qty\":2,\"price\":9.5},{\"sku\":\"B-7\",\"qty\":1,\"price\":120}],"
                        + "\"paid\":" + (i % 2 == 0) + ",\"note\":null}");
                tab.send();
            }
            choose(stage);
        });
        model.server().start();
    }

    /** Chooses the last reply once it is in the log, and searches its tree for "sku". */
    private static void choose(Stage stage) {
        @SuppressWarnings("unchecked")
        ListView<WsEvent> log = (ListView<WsEvent>) stage.getScene().lookup(".client-pane #logView");
        long received = log.getItems().stream().filter(WsEvent.Received.class::isInstance).count();
        if (received < MESSAGES) {
            Platform.runLater(() -> choose(stage));
            return;
        }
        for (int i = log.getItems().size() - 1; i >= 0; i--) {
            if (log.getItems().get(i) instanceof WsEvent.Received) {
                log.getSelectionModel().clearAndSelect(i);
                break;
            }
        }
        Platform.runLater(() -> {
            ((TextField) stage.getScene().lookup(".client-pane #findField")).setText("sku");
            ((javafx.scene.control.Button) stage.getScene().lookup(".client-pane #findButton")).fire();
            stage.setTitle(stage.getTitle() + " (shown)");
        });
    }

    /** The JDK's launcher refuses a main class that extends Application when JavaFX is on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(MessageShowcase.class, args);
        }
    }
}
