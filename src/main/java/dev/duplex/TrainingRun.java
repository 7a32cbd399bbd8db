package dev.duplex;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A scripted first use, run once at build time by the installer profile (system property
 * {@code duplex.training=true}): the JVM lists every class it loads while the window opens, the
 * embedded server starts, the client connects, sends a message, gets the echo, disconnects and the
 * window closes. That list becomes the class-data-sharing archive shipped in the image and installers,
 * so a user's first window paints without parsing those classes again.
 *
 * <p>It drives the same intents a user's clicks do and closes the window through its close request, so
 * the shutdown path is in the archive too. Nothing here waits: each step follows a state change.
 */
final class TrainingRun {
    private TrainingRun() { }

    static void start(Workbench model, Stage stage) {
        ClientTab tab = model.tabs().get(0);
        ServerModel server = model.server();
        ChangeListener<ClientState> client = (obs, before, now) -> {
            if (now == ClientState.OPEN) {
                tab.composer().textProperty().set("你好 Duplex");
                tab.send();
            } else if (now == ClientState.DISCONNECTED) {
                // Closed after the echo, or could not connect: either way the run ends, so a build
                // never hangs on it.
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        };
        tab.stateProperty().addListener(client);
        // The echo came back: the client's inbound frame count moved past zero.
        tab.wire().totals().changed().addListener((obs, before, now) -> {
            if (tab.wire().totals().inFrames() > 0 && tab.stateProperty().get() == ClientState.OPEN) {
                tab.disconnect();
            }
        });
        // The server's URL is known once it listens: aim the client there and connect.
        server.urlProperty().addListener((obs, before, now) -> {
            if (now == null || now.isEmpty()) return;
            tab.urlProperty().set(now);
            tab.connect();
        });
        server.stateProperty().addListener((obs, before, now) -> {
            if (now == ServerState.STOPPED && before == ServerState.STARTING) {
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }
}
