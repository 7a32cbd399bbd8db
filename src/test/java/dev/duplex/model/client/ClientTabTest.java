package dev.duplex.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ModelThread;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

/** One client tab without a window, against the lab server on loopback. */
class ClientTabTest {
    private final ModelThread fx = new ModelThread();
    private final LabServer server = new LabServer(event -> { });
    private ClientTab tab;

    @AfterEach
    void close() throws Exception {
        if (tab != null) fx.call(tab::shutdown).get(10, TimeUnit.SECONDS);
        server.stop();
        fx.close();
    }

    private ClientTab newTab(String url) throws Exception {
        tab = fx.call(() -> new ClientTab(fx.dispatcher(), new MessageLibrary(), url, true, "", 1_000));
        return tab;
    }

    @Test
    void badInputIsSaidAndNothingConnects() throws Exception {
        ClientTab t = newTab("http://127.0.0.1:8080/");
        fx.run(() -> {
            t.connect();
            assertEquals("url.scheme", t.noticeProperty().get().key());
            assertEquals("ws://127.0.0.1:8080/", t.noticeProperty().get().args().get(0), "the corrected URL is offered");
            t.urlProperty().set("ws://127.0.0.1:1/");
            t.options().headersProperty().set("no colon here");
            t.connect();
            assertEquals("form.header", t.noticeProperty().get().key());
            t.send();
            assertEquals("form.notOpen", t.noticeProperty().get().key());
            assertEquals(ClientState.DISCONNECTED, t.stateProperty().get());
        });
    }

    @Test
    void connectSendsTheComposerAndTheEchoComesBackInTheLogAndFrames() throws Exception {
        server.start(ServerConfig.defaults().withPort(0));
        ClientTab t = newTab(server.url().toString());
        fx.run(t::connect);
        fx.until(() -> t.stateProperty().get() == ClientState.OPEN);
        fx.run(() -> {
            t.composer().textProperty().set("hello tab");
            t.send();
        });
        fx.until(() -> t.log().events().stream().anyMatch(e -> e instanceof WsEvent.Received r
                && r.payload().text().equals("hello tab")));
        fx.run(() -> {
            assertTrue(t.wire().totals().inFrames() >= 1);
            assertTrue(t.wire().handshakeProperty().get() != null, "the handshake view has the upgrade");
            t.disconnect();
        });
        fx.until(() -> t.stateProperty().get() == ClientState.DISCONNECTED);
        WsEvent.Closed closed = fx.call(() -> (WsEvent.Closed) t.log().events().stream()
                .filter(e -> e instanceof WsEvent.Closed).findFirst().orElseThrow());
        assertEquals(1000, closed.code());
    }
}
