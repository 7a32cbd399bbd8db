package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Not a test: the window with a long conversation in it (sent and received lines, a behaviour's ~ lines, an
 * error, the yellow warning), to look at a theme by eye under Xvfb and to take the README's screenshots.
 * Arguments: light|dark, en|zh, and optionally the title of a tab to show in each pane (Frames, Handshake…), or
 * {@code burst} for the burst pane running; {@code deflate} anywhere after them compresses the conversation, {@code rules} runs rules on it (in the environment local), {@code environments} unfolds their editor.
 */
public final class ThemeShowcase extends Application {
    private static final int MESSAGES = 120;

    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        ThemeChoice theme = ThemeChoice.kept(args.isEmpty() ? "light" : args.get(0));
        String language = args.size() > 1 ? args.get(1) : "en";
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "0.0.0.0", "/shiming", "我已经收到消息 Received:{message}",
                true, "", Settings.DEFAULT_LOG_CAP, language, 1360, 860, theme);
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();

        // A behaviour that acts now and then: its orange ~ lines among the echoes.
        model.server().behaviours().dropEveryProperty().set("9");
        model.server().behaviours().apply();
        ClientTab tab = model.tabs().get(0);
        if (args.contains("rules")) {
            // Rules that mark every tenth echo and assert on the Chinese ones: their lines among the messages.
            tab.rules().textProperty().set("""
                    {"rules": [{"name": "tenth", "when": {"regex": "uplex ([0-9]*0)$"}, "then": [{"mark": "the {{1}}th"}]},
                               {"name": "zh", "when": {"contains": "你好"}, "then": [{"assert": {"regex": "[05]$"}}]}]}""");
            model.environments().textProperty().set("local: {host: 127.0.0.1, user: ana}\nstaging: {host: staging.example.com, user: bob}\n");
            model.environments().save();
            tab.rules().environmentProperty().set("local");
        }
        if (args.contains("deflate")) {
            model.server().deflateProperty().set(true);
            tab.options().deflateProperty().set(true);
        }
        int[] sent = {0};
        Runnable sendNext = () -> {
            int n = ++sent[0];
            tab.composer().textProperty().set(n % 5 == 0 ? "你好 Duplex " + n : "hello duplex " + n);
            tab.send();
        };
        // One at a time, the next on each frame back (or dropped: every 9th gets none, so send two then).
        tab.wire().totals().changed().addListener((obs, before, now) -> {
            if (sent[0] < MESSAGES && tab.stateProperty().get() == ClientState.OPEN) {
                sendNext.run();
                if (sent[0] % 9 == 8 && sent[0] < MESSAGES) sendNext.run();
            }
        });
        tab.stateProperty().addListener((obs, before, now) -> {
            if (now != ClientState.OPEN) return;
            sendNext.run();
            // A second tab that cannot connect: its onerror line, and the tab strip with two connections.
            ClientTab refused = model.addTab();
            refused.urlProperty().set("ws://127.0.0.1:1/");
            refused.connect();
            refused.stateProperty().addListener((o, b, state) -> {
                if (state == ClientState.DISCONNECTED) model.selectedTabProperty().set(tab);
            });
        });
        model.server().urlProperty().addListener((obs, before, url) -> {
            if (url == null || url.isEmpty()) return;
            tab.urlProperty().set(url.replace("0.0.0.0", "127.0.0.1"));
            tab.connect();
        });
        model.server().start();
        if (args.contains("burst")) {
            // A burst running through the same connection: its numbers and chart (unfold its pane to see them).
            tab.stateProperty().addListener((obs, before, now) -> {
                if (now != ClientState.OPEN) return;
                tab.burst().countProperty().set("400");
                tab.burst().everyProperty().set("20");
                tab.burst().start();
            });
        } else if (args.size() > 2) {
            // Once the conversation is over: the asked-for tab in front in both panes.
            tab.wire().totals().changed().addListener((obs, before, now) -> {
                if (sent[0] < MESSAGES) return;
                for (var node : stage.getScene().getRoot().lookupAll(".tab-pane")) {
                    var pane = (javafx.scene.control.TabPane) node;
                    pane.getTabs().stream().filter(t -> args.get(2).equals(t.getText())).findFirst()
                            .ifPresent(t -> pane.getSelectionModel().select(t));
                }
                // "frame": the last frame that came in chosen in each Frames table, its message beside its bytes.
                if (args.contains("frame")) {
                    javafx.application.Platform.runLater(() -> {
                        for (var node : stage.getScene().getRoot().lookupAll(".frames-table")) {
                            @SuppressWarnings("unchecked")
                            var table = (javafx.scene.control.TableView<dev.duplex.net.WsEvent>) node;
                            for (int i = table.getItems().size() - 1; i >= 0; i--) {
                                if (table.getItems().get(i) instanceof dev.duplex.net.WsEvent.Frame f && f.frame().inbound()) {
                                    table.getSelectionModel().clearAndSelect(i);
                                    break;
                                }
                            }
                        }
                    });
                }
                // "decode": the Application protocol panel unfolded, STOMP chosen with a login and a virtual host.
                if (args.contains("decode")) {
                    tab.decoding().protocolProperty().set("stomp");
                    tab.decoding().virtualHostProperty().set("duplex-vh");
                    tab.decoding().willProperty().set("qos=1 retain devices/42/status offline");
                    tab.decoding().loginProperty().set("duplex");
                    tab.decoding().passwordProperty().set("secret");
                    stage.getScene().getRoot().lookupAll("#decodePane")
                            .forEach(p -> ((javafx.scene.control.TitledPane) p).setExpanded(true));
                }
                // "environments": the editor of the Rules tab unfolded (the tab is loaded once selected, above).
                if (args.contains("environments")) {
                    javafx.application.Platform.runLater(() -> stage.getScene().getRoot().lookupAll("#editEnvironments")
                            .forEach(b -> ((javafx.scene.control.ToggleButton) b).setSelected(true)));
                }
                // No window manager draws a title under Xvfb: screenshot.sh's WINDOW_NAME=ready waits for this.
                stage.setTitle("ready");
            });
        }
    }

    /** The JDK's launcher refuses a main class that extends Application when JavaFX is on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(ThemeShowcase.class, args);
        }
    }
}
