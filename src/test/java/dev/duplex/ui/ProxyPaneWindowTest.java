package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.i18n.ProxyText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.proxy.HeldMessage;
import dev.duplex.model.proxy.Interceptor;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.model.proxy.ProxyPair;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.peers.NodeProxyPeers;
import dev.duplex.protocol.MessageMode;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * The window's Proxy pane between two real peers: Node's {@code ws} server upstream and Node's {@code ws}
 * client connecting to the URL the pane shows. The pane starts the proxy from its form; the pair appears
 * with its counts, its log both ways, both legs' handshakes and frames, and a rewrite rule typed in the
 * pane is what the Node server receives; paused, a held message is edited and forwarded, another dropped;
 * a message is injected each way, and the server leg closed with a code.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyPaneWindowTest {
    private Workbench model;
    private NodeProxyPeers.Upstream upstream;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (upstream != null) upstream.close();
    }

    private ProxyModel proxy() throws Exception { return onFx(model::proxy); }

    private void openProxyTab(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        until(() -> robot.lookup("#proxyStartButton").tryQuery().isPresent());
    }

    private void type(FxRobot robot, String id, String text) { robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(text)); }

    private static NodeProxyPeers.Script script(List<String> messages, int replies) {
        return new NodeProxyPeers.Script(List.of(), Map.of("Origin", "http://127.0.0.1"), false, messages, replies,
                1000, "done");
    }

    private String log(FxRobot robot) throws Exception {
        ListView<ProxyEvent> view = robot.lookup("#pairLogView").queryListView();
        ProxyText format = new ProxyText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e).toString()).collect(Collectors.joining("\n")));
    }

    /** Waits until the pair's log on screen has {@code text}; says what it has when it does not. */
    private void untilLog(FxRobot robot, String text) throws Exception {
        try {
            until(() -> log(robot).contains(text));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no \"" + text + "\" in the pair's log:\n" + log(robot), e);
        }
    }

    private void selectPairTab(FxRobot robot, int i) { robot.interact(() -> robot.lookup("#pairTabs").queryAs(TabPane.class).getSelectionModel().select(i)); }

    @Test
    void aClientThroughThePaneShowsItsPairLogHandshakesAndFramesAndTheRewriteReachesTheServer(FxRobot robot)
            throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        openProxyTab(robot);
        type(robot, "#listenField", "127.0.0.1:0");
        type(robot, "#upstreamField", upstream.uri("/base").toString());
        robot.interact(() -> robot.lookup("#rulesPane").queryAs(TitledPane.class).setExpanded(true));
        type(robot, "#rewritesArea", "up:secret=>public");
        type(robot, "#delaysArea", "up:^hello$=>100");
        type(robot, "#setHeadersArea", "X-Trace: from-the-pane");
        robot.clickOn("#proxyStartButton");
        ProxyModel proxy = proxy();
        until(() -> proxy.stateProperty().get() == ProxyModel.State.RUNNING);
        String url = onFx(() -> robot.lookup("#proxyUrlField").queryAs(TextField.class).getText());
        assertTrue(url.startsWith("ws://127.0.0.1:"), url);

        List<Map<String, String>> client = NodeProxyPeers.runClient(URI.create(url).resolve("/room?x=1"),
                script(List.of("hello", "a secret"), 2));
        assertEquals("hello", upstream.nextMessage().get("data"));
        assertEquals("a public", upstream.nextMessage().get("data"), "the rewrite typed in the pane");
        assertEquals(List.of("hello", "a public"),
                NodeProxyPeers.of(client, "message").stream().map(m -> m.get("data")).toList(), client.toString());
        assertEquals("1000", NodeProxyPeers.of(client, "close").get(0).get("code"), client.toString());

        @SuppressWarnings("unchecked")
        TableView<ProxyPair> table = robot.lookup("#pairsTable").queryAs(TableView.class);
        until(() -> table.getItems().size() == 1);
        ProxyPair pair = onFx(() -> table.getItems().get(0));
        until(() -> pair.stateProperty().get() == ProxyPair.State.CLOSED);
        assertEquals(2, (int) onFx(() -> pair.messagesUpProperty().get()));
        assertEquals(2, (int) onFx(() -> pair.messagesDownProperty().get()));
        assertEquals("/room?x=1", pair.target());
        assertEquals(upstream.uri("/base/room?x=1"), pair.upstream());
        assertEquals(pair, onFx(() -> table.getSelectionModel().getSelectedItem()), "the first client is chosen");

        // The list on screen follows the pair's log at its own pace (PacedList). The code is the one the
        // client's close frame carried, also when the library lost it to its close race (see Pair.clientClosed).
        untilLog(robot, "closed by the client (1000)");
        String log = log(robot);
        assertTrue(log.contains("client → Duplex → server: \"hello\", passed on late (up:^hello$=>100)"), log);
        assertTrue(log.contains("\"a secret\" rewritten to \"a public\" (up:secret=>public)"), log);
        assertTrue(log.contains("server → Duplex → client: a public"), log);

        // A message chosen in the pair's log opens whole under it: the server's first echo, read as received
        // (its round trip depends on how the client's two messages and the echoes interleave); a line that is
        // no message shows none.
        ListView<ProxyEvent> pairLog = robot.lookup("#pairLogView").queryListView();
        robot.interact(() -> pairLog.getSelectionModel().clearAndSelect(pairLog.getItems().indexOf(pairLog.getItems().stream()
                .filter(e -> e instanceof ProxyEvent.Message m && m.direction() == Direction.DOWN).findFirst().orElseThrow())));
        String summary = onFx(() -> robot.lookup("#pairLogSplit #summaryLabel").queryAs(Label.class).getText());
        assertTrue(summary.startsWith("Received at ") && summary.contains("5 bytes, text"), summary);
        assertEquals("hello", onFx(() -> robot.lookup("#pairLogSplit #textArea").queryTextInputControl().getText()));
        robot.interact(() -> pairLog.getSelectionModel().clearAndSelect(0));
        assertEquals(1, onFx(() -> robot.lookup("#pairLogSplit").queryAs(SplitPane.class).getItems().size()));

        selectPairTab(robot, 1);
        until(() -> handshakeText(robot, "#clientHandshakeBox").contains("GET /room?x=1"));
        until(() -> handshakeText(robot, "#upstreamHandshakeBox").contains("GET /base/room?x=1"));
        assertTrue(handshakeText(robot, "#upstreamHandshakeBox").contains("101"));
        assertTrue(handshakeText(robot, "#upstreamHandshakeBox").contains("X-Trace: from-the-pane"), "the header set");

        selectPairTab(robot, 2);
        until(() -> frameRows(robot, "#clientFramesBox") >= 5 && frameRows(robot, "#upstreamFramesBox") >= 5);

        ProxyPaneExports.check(robot, proxy, upstream.uri("/base/room?x=1"));
    }

    private String handshakeText(FxRobot robot, String box) throws Exception {
        return onFx(() -> {
            Node view = robot.lookup(box + " #linesView").tryQuery().orElse(null);
            if (!(view instanceof ListView<?> lines)) return "";
            return lines.getItems().stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
    }

    private int frameRows(FxRobot robot, String box) throws Exception {
        return onFx(() -> {
            Node view = robot.lookup(box + " #table").tryQuery().orElse(null);
            return view instanceof TableView<?> t ? t.getItems().size() : 0;
        });
    }

    @Test
    void badInputIsSaidUnderItsFieldAndAPortInUseUnderTheListenField(FxRobot robot) throws Exception {
        openProxyTab(robot);
        type(robot, "#listenField", "nine thousand");
        type(robot, "#upstreamField", "ws://127.0.0.1:1/");
        robot.clickOn("#proxyStartButton");
        Label listen = robot.lookup("#listenProblem").queryAs(Label.class);
        until(() -> listen.isVisible());
        assertTrue(listen.getText().contains("[ADDR:]PORT"), listen.getText());

        type(robot, "#listenField", "127.0.0.1:0");
        type(robot, "#upstreamField", "http://example.com/");
        robot.clickOn("#proxyStartButton");
        Label up = robot.lookup("#upstreamProblem").queryAs(Label.class);
        until(() -> up.isVisible() && !listen.isVisible());
        assertTrue(up.getText().contains("ws://"), up.getText());

        type(robot, "#upstreamField", "ws://127.0.0.1:1/");
        type(robot, "#dropsArea", "sideways:x");
        robot.clickOn("#proxyStartButton");
        Label rules = robot.lookup("#rulesProblem").queryAs(Label.class);
        until(() -> rules.isVisible());
        assertTrue(onFx(() -> robot.lookup("#rulesPane").queryAs(TitledPane.class).isExpanded()), "shown where it is");
        assertTrue(rules.getText().contains("up: (to the server) or down:"), rules.getText());

        type(robot, "#dropsArea", "");
        type(robot, "#setHeadersArea", "Host: elsewhere");
        robot.clickOn("#proxyStartButton");
        Label headers = robot.lookup("#headersProblem").queryAs(Label.class);
        until(() -> headers.isVisible() && !rules.isVisible());
        type(robot, "#setHeadersArea", "");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            type(robot, "#listenField", "127.0.0.1:" + taken.getLocalPort());
            robot.clickOn("#proxyStartButton");
            until(() -> listen.isVisible() && listen.getText().contains("port in use"));
        }
        assertEquals(ProxyModel.State.STOPPED, onFx(() -> proxy().stateProperty().get()));
    }

    /** Starts the proxy from the pane toward a new Node upstream, with the interception tab in front. */
    private String startedWithHand(FxRobot robot) throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        openProxyTab(robot);
        type(robot, "#listenField", "127.0.0.1:0");
        type(robot, "#upstreamField", upstream.uri("/").toString());
        selectPairTab(robot, 3);
        until(() -> robot.lookup("#pauseBox").tryQuery().isPresent());
        robot.clickOn("#proxyStartButton");
        until(() -> proxy().stateProperty().get() == ProxyModel.State.RUNNING);
        return onFx(() -> proxy().urlProperty().get());
    }

    private <T> void choose(FxRobot robot, String box, T value) {
        robot.interact(() -> robot.lookup(box).<T>queryComboBox().setValue(value));
    }

    @Test
    void pausedOnEverythingAHeldMessageIsEditedAndForwardedAnotherDroppedAndTheRestForwarded(FxRobot robot)
            throws Exception {
        String url = startedWithHand(robot);
        choose(robot, "#pauseBox", Interceptor.Pause.ALL);
        CompletableFuture<List<Map<String, String>>> client = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeProxyPeers.runClient(URI.create(url), script(List.of("edit me", "drop me"), 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Interceptor hand = onFx(() -> proxy().interceptor());
        ListView<HeldMessage> queue = robot.lookup("#heldList").queryListView();
        until(() -> queue.getItems().size() == 2);
        assertEquals("edit me", onFx(() -> hand.selectedProperty().get().payload().text()), "the oldest first");
        type(robot, "#editArea", "edited!");
        robot.clickOn("#forwardButton");
        assertEquals("edited!", upstream.nextMessage().get("data"), "the Node server got the edited text");

        HeldMessage drop = onFx(() -> queue.getItems().stream().filter(m -> m.payload().text().equals("drop me"))
                .findFirst().orElseThrow());
        robot.interact(() -> queue.getSelectionModel().select(drop));
        robot.clickOn("#dropButton");
        until(() -> queue.getItems().stream().anyMatch(m -> m.payload().text().equals("edited!")));
        robot.clickOn("#forwardAllButton");
        List<Map<String, String>> seen = client.get(30, TimeUnit.SECONDS);
        // The Node server echoes all it gets: one echo, of the edit, so "drop me" never reached it.
        assertEquals(List.of("edited!"), NodeProxyPeers.of(seen, "message").stream().map(m -> m.get("data")).toList(),
                seen.toString());
        untilLog(robot, "closed by the client (1000)");
        String log = log(robot);
        assertTrue(log.contains("\"edit me\" edited by hand to \"edited!\""), log);
        assertTrue(log.contains("\"drop me\" dropped by hand, not passed on"), log);
        choose(robot, "#pauseBox", Interceptor.Pause.OFF);
    }

    @Test
    void aMessageIsInjectedEachWayAndTheServerLegClosedWithACodeByHand(FxRobot robot) throws Exception {
        String url = startedWithHand(robot);
        CompletableFuture<List<Map<String, String>>> client = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeProxyPeers.runClient(URI.create(url), script(List.of("hi"), 0));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("hi", upstream.nextMessage().get("data"));
        ProxyModel proxy = proxy();
        until(() -> proxy.selectedProperty().get() != null
                && proxy.selectedProperty().get().stateProperty().get() == ProxyPair.State.OPEN);
        until(() -> proxy.selectedProperty().get().messagesDownProperty().get() == 1);

        choose(robot, "#injectTowardBox", Direction.DOWN);
        type(robot, "#injectField", "from Duplex");
        robot.clickOn("#injectButton");
        choose(robot, "#injectTowardBox", Direction.UP);
        type(robot, "#injectField", "to the server by hand");
        robot.clickOn("#injectButton");
        assertEquals("to the server by hand", upstream.nextMessage().get("data"));

        choose(robot, "#closeLegBox", Leg.UPSTREAM);
        type(robot, "#closeCodeField", "4001");
        type(robot, "#closeReasonField", "bye by hand");
        robot.clickOn("#closeLegButton");
        assertEquals(Map.of("code", "4001", "reason", "bye by hand"), upstream.nextClose());
        List<Map<String, String>> seen = client.get(30, TimeUnit.SECONDS);
        List<String> got = NodeProxyPeers.of(seen, "message").stream().map(m -> m.get("data")).toList();
        assertTrue(got.contains("from Duplex"), seen.toString());
        assertEquals("4001", NodeProxyPeers.of(seen, "close").get(0).get("code"), seen.toString());
        untilLog(robot, "injected by hand");
    }

    @Test
    void pausedOnChosenTextsAJsonEditIsCheckedAndAHexEditGoesAsBytes(FxRobot robot) throws Exception {
        String url = startedWithHand(robot);
        choose(robot, "#pauseBox", Interceptor.Pause.CHOSEN);
        robot.interact(() -> {
            robot.lookup("#pauseDownBox").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            robot.lookup("#pauseBinaryBox").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
        });
        type(robot, "#pausePatternField", "([a");
        Label pauseProblem = robot.lookup("#pauseProblem").queryAs(Label.class);
        until(pauseProblem::isVisible);
        assertTrue(pauseProblem.getText().contains("not a valid regular expression"), pauseProblem.getText());
        type(robot, "#pausePatternField", "\\{|bytes");
        until(() -> !pauseProblem.isVisible());

        CompletableFuture<List<Map<String, String>>> client = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeProxyPeers.runClient(URI.create(url), script(List.of("plain", "{\"a\":1}", "bytes please"), 3));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("plain", upstream.nextMessage().get("data"), "not paused on: it went on");
        Interceptor hand = onFx(() -> proxy().interceptor());
        until(() -> hand.selectedProperty().get() != null);
        assertEquals(MessageMode.JSON, onFx(() -> hand.editModeProperty().get()), "JSON is shown as JSON");
        assertEquals("{\n  \"a\": 1\n}", onFx(() -> hand.editTextProperty().get()), "laid out");
        type(robot, "#editArea", "[1,2]");
        robot.clickOn("#prettyButton");
        assertEquals("[\n  1,\n  2\n]", onFx(() -> hand.editTextProperty().get()));
        type(robot, "#editArea", "{\"a\":");
        robot.clickOn("#forwardButton");
        Label notice = robot.lookup("#interceptNotice").queryAs(Label.class);
        until(notice::isVisible);
        assertTrue(notice.getText().startsWith("Not valid JSON"), notice.getText());
        type(robot, "#editArea", "{\"a\":2}");
        robot.clickOn("#forwardButton");
        assertEquals("{\"a\":2}", upstream.nextMessage().get("data"));

        until(() -> hand.selectedProperty().get() != null
                && hand.selectedProperty().get().payload().text().equals("bytes please"));
        choose(robot, "#editModeBox", MessageMode.HEX);
        assertEquals("62 79 74 65 73 20 70 6c 65 61 73 65", onFx(() -> hand.editTextProperty().get()), "its bytes");
        type(robot, "#editArea", "01 02 ff");
        robot.clickOn("#forwardButton");
        assertEquals("binary:0102ff", upstream.nextMessage().get("data"), "a binary message, as edited");
        assertEquals(3, NodeProxyPeers.of(client.get(30, TimeUnit.SECONDS), "message").size());
    }

    @Test
    void theProxyTabStaysInFrontAndRunningThroughALanguageSwitch(FxRobot robot) throws Exception {
        openProxyTab(robot);
        type(robot, "#listenField", "127.0.0.1:0");
        type(robot, "#upstreamField", "ws://127.0.0.1:1/");
        robot.clickOn("#proxyStartButton");
        until(() -> proxy().stateProperty().get() == ProxyModel.State.RUNNING);
        String url = onFx(() -> proxy().urlProperty().get());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> language = robot.lookup("#languageBox").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> language.setValue("zh"));
        until(() -> robot.lookup("#proxyStateLabel").tryQuery()
                .map(l -> ((Label) l).getText().equals("客户端请连接：")).orElse(false));
        assertEquals(url, onFx(() -> robot.lookup("#proxyUrlField").queryAs(TextField.class).getText()));
        assertEquals(1, (int) onFx(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()));
        robot.clickOn("#proxyStopButton");
        until(() -> proxy().stateProperty().get() == ProxyModel.State.STOPPED);
    }
}
