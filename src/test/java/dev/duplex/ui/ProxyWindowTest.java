package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.i18n.ProxyText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.model.proxy.ProxyPair;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.peers.NodeProxyPeers;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * The window's Proxy pane between two real peers: Node's {@code ws} server upstream and Node's {@code ws}
 * client connecting to the URL the pane shows. The pane starts the proxy from its form; the pair appears
 * with its counts, its log both ways, both legs' handshakes and frames, and a rewrite rule typed in the
 * pane is what the Node server receives.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyWindowTest {
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

    private ProxyModel proxy() throws Exception {
        return onFx(model::proxy);
    }

    private void openProxyTab(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        until(() -> robot.lookup("#proxyStartButton").tryQuery().isPresent());
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(text));
    }

    private static NodeProxyPeers.Script script(List<String> messages, int replies) {
        return new NodeProxyPeers.Script(List.of(), Map.of("Origin", "http://127.0.0.1"), false, messages, replies,
                1000, "done");
    }

    private String log(FxRobot robot) throws Exception {
        ListView<ProxyEvent> view = robot.lookup("#pairLogView").queryListView();
        ProxyText format = new ProxyText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e).toString()).collect(Collectors.joining("\n")));
    }

    private void selectPairTab(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#pairTabs").queryAs(TabPane.class).getSelectionModel().select(index));
    }

    @Test
    void aClientThroughThePaneShowsItsPairLogHandshakesAndFramesAndTheRewriteReachesTheServer(FxRobot robot)
            throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        openProxyTab(robot);
        type(robot, "#listenField", "127.0.0.1:0");
        type(robot, "#upstreamField", upstream.uri("/base").toString());
        robot.interact(() -> robot.lookup("#rulesPane").queryAs(TitledPane.class).setExpanded(true));
        type(robot, "#rewritesArea", "up:secret=>public");
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

        // The list on screen follows the pair's log at its own pace (PacedList).
        until(() -> log(robot).contains("closed by the client (1000)"));
        String log = log(robot);
        assertTrue(log.contains("client → Duplex → server: hello"), log);
        assertTrue(log.contains("\"a secret\" rewritten to \"a public\" (up:secret=>public)"), log);
        assertTrue(log.contains("server → Duplex → client: a public"), log);

        selectPairTab(robot, 1);
        until(() -> handshakeText(robot, "#clientHandshakeBox").contains("GET /room?x=1"));
        until(() -> handshakeText(robot, "#upstreamHandshakeBox").contains("GET /base/room?x=1"));
        assertTrue(handshakeText(robot, "#upstreamHandshakeBox").contains("101"));

        selectPairTab(robot, 2);
        until(() -> frameRows(robot, "#clientFramesBox") >= 5 && frameRows(robot, "#upstreamFramesBox") >= 5);

        Path dir = Files.createTempDirectory("duplex-proxy-export");
        for (String name : new String[] {"pair.jsonl", "pair.har"}) {
            Path file = dir.resolve(name);
            robot.interact(() -> proxy.exportSelected(file));
            until(() -> Files.exists(file) && onFx(() -> proxy.noticeProperty().get()) != null);
            List<Conversation> saved = ConversationFile.read(file);
            assertEquals(1, saved.size());
            Conversation leg = saved.get(0);
            assertEquals(upstream.uri("/base/room?x=1"), leg.url());
            assertTrue(leg.handshake().record().requestLine().startsWith("GET /base/room?x=1"), name);
            if (name.endsWith(".jsonl")) assertEquals(1000, leg.close().code(), "HAR keeps no close");
            long fromServer = leg.frames().stream().filter(f -> f.info().inbound() && f.info().opcode() == 1).count();
            assertEquals(2, fromServer, name + ": the server's two echoes");
        }
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
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            type(robot, "#listenField", "127.0.0.1:" + taken.getLocalPort());
            robot.clickOn("#proxyStartButton");
            until(() -> listen.isVisible() && listen.getText().contains("port in use"));
        }
        assertEquals(ProxyModel.State.STOPPED, onFx(() -> proxy().stateProperty().get()));
    }
}
