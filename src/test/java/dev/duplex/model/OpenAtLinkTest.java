package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.settings.Settings;

/** Duplex opened on a link ({@code duplex ws://…}), without a window, while first use starts the embedded server. */
class OpenAtLinkTest {
    private final ModelThread fx = new ModelThread();
    /** The server the link names: another program's, not the window's embedded one. */
    private final LabServer elsewhere = new LabServer(event -> { });
    private Workbench w;

    @AfterEach
    void close() throws Exception {
        if (w != null) fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
        elsewhere.stop();
        fx.close();
    }

    /** The last URL was on this machine, so first use would aim the first tab at the embedded server. */
    private Workbench workbench() throws Exception {
        Settings settings = new Settings("ws://127.0.0.1:1/", 0, "127.0.0.1", "", "{message}", true, "", 1_000, "en",
                1200, 800);
        w = fx.call(() -> new Workbench(settings, fx.dispatcher(), Files.createTempDirectory("c"),
                Files.createTempDirectory("d")));
        return w;
    }

    @Test
    void theFirstTabOpensAtTheLinkAndFirstUseLeavesItThere() throws Exception {
        elsewhere.start(ServerConfig.defaults().withPort(0));
        String link = elsewhere.url().toString();
        Workbench w = workbench();
        fx.run(() -> {
            w.startForFirstUse();
            w.openAt(link);
        });
        fx.until(() -> w.server().stateProperty().get() == ServerState.RUNNING
                && w.tabs().get(0).stateProperty().get() == ClientState.OPEN);
        String embedded = fx.call(() -> w.server().urlProperty().get());
        afterFirstUseHasAimed(w);
        fx.run(() -> {
            ClientTab first = w.tabs().get(0);
            assertNotEquals(link, embedded, "two servers, on two ports");
            assertEquals(link, first.urlProperty().get(), "first use did not re-aim the tab at the embedded server");
            assertEquals(1, w.tabs().size());
            assertEquals(null, first.noticeProperty().get());
        });
    }

    /**
     * The bug this guards against: a link whose server is not there fails at once, and first use then
     * took the idle tab aimed at this machine for the last session's and re-aimed it at its own server.
     */
    @Test
    void aLinkWhoseServerIsNotThereStaysInTheFirstTabWhenFirstUseStartsTheServer() throws Exception {
        Workbench w = workbench();
        String link = "ws://127.0.0.1:1/from-a-link";
        fx.run(() -> w.openAt(link));
        fx.until(() -> w.tabs().get(0).stateProperty().get() == ClientState.DISCONNECTED);
        fx.run(w::startForFirstUse);
        fx.until(() -> w.server().stateProperty().get() == ServerState.RUNNING);
        afterFirstUseHasAimed(w);
        fx.run(() -> assertEquals(link, w.tabs().get(0).urlProperty().get()));
    }

    /**
     * Waits until what first use handed back to the model thread has run, by shutting the workbench down:
     * the server's own thread runs its stop after the start, and the model thread gets the start's answer
     * before the stop's. The tabs keep their URLs.
     */
    private void afterFirstUseHasAimed(Workbench w) throws Exception {
        fx.call(w::shutdown).get(10, TimeUnit.SECONDS);
        fx.run(() -> { });
    }

    @Test
    void aLinkWhileTheTabInFrontIsConnectedOpensInANewTab() throws Exception {
        elsewhere.start(ServerConfig.defaults().withPort(0));
        String link = elsewhere.url().toString();
        Workbench w = workbench();
        fx.run(() -> w.openAt(link));
        fx.until(() -> w.tabs().get(0).stateProperty().get() == ClientState.OPEN);
        fx.run(() -> w.openAt(link));
        fx.until(() -> w.tabs().size() == 2 && w.tabs().get(1).stateProperty().get() == ClientState.OPEN);
        fx.run(() -> assertSame(w.tabs().get(1), w.selectedTabProperty().get()));
    }

    @Test
    void aLinkThatDoesNotCheckIsSaidInTheFirstTabAndFirstUseLeavesItThere() throws Exception {
        Workbench w = workbench();
        fx.run(() -> {
            w.openAt("ws://exa mple/");
            w.startForFirstUse();
            ClientTab first = w.tabs().get(0);
            assertEquals("url.malformed", first.noticeProperty().get().key());
            assertEquals(ClientState.DISCONNECTED, first.stateProperty().get());
        });
        fx.until(() -> w.server().stateProperty().get() == ServerState.RUNNING);
        afterFirstUseHasAimed(w);
        fx.run(() -> {
            ClientTab first = w.tabs().get(0);
            assertEquals("ws://exa mple/", first.urlProperty().get(), "the link stays in the field, to be fixed");
            assertEquals("url.malformed", first.noticeProperty().get().key());
        });
    }
}
