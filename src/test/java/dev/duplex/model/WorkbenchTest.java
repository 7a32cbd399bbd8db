package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;

/** The workbench without a window: tabs, the app's message library kept across runs, first use, shutdown. */
class WorkbenchTest {
    private final ModelThread fx = new ModelThread();

    @AfterEach
    void close() {
        fx.close();
    }

    private static Settings settings() {
        return new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "", 1_000, "en", 1200, 800);
    }

    /**
     * The bug: the window restored saved messages and history into the first tab and saved those of the
     * tab in front, so with a second tab in front what the first had saved was lost at exit.
     */
    @Test
    void savedMessagesAndHistoryBelongToTheAppNotToTheTabInFront() throws Exception {
        Path config = Files.createTempDirectory("duplex-config");
        Path data = Files.createTempDirectory("duplex-data");
        Workbench first = fx.call(() -> new Workbench(settings(), fx.dispatcher(), config, data));
        fx.run(() -> {
            ClientTab one = first.tabs().get(0);
            one.composer().textProperty().set("kept by the first tab");
            one.composer().save("greeting");
            ClientTab two = first.addTab();
            assertSame(two, first.selectedTabProperty().get());
            assertEquals("greeting", two.composer().saved().get(0).name(), "every tab shows the one library");
        });
        fx.call(() -> first.saveAndShutdown(1000, 700)).get(10, TimeUnit.SECONDS);

        Workbench again = fx.call(() -> new Workbench(new SettingsStore(config).load().settings(), fx.dispatcher(),
                config, data));
        fx.run(() -> {
            assertEquals(1, again.library().saved().size());
            assertEquals("kept by the first tab", again.library().saved().get(0).text());
            assertEquals("greeting", again.tabs().get(0).composer().saved().get(0).name());
        });
        fx.call(again::shutdown).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theLastTabStaysAndClosingTheFrontOneBringsItsNeighbour() throws Exception {
        Workbench w = fx.call(() -> new Workbench(settings(), fx.dispatcher(), Files.createTempDirectory("c"),
                Files.createTempDirectory("d")));
        fx.run(() -> {
            ClientTab one = w.tabs().get(0);
            w.closeTab(one);
            assertEquals(1, w.tabs().size(), "the last tab stays");
            ClientTab two = w.addTab();
            ClientTab three = w.addTab();
            w.closeTab(three);
            assertSame(two, w.selectedTabProperty().get());
            assertEquals(2, w.tabs().size());
        });
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
    }

    @Test
    void firstUseStartsTheServerAndAimsTheFirstTabAtIt() throws Exception {
        Workbench w = fx.call(() -> new Workbench(settings(), fx.dispatcher(), Files.createTempDirectory("c"),
                Files.createTempDirectory("d")));
        fx.run(w::startForFirstUse);
        fx.until(() -> w.server().stateProperty().get() == ServerState.RUNNING
                && w.tabs().get(0).urlProperty().get().equals(w.server().urlProperty().get()));
        fx.run(() -> w.tabs().get(0).connect());
        fx.until(() -> w.tabs().get(0).stateProperty().get() == ClientState.OPEN);
        fx.run(() -> {
            ClientTab aimed = w.addTab();
            assertEquals(w.server().urlProperty().get(), aimed.urlProperty().get(), "a new tab aims at the running server");
        });
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
        // The tab's close and the server's stop are reported by two threads: either may come first.
        fx.until(() -> w.server().stateProperty().get() == ServerState.STOPPED
                && w.tabs().get(0).stateProperty().get() == ClientState.DISCONNECTED);
    }

    /** What DuplexApp reads in init(), off the FX thread: a broken settings file is moved aside and said. */
    @Test
    void aBrokenSettingsFileReadAtStartIsMovedAsideAndTheWindowSaysSo() throws Exception {
        Path config = Files.createTempDirectory("duplex-config");
        Path data = Files.createTempDirectory("duplex-data");
        Files.writeString(config.resolve(SettingsStore.FILE_NAME), "port=not a port\n");
        StoredState stored = StoredState.read(config, data);
        assertNotNull(stored.settingsMovedAside());
        assertEquals(Settings.defaults(), stored.settings());
        Workbench w = fx.call(() -> new Workbench(stored, fx.dispatcher(), config, data));
        fx.run(() -> {
            Notice notice = w.appNoticeProperty().get();
            assertEquals(Notice.of("settings.reset", stored.settingsMovedAside().toString()), notice);
        });
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
    }

    /** The Proxy pane's form comes back in the next run, without the secret it held. */
    @Test
    void theProxyFormIsKeptForTheNextRun() throws Exception {
        Path config = Files.createTempDirectory("duplex-config");
        Path data = Files.createTempDirectory("duplex-data");
        Workbench first = fx.call(() -> new Workbench(StoredState.read(config, data), fx.dispatcher(), config, data));
        fx.run(() -> {
            var p = first.proxy();
            p.listenProperty().set("127.0.0.1:9123");
            p.upstreamProperty().set("wss://echo.example/live?room=7");
            p.rewritesProperty().set("up:hello (\\w+)=>bonjour $1");
            p.setHeadersProperty().set("X-Team: blue\nAuthorization: Bearer abc");
            p.answerPingsProperty().set(true);
        });
        fx.call(() -> first.saveAndShutdown(1200, 800)).get(10, TimeUnit.SECONDS);

        Workbench next = fx.call(() -> new Workbench(StoredState.read(config, data), fx.dispatcher(), config, data));
        fx.run(() -> {
            var p = next.proxy();
            assertEquals("127.0.0.1:9123", p.listenProperty().get());
            assertEquals("wss://echo.example/live?room=7", p.upstreamProperty().get());
            assertEquals("up:hello (\\w+)=>bonjour $1", p.rewritesProperty().get());
            assertEquals("X-Team: blue", p.setHeadersProperty().get(), "the Authorization header was not kept");
            assertEquals(true, p.answerPingsProperty().get());
        });
        fx.call(next::shutdown).get(10, TimeUnit.SECONDS);
    }

    /** A kept Proxy form that cannot be read is moved aside, and the window says where. */
    @Test
    void aBrokenProxyFormIsMovedAsideAndTheWindowSaysSo() throws Exception {
        Path config = Files.createTempDirectory("duplex-config");
        Path data = Files.createTempDirectory("duplex-data");
        Files.writeString(config.resolve(dev.duplex.settings.ProxyFormStore.FILE_NAME), "upstream=\\u00zz\n");
        StoredState stored = StoredState.read(config, data);
        assertNotNull(stored.proxyForm().movedAside());
        Workbench w = fx.call(() -> new Workbench(stored, fx.dispatcher(), config, data));
        fx.run(() -> assertEquals(Notice.of("proxyForm.reset", stored.proxyForm().movedAside().toString()),
                w.appNoticeProperty().get()));
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
    }
}
