package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.settings.Settings;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Not a test: the window's Proxy pane in use, to look at it by eye under Xvfb. The proxy runs in front of
 * the window's own embedded server, with a rewrite rule, and the first client tab talks through it.
 * Arguments: en|zh, and optionally the pair's tab to show (1 handshakes, 2 frames) or {@code hold} to pause on
 * every message, and {@code dark} for the dark theme.
 */
public final class ProxyShowcase extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        String language = args.isEmpty() ? "en" : args.get(0);
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "",
                Settings.DEFAULT_LOG_CAP, language, 1360, 860,
                dev.duplex.settings.ThemeChoice.kept(args.contains("dark") ? "dark" : "light"));
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();
        ((TabPane) stage.getScene().lookup("#sideTabs")).getSelectionModel().select(1);
        ProxyModel proxy = model.proxy();
        if (args.contains("hold")) {
            // Every message held: the interception panel with its queue and the first one in the editor.
            stage.getScene().getRoot().applyCss(); // the skins that hold the split panes' items
            ((TabPane) stage.getScene().lookup("#pairTabs")).getSelectionModel().select(3);
            proxy.interceptor().pauseProperty().set(dev.duplex.model.proxy.Interceptor.Pause.ALL);
            // The same once the four messages are held.
            proxy.interceptor().heldCountProperty().addListener((o, a, n) -> {
                if (n.intValue() >= 4) stage.setTitle("held");
            });
        }
        ClientTab tab = model.tabs().get(0);
        model.server().urlProperty().addListener((obs, before, url) -> {
            if (url == null || url.isEmpty()) return;
            proxy.upstreamProperty().set(url);
            proxy.rewritesProperty().set("up:secret=>public");
            proxy.start();
        });
        proxy.urlProperty().addListener((obs, before, url) -> {
            if (url == null || url.isEmpty()) return;
            tab.urlProperty().set(url + "chat?room=7");
            tab.connect();
        });
        // For screenshot.sh's WINDOW_NAME=held: the title says so once the four messages came back.
        proxy.pairs().addListener((javafx.collections.ListChangeListener<dev.duplex.model.proxy.ProxyPair>) c ->
                proxy.pairs().get(0).messagesDownProperty().addListener((o, a, n) -> {
                    if (n.intValue() >= 4) stage.setTitle("held");
                }));
        tab.stateProperty().addListener((obs, before, now) -> {
            if (now != ClientState.OPEN) return;
            for (String text : new String[] {"hello through Duplex", "my secret word", "{\"to\":\"room 7\",\"text\":\"你好\"}", "bye"}) {
                tab.composer().textProperty().set(text);
                tab.send();
            }
            if (args.size() > 1 && args.get(1).matches("\\d")) {
                ((TabPane) stage.getScene().lookup("#pairTabs")).getSelectionModel().select(Integer.parseInt(args.get(1)));
            }
        });
        model.server().start();
    }

    /** The JDK's launcher refuses a main class that extends Application when JavaFX is on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(ProxyShowcase.class, args);
        }
    }
}
