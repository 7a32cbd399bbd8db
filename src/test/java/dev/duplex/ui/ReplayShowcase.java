package dev.duplex.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.model.replay.ReplayModel;
import dev.duplex.model.replay.ReplayState;
import dev.duplex.replay.Timing;
import dev.duplex.settings.Settings;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Not a test: the window with a Replay tab that has replayed a recording against the embedded server, with
 * every verdict in it (same, different with the part marked, missing, extra), to look at it by eye under
 * Xvfb in either theme and language. Arguments: light|dark, en|zh. Its title ends in "(replayed)" once the
 * replay is over.
 */
public final class ReplayShowcase extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        ThemeChoice theme = ThemeChoice.kept(args.isEmpty() ? "light" : args.get(0));
        String language = args.size() > 1 ? args.get(1) : "en";
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "/chat", "Received: {message}",
                true, "", Settings.DEFAULT_LOG_CAP, language, 1360, 860, theme);
        Workbench model = new Workbench(settings, new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex-shot"),
                Files.createTempDirectory("duplex-shot-data"));
        new DuplexWindow(stage, model, settings).show();
        Path file = Files.createTempDirectory("duplex-shot-replay").resolve("checkout.jsonl");
        Files.writeString(file, recording(), StandardCharsets.UTF_8);

        ReplayModel replay = model.openReplay();
        replay.timingProperty().set(Timing.FAST);
        replay.waitMsProperty().set("300");
        replay.stateProperty().addListener((obs, before, now) -> {
            if (before == ReplayState.READING && now == ReplayState.READY) {
                replay.urlProperty().set(model.server().urlProperty().get());
                replay.start();
            } else if (before == ReplayState.RUNNING && now == ReplayState.READY) {
                // For screenshot.sh: WINDOW_NAME=replayed waits for the end.
                stage.setTitle(stage.getTitle() + " (replayed)");
            }
        });
        model.server().urlProperty().addListener((obs, before, url) -> {
            if (url != null && !url.isEmpty()) replay.open(file);
        });
        model.server().start();
    }

    /** A session as if recorded against a server that answered "Received: …", two replies changed, one
     * that no longer comes, and none recorded for the last message (the reply to it is extra). */
    private static String recording() {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"handshake\",\"url\":\"ws://shop.example:8080/chat\",\"time\":null,"
                + "\"request\":null,\"response\":null}");
        String[][] talk = {{"out", "hello"}, {"in", "Received: hello"}, {"out", "你好 Zoë"}, {"in", "Received: 你好 Zoe"},
                {"out", "{\"cart\":[1,2,3],\"total\":42}"}, {"in", "Received: {\"cart\":[1,2,3],\"total\":41}"},
                {"in", "tick"}, {"out", "bye"}};
        int ms = 100;
        for (String[] m : talk) {
            ms += 50;
            int length = m[1].getBytes(StandardCharsets.UTF_8).length;
            lines.add("{\"type\":\"frame\",\"time\":\"2026-01-01T00:00:00." + ms + "Z\",\"direction\":\"" + m[0]
                    + "\",\"opcode\":1,\"opcodeName\":\"text\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,"
                    + "\"masked\":false,\"maskKey\":null,\"payloadLength\":" + length + ",\"wireLength\":" + (length + 2)
                    + ",\"text\":"
                    + "\"" + m[1].replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + "}");
        }
        return String.join("\n", lines) + "\n";
    }

    /** The JDK's launcher refuses a main class that extends Application when JavaFX is on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(ReplayShowcase.class, args);
        }
    }
}
