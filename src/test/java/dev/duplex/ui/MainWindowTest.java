package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Dispatcher;
import dev.duplex.net.WsEvent;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** The window on headless Monocle, driven like a user: clicks, typing, Enter. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Texts EN = Texts.of(Locale.ENGLISH);

    private Workbench model;
    private Dispatcher dispatcher;
    private DuplexWindow window;
    private static Path configDir;
    private static Path dataDir;

    @org.junit.jupiter.api.BeforeAll
    static void configDir() throws Exception {
        configDir = Files.createTempDirectory("duplex-config");
        dataDir = Files.createTempDirectory("duplex-data");
    }
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Settings settings = TestWindow.settings();
        dispatcher = new Dispatcher(new NextPulse());
        model = new Workbench(settings, dispatcher, configDir, dataDir);
        window = new DuplexWindow(stage, model, settings);
        window.show();
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        FxWait.until(condition);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return FxWait.onFx(read);
    }

    private static String lines(ListView<WsEvent> view, EventText.Side side) {
        EventText format = new EventText(EN);
        return view.getItems().stream().map(e -> format.line(e, side).toString()).collect(Collectors.joining("\n"));
    }

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        return onFx(() -> lines(view, EventText.Side.CLIENT));
    }

    private String serverLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".server-pane #logView").queryListView();
        return onFx(() -> lines(view, EventText.Side.SERVER));
    }

    private void startServer(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        await(() -> model.server().stateProperty().get() == ServerState.RUNNING);
    }

    @Test
    void startConnectSendAndDisconnectLikeTheBrowserDemo(FxRobot robot) throws Exception {
        startServer(robot);
        String url = onFx(() -> model.server().urlProperty().get());
        assertTrue(robot.lookup(".server-pane #stateLabel").queryAs(Label.class).getText()
                .startsWith("Listening on ws://127.0.0.1:"));

        TextField urlField = robot.lookup("#urlField").queryTextInputControl() instanceof TextField t ? t : null;
        robot.interact(() -> urlField.setText(url));
        robot.clickOn("#connectButton");
        await(() -> clientLog(robot).contains("onopen    connected to " + url));
        assertEquals(ClientState.OPEN, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));

        robot.clickOn("#messageField").write("hello duplex").type(KeyCode.ENTER);
        await(() -> clientLog(robot).contains("onmessage message received: hello duplex"));
        assertTrue(clientLog(robot).contains("send      sent: hello duplex"));
        await(() -> serverLog(robot).contains("replied to 127.0.0.1:"));
        assertTrue(serverLog(robot).contains("Origin " + URI.create(url).getScheme().replace("ws", "http") + "://127.0.0.1:"));
        assertEquals("Clients: 1", robot.lookup("#clientsLabel").queryAs(Label.class).getText());

        // What is on screen, not only in the list: the last visible cell of the client log.
        javafx.css.PseudoClass in = javafx.css.PseudoClass.getPseudoClass("in");
        await(() -> robot.lookup(".client-pane .log-cell").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(in)
                        && String.valueOf(((javafx.scene.control.Labeled) n).getText()).contains("message received: hello duplex")));

        robot.clickOn("#disconnectButton");
        await(() -> clientLog(robot).contains("onclose   connection closed (1000) normal closure"));
        assertEquals(ClientState.DISCONNECTED, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));
        await(() -> serverLog(robot).contains("disconnected (1000)"));

        robot.clickOn("#stopButton");
        await(() -> model.server().stateProperty().get() == ServerState.STOPPED);
        // The log on screen follows the model within a tenth of a second (PacedList).
        await(() -> serverLog(robot).contains("stopped, no longer listening"));
    }

    @Test
    void aPortInUseSaysSoAndTheFormStaysUsable(FxRobot robot) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            robot.interact(() -> robot.lookup("#portField").queryTextInputControl()
                    .setText(Integer.toString(taken.getLocalPort())));
            robot.clickOn("#startButton");
            Label notice = robot.lookup(".server-pane #noticeLabel").queryAs(Label.class);
            await(notice::isVisible);
            assertEquals("port in use: another program already listens on 127.0.0.1:" + taken.getLocalPort()
                    + ". Choose another port, or 0 for any free one.", notice.getText());
            assertEquals(ServerState.STOPPED, onFx(() -> model.server().stateProperty().get()));
            assertTrue(!robot.lookup("#startButton").queryButton().isDisabled());
        }
        // The way out works: another port.
        robot.interact(() -> robot.lookup("#portField").queryTextInputControl().setText("0"));
        startServer(robot);
        assertTrue(!robot.lookup(".server-pane #noticeLabel").queryAs(Label.class).isVisible());
    }

    @Test
    void badInputIsCaughtInTheForm(FxRobot robot) throws Exception {
        Label notice = robot.lookup(".client-pane #noticeLabel").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText("localhost:8080"));
        robot.clickOn("#connectButton");
        await(notice::isVisible);
        assertEquals("A WebSocket URL starts with ws:// or wss://. Did you mean ws://localhost:8080?", notice.getText());

        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(""));
        robot.clickOn("#connectButton");
        await(() -> notice.getText().startsWith("Enter a WebSocket URL"));

        robot.clickOn("#messageField").write("x").type(KeyCode.ENTER);
        await(() -> notice.getText().equals("Not connected: connect first, then send."));
        assertEquals(ClientState.DISCONNECTED, onFx(() -> model.selectedTabProperty().get().stateProperty().get()));

        robot.interact(() -> robot.lookup("#portField").queryTextInputControl().setText("80a"));
        robot.clickOn("#startButton");
        Label serverNotice = robot.lookup(".server-pane #noticeLabel").queryAs(Label.class);
        await(serverNotice::isVisible);
        assertTrue(serverNotice.getText().startsWith("The port must be a whole number"));
    }

    @Test
    void aRefusedConnectionShowsOnerrorWithTheCause(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port + "/";
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        robot.clickOn("#connectButton");
        await(() -> clientLog(robot).contains("onclose   connection closed (1006)"));
        assertTrue(clientLog(robot).contains("onerror   connection refused: nothing is listening at " + url));
        assertTrue(!robot.lookup("#connectButton").queryButton().isDisabled(), "ready to try again");
    }

    @Test
    void theLanguageSwitchRewordsTheWindowAndKeepsItsState(FxRobot robot) throws Exception {
        startServer(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.lookup("#languageBox").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue("zh"));
        await(() -> "启动".equals(robot.lookup("#startButton").queryAs(Button.class).getText()));
        assertEquals("连接", robot.lookup("#connectButton").queryAs(Button.class).getText());
        assertTrue(robot.lookup(".server-pane #stateLabel").queryAs(Label.class).getText().startsWith("正在监听 ws://"));
        assertEquals(ServerState.RUNNING, onFx(() -> model.server().stateProperty().get()), "the server kept running");
        assertTrue(stage.getTitle().startsWith("Duplex"));
        assertEquals(7, stage.getIcons().size(), "the window carries its icon in every size");

        @SuppressWarnings("unchecked")
        ComboBox<String> again = robot.lookup("#languageBox").queryAs(ComboBox.class);
        robot.interact(() -> again.setValue("en"));
        await(() -> "Start".equals(robot.lookup("#startButton").queryAs(Button.class).getText()));
    }

    @Test
    void aFloodOfMessagesKeepsTheLogBoundedAndTheWindowAnswering(FxRobot robot) throws Exception {
        robot.interact(() -> model.logCapProperty().set(5_000));
        startServer(robot);
        java.util.concurrent.atomic.AtomicLong listChanges = new java.util.concurrent.atomic.AtomicLong();
        robot.interact(() -> model.server().log().events().addListener(
                (javafx.collections.ListChangeListener<WsEvent>) c -> listChanges.incrementAndGet()));
        long drainsBefore = dispatcher.drains();
        URI url = URI.create(onFx(() -> model.server().urlProperty().get()));
        int messages = 100_000;
        java.util.concurrent.CountDownLatch echoed = new java.util.concurrent.CountDownLatch(messages);
        java.util.concurrent.CompletableFuture<WsEvent.Opened> opened = new java.util.concurrent.CompletableFuture<>();
        dev.duplex.net.client.WsClient flooder = new dev.duplex.net.client.WsClient(e -> {
            if (e instanceof WsEvent.Opened o) opened.complete(o);
            if (e instanceof WsEvent.Received) echoed.countDown();
        });
        flooder.connect(url, dev.duplex.net.client.ClientOptions.browserLike(url));
        opened.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < messages; i++) {
            flooder.send("m" + i);
            if (i % 10_000 == 0) {
                // The FX thread keeps answering while the flood goes on.
                assertEquals(Boolean.TRUE, onFx(() -> true));
            }
        }
        assertTrue(echoed.await(60, TimeUnit.SECONDS), "every message echoed");
        // Listening + handshake + joined + 100 000 received + 100 000 replies went through the log.
        long expected = 3 + 2L * messages;
        await(() -> onFx(() -> model.server().log().events().size() + model.server().log().dropped()) == expected);
        assertEquals(5_000, onFx(() -> model.server().log().events().size()));
        assertTrue(onFx(() -> ((WsEvent.Sent) model.server().log().events().get(4_999)).payload().text())
                .equals("m" + (messages - 1)));
        Label count = robot.lookup(".server-pane #logCountLabel").queryAs(Label.class);
        await(() -> count.getText().equals("5000 lines, " + (expected - 5_000) + " dropped"));
        flooder.close(1000, "");
        // Batched: each drain touches the log at most twice (oldest lines out, new lines in), so
        // 200 000 events cost a few hundred list changes, not 200 000 relayouts.
        long drains = dispatcher.drains() - drainsBefore;
        assertTrue(listChanges.get() <= 2 * drains + 2, listChanges.get() + " list changes in " + drains + " drains");
        assertTrue(drains < expected / 100, drains + " drains for " + expected + " events");
    }

    @Test
    void closingTheWindowSavesTheFormsAndStopsTheServer(FxRobot robot) throws Exception {
        startServer(robot);
        robot.interact(() -> {
            robot.lookup("#urlField").queryTextInputControl().setText("ws://127.0.0.1:9999/kept");
            robot.lookup("#pathField").queryTextInputControl().setText("/not-applied-while-running");
        });
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        window.setOnClosed(done -> done.whenComplete((v, e) -> closed.complete(null)));
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        closed.get(10, TimeUnit.SECONDS);
        await(() -> model.server().stateProperty().get() == ServerState.STOPPED);
        assertTrue(!stage.isShowing());
        Settings saved = new SettingsStore(configDir).load().settings();
        assertEquals("ws://127.0.0.1:9999/kept", saved.lastUrl());
        assertEquals(0, saved.port());
        assertEquals("en", saved.language());
    }

    @Test
    void aBrokenSettingsFileIsSaidAtTheTop(FxRobot robot) throws Exception {
        robot.interact(() -> model.setAppNotice(dev.duplex.model.Notice.of("settings.reset", "/x/settings.properties.broken-1")));
        Label notice = robot.lookup("#appNoticeLabel").queryAs(Label.class);
        await(notice::isVisible);
        assertTrue(notice.getText().contains("/x/settings.properties.broken-1"), notice.getText());
    }
}
