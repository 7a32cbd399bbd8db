package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import dev.duplex.settings.Settings;

/**
 * The window's socket threads run below the FX thread (see {@link Background}): the embedded server's and
 * a client tab's, those the library starts for them included, here with the tab connected to the server.
 */
class NetworkThreadPriorityTest {

    @Test
    void theServersAndTheClientsSocketThreadsRunBelowNormal() throws Exception {
        try (ModelThread fx = new ModelThread()) {
            Settings s = Settings.defaults();
            ServerModel server = fx.call(() -> new ServerModel(s, fx.dispatcher(), Files.createTempDirectory("duplex-data")));
            fx.run(() -> {
                server.portProperty().set("0");
                server.start();
            });
            fx.until(() -> server.stateProperty().get() == ServerState.RUNNING);
            String url = fx.call(() -> server.urlProperty().get());
            ClientTab tab = fx.call(() -> new ClientTab(fx.dispatcher(), new MessageLibrary(), url, true, "", 1_000));
            fx.run(tab::connect);
            fx.until(() -> tab.stateProperty().get() == ClientState.OPEN);
            fx.until(() -> server.clients().rows().size() == 1);

            // The library's threads: the client's reader and writer, the server's selector and workers.
            Map<String, Integer> priorities = new TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("WebSocket")) priorities.put(t.getName(), t.getPriority());
            }
            assertFalse(priorities.isEmpty(), "no socket threads found");
            for (Map.Entry<String, Integer> e : priorities.entrySet()) {
                assertEquals(Thread.MIN_PRIORITY, e.getValue(), e.getKey() + " in " + priorities);
            }
            assertEquals(Thread.NORM_PRIORITY, Thread.currentThread().getPriority(), "the rest keep theirs");

            fx.call(tab::shutdown).get(10, TimeUnit.SECONDS);
            fx.call(server::shutdown).get(10, TimeUnit.SECONDS);
        }
    }
}
