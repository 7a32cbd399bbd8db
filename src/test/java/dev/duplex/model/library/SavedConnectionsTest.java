package dev.duplex.model.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ModelThread;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.Settings;

/** Saved connections act on the tab that asked, whichever tab is in front. */
class SavedConnectionsTest {
    private final ModelThread fx = new ModelThread();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void savingAndOpeningActOnTheAskingTabNotTheOneInFront() throws Exception {
        Path data = Files.createTempDirectory("duplex-data");
        Settings settings = new Settings("ws://127.0.0.1:1/asking", 0, "127.0.0.1", "", "{message}", true, "", 1_000,
                "en", 1200, 800);
        Workbench w = fx.call(() -> new Workbench(settings, fx.dispatcher(), Files.createTempDirectory("c"), data));
        ClientTab asking = fx.call(() -> w.tabs().get(0));
        ClientTab front = fx.call(() -> {
            asking.options().nameProperty().set("mine");
            asking.options().headersProperty().set("X-Team: blue");
            asking.options().deflateProperty().set(true);
            asking.options().deflateParamsProperty().set("client_max_window_bits=9");
            asking.rules().textProperty().set("{\"onOpen\": [\"hi\"]}");
            asking.rules().environmentProperty().set("staging");
            ClientTab other = w.addTab();
            other.urlProperty().set("ws://127.0.0.1:2/front");
            other.options().nameProperty().set("not mine");
            w.connections().save(asking);
            return other;
        });
        assertSame(front, fx.call(() -> w.selectedTabProperty().get()));
        fx.until(() -> asking.noticeProperty().get() != null && asking.noticeProperty().get().key().equals("connections.saved"));
        assertEquals(null, fx.call(() -> front.noticeProperty().get()), "the tab in front was not told anything");
        var onDisk = new ConnectionStore(data).load().connections();
        assertEquals(1, onDisk.size());
        assertEquals("ws://127.0.0.1:1/asking", onDisk.get(0).url());
        assertEquals("mine", onDisk.get(0).name());
        assertEquals(java.util.List.of("X-Team: blue"), onDisk.get(0).headers());
        assertEquals("client_max_window_bits=9", onDisk.get(0).deflateParams());
        assertEquals("{\"onOpen\": [\"hi\"]}", onDisk.get(0).rules(), "the rules are saved with the connection");
        assertEquals("staging", onDisk.get(0).environment(), "and the environment chosen");

        fx.run(() -> {
            asking.urlProperty().set("ws://elsewhere:9/");
            asking.options().deflateParamsProperty().set("");
            asking.rules().textProperty().set("");
            asking.rules().environmentProperty().set("");
            w.connections().open(w.connections().all().get(0), asking);
            assertEquals("ws://127.0.0.1:1/asking", asking.urlProperty().get());
            assertEquals("client_max_window_bits=9", asking.options().deflateParamsProperty().get());
            assertEquals("{\"onOpen\": [\"hi\"]}", asking.rules().textProperty().get());
            assertEquals("staging", asking.rules().environmentProperty().get());
            assertEquals("ws://127.0.0.1:2/front", front.urlProperty().get(), "the tab in front is left as it was");
        });
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theProtocolIsSavedWithTheConnectionAndItsSecretsOnlyWhenAskedFor() throws Exception {
        Path data = Files.createTempDirectory("duplex-data");
        Settings settings = new Settings("ws://127.0.0.1:1/broker", 0, "127.0.0.1", "", "{message}", true, "", 1_000,
                "en", 1200, 800);
        Workbench w = fx.call(() -> new Workbench(settings, fx.dispatcher(), Files.createTempDirectory("c"), data));
        ClientTab tab = fx.call(() -> w.tabs().get(0));
        String init = "{\"authToken\": \"abc\", \"client\": \"duplex\"}";
        fx.run(() -> {
            tab.options().nameProperty().set("broker");
            tab.decoding().protocolProperty().set("stomp");
            tab.decoding().heartbeatProperty().set(false);
            tab.decoding().loginProperty().set("guest");
            tab.decoding().passwordProperty().set("s3cret 你好");
            tab.decoding().connectionInitProperty().set(init);
            tab.decoding().virtualHostProperty().set("duplex-vh");
            tab.decoding().willProperty().set("qos=1 duplex/status gone");
            w.connections().save(tab);
        });
        fx.until(() -> tab.noticeProperty().get() != null && tab.noticeProperty().get().key().equals("connections.savedWithoutSecrets"));
        assertEquals("2", fx.call(() -> String.valueOf(tab.noticeProperty().get().args().get(1))),
                "the password and the payload with a token were left out");
        var withoutSecrets = new ConnectionStore(data).load().connections().get(0).protocol();
        assertEquals(new dev.duplex.settings.SavedProtocol("stomp", false, "guest", "", "", "duplex-vh", "qos=1 duplex/status gone"), withoutSecrets);

        fx.run(() -> {
            tab.options().saveSecretsProperty().set(true);
            w.connections().save(tab);
        });
        fx.until(() -> tab.noticeProperty().get() != null && tab.noticeProperty().get().key().equals("connections.saved"));
        var withSecrets = new ConnectionStore(data).load().connections().get(0).protocol();
        assertEquals(new dev.duplex.settings.SavedProtocol("stomp", false, "guest", "s3cret 你好", init, "duplex-vh", "qos=1 duplex/status gone"), withSecrets);

        fx.run(() -> {
            tab.decoding().protocolProperty().set("");
            tab.decoding().heartbeatProperty().set(true);
            tab.decoding().loginProperty().set("");
            tab.decoding().passwordProperty().set("");
            tab.decoding().connectionInitProperty().set("");
            tab.decoding().virtualHostProperty().set("");
            tab.decoding().willProperty().set("");
            w.connections().open(w.connections().all().get(0), tab);
            assertEquals("stomp", tab.decoding().protocolProperty().get());
            assertEquals(false, tab.decoding().heartbeatProperty().get());
            assertEquals("guest", tab.decoding().loginProperty().get());
            assertEquals("s3cret 你好", tab.decoding().passwordProperty().get());
            assertEquals(init, tab.decoding().connectionInitProperty().get());
            assertEquals("duplex-vh", tab.decoding().virtualHostProperty().get());
            assertEquals("qos=1 duplex/status gone", tab.decoding().willProperty().get());
        });
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
    }
}
