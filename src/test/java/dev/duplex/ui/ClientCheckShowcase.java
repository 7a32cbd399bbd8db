package dev.duplex.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.clientcheck.ClientCheckModel;
import dev.duplex.settings.Settings;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * Not a test: the server pane's Check a client after the JDK's WebSocket client has run 20 cases, to look at
 * by eye under Xvfb. Arguments: en|zh, and {@code dark} for the dark theme. The title ends in "(checked)".
 */
public final class ClientCheckShowcase extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        String language = args.isEmpty() ? "en" : args.get(0);
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "",
                Settings.DEFAULT_LOG_CAP, language, 1360, 900,
                dev.duplex.settings.ThemeChoice.kept(args.contains("dark") ? "dark" : "light"));
        java.nio.file.Path data = Files.createTempDirectory("duplex-shot-data");
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"), data);
        // "tls": the server pane set to wss://, and the client trusting Duplex's own certificate by its fingerprint.
        boolean tls = args.contains("tls");
        if (tls) model.server().tlsProperty().set(true);
        javax.net.ssl.SSLContext trust = tls ? dev.duplex.tls.TlsContexts.client(java.util.List.of(
                dev.duplex.settings.ServerCertificates.ownIn(data).fingerprint())) : null;
        new DuplexWindow(stage, model, settings).show();
        ((TitledPane) stage.getScene().lookup("#clientCheckPane")).setExpanded(true);
        ClientCheckModel check = model.clientCheck();
        check.onProperty().addListener((o, was, on) -> {
            if (!on) return;
            URI cases = URI.create(check.checkUrlProperty().get());
            CompletableFuture.runAsync(() -> {
                HttpClient http = trust == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(trust).build();
                for (int i = 0; i < 20; i++) {
                    CompletableFuture<Void> ended = new CompletableFuture<>();
                    http.newWebSocketBuilder().buildAsync(cases, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                            ended.complete(null);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket ws, Throwable error) {
                            ended.complete(null);
                        }
                    }).whenComplete((ws, e) -> {
                        if (e != null) ended.complete(null);
                    });
                    try {
                        ended.get(5, TimeUnit.SECONDS);
                    } catch (Exception timedOut) {
                        // the case's own bound ends it on the server's side
                    }
                }
                Platform.runLater(() -> stage.setTitle(stage.getTitle() + " (checked)"));
            });
        });
        check.turnOn();
    }

    /** The entry point for a class path run: a main class that is an Application needs JavaFX as modules. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(ClientCheckShowcase.class, args);
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
