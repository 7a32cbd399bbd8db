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

    @Test
    void deflateParametersTypedInTheWindowShapeTheNextAnswer() throws Exception {
        ServerModel m = newServer();
        fx.run(() -> {
            m.deflateProperty().set(true);
            m.deflateParamsProperty().set("client_max_window_bits=1");
            assertEquals("form.deflate", m.noticeProperty().get().key(), "half typed: 1 is not 8 to 15");
            m.deflateParamsProperty().set("client_max_window_bits=10; server_no_context_takeover");
            assertEquals(null, m.noticeProperty().get(), "the mistake is over once the parameters read");
            m.start();
        });
        fx.until(() -> m.stateProperty().get() == ServerState.RUNNING);
        URI url = URI.create(fx.call(() -> m.urlProperty().get()));
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10",
                answeredExtensions(url, "permessage-deflate; client_max_window_bits"));
        fx.run(() -> m.deflateParamsProperty().set("server_max_window_bits=99"));
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10",
                answeredExtensions(url, "permessage-deflate; client_max_window_bits"), "bad text keeps the last good");
        fx.run(() -> m.deflateProperty().set(false));
        assertEquals("", answeredExtensions(url, "permessage-deflate; client_max_window_bits"), "declined when unticked");
    }

    /** The Sec-WebSocket-Extensions of the 101 answer to a hand-written upgrade offering {@code offer}. */
    private static String answeredExtensions(URI url, String offer) throws Exception {
        try (java.net.Socket s = new java.net.Socket(url.getHost(), url.getPort())) {
            s.setSoTimeout(10_000);
            String request = "GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Extensions: " + offer + "\r\n\r\n";
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("HTTP/1.1 101"));
            String extensions = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Sec-WebSocket-Extensions:", 0, 25)) extensions = line.substring(25).strip();
            }
            return extensions;
        }
    }
}
