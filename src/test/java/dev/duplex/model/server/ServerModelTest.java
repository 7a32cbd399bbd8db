package dev.duplex.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ModelThread;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.settings.Settings;

/** The server's model without a window, against the JDK's own WebSocket client. */
class ServerModelTest {
    private final ModelThread fx = new ModelThread();
    private ServerModel server;

    @AfterEach
    void close() throws Exception {
        if (server != null) fx.call(server::shutdown).get(10, TimeUnit.SECONDS);
        fx.close();
    }

    private ServerModel newServer() throws Exception {
        Settings s = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "", 1_000, "en", 1200, 800);
        server = fx.call(() -> new ServerModel(s, fx.dispatcher(), Files.createTempDirectory("duplex-data")));
        return server;
    }

    @Test
    void aFormThatDoesNotCheckSaysWhichFieldAndStartsNothing() throws Exception {
        ServerModel m = newServer();
        fx.run(() -> {
            m.portProperty().set("80000");
            m.start();
            assertEquals("form.port", m.noticeProperty().get().key());
            m.portProperty().set("0");
            m.behaviours().replyDelayProperty().set("soon");
            m.start();
            assertEquals("form.replyDelay", m.noticeProperty().get().key());
            assertEquals(ServerState.STOPPED, m.stateProperty().get());
        });
    }

    @Test
    void itServesCountsItsClientsAndTheLabSpeaksFirst() throws Exception {
        ServerModel m = newServer();
        fx.run(m::start);
        fx.until(() -> m.stateProperty().get() == ServerState.RUNNING);
        URI url = URI.create(fx.call(() -> m.urlProperty().get()));
        CompletableFuture<String> pushed = new CompletableFuture<>();
        WebSocket jdk = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                pushed.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        fx.until(() -> m.clients().rows().size() == 1 && m.clientCountProperty().get() == 1);
        fx.run(() -> {
            assertEquals(m.clients().rows().get(0).peer(), m.clients().selectedProperty().get(), "a newcomer is chosen");
            m.lab().pushProperty().set("the server speaks first");
            m.lab().pushToClient();
        });
        assertEquals("the server speaks first", pushed.get(10, TimeUnit.SECONDS));
        fx.until(() -> m.clients().rows().get(0).messagesOutProperty().get() == 1);
        jdk.abort();
        fx.until(() -> m.clients().rows().isEmpty() && m.clientCountProperty().get() == 0);
        fx.run(m::stop);
        fx.until(() -> m.stateProperty().get() == ServerState.STOPPED);
    }

    @Test
    void behavioursApplyOnlyWhenTheyCheck() throws Exception {
        ServerModel m = newServer();
        fx.run(() -> {
            Behaviours b = m.behaviours();
            b.dropEveryProperty().set("3");
            b.apply();
            assertEquals(3, b.inForceProperty().get().dropEvery());
            b.closeAfterCodeProperty().set("1005");
            b.apply();
            assertEquals("form.closeAfterCode", m.noticeProperty().get().key(), "1005 may not be sent in a close frame");
            assertEquals(3, b.inForceProperty().get().dropEvery(), "what was in force stays");
            assertTrue(b.inForceProperty().get() != ServerBehaviour.NORMAL);
        });
    }
}
