package dev.duplex.ui;

import java.nio.file.Files;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * Not a test: the window with a client tab's connection options unfolded and its client certificate fields
 * filled, to look at them by eye under Xvfb. Arguments: light|dark, en|zh. Run it by its {@code main} (not
 * an Application itself, so that JavaFX may come from the class path).
 */
public final class ClientCertificateShowcase {
    private ClientCertificateShowcase() { }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            var args = getParameters().getRaw();
            ThemeChoice theme = ThemeChoice.kept(args.isEmpty() ? "light" : args.get(0));
            String language = args.size() > 1 ? args.get(1) : "en";
            Settings settings = new Settings("wss://api.internal.example/ws", 0, "127.0.0.1", "/chat", "Received: {message}",
                    true, "", Settings.DEFAULT_LOG_CAP, language, 1360, 900, theme);
            Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()),
                    Files.createTempDirectory("duplex-shot"), Files.createTempDirectory("duplex-shot-data"));
            new DuplexWindow(stage, model, settings).show();
            ClientTab tab = model.selectedTabProperty().get();
            tab.options().clientCertProperty().set("/home/me/certs/me-chain.pem");
            tab.options().clientKeyProperty().set("/home/me/certs/me.key");
            tab.options().clientCertPasswordProperty().set("secret");
            tab.options().caFileProperty().set("/home/me/certs/company-ca.pem");
            Platform.runLater(() -> {
                if (stage.getScene().lookup("#optionsPane") instanceof TitledPane pane) pane.setExpanded(true);
            });
        }
    }
}
