package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.DebianProxy;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * A client tab behind a proxy, on headless Monocle: the Proxy field of the connection options, the line under
 * the URL saying which proxy the tab uses and why, the tunnel in the Handshake view, and a refusal in the log.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyWindowTest {
    @TempDir Path dir;
    private Workbench model;
    private DebianProxy proxy;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (proxy != null) proxy.close();
    }

    private ClientTab tab() throws Exception {
        return onFx(() -> model.selectedTabProperty().get());
    }

    private String route(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".client-pane #routeLabel").queryAs(Label.class).getText());
    }

    private void typeProxy(FxRobot robot, String text) {
        robot.interact(() -> {
            robot.lookup(".client-pane #optionsPane").queryAs(TitledPane.class).setExpanded(true);
        });
        robot.interact(() -> robot.lookup(".client-pane #proxyField").queryTextInputControl().setText(text));
    }

    private String clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(java.util.Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString())
                .collect(Collectors.joining("\n")));
    }

    private String serverUrl(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        return onFx(() -> model.server().urlProperty().get());
    }

    @Test
    void theTabSaysWhichProxyItUsesAndWhy(FxRobot robot) throws Exception {
        until(() -> route(robot).equals("Proxy: direct: no proxy variable is set for this scheme"));
        ClientTab tab = tab();
        robot.interact(() -> tab.environment(Map.of("http_proxy", "http://corp.example:3128")));
        until(() -> route(robot).equals("Proxy: through http://corp.example:3128, from the environment variable http_proxy"));
        typeProxy(robot, "");
        until(() -> onFx(() -> robot.lookup(".client-pane #proxyField").queryTextInputControl().getPromptText())
                .startsWith("from the environment, http_proxy: http://corp.example:3128"));
        robot.interact(() -> tab.environment(Map.of("http_proxy", "http://corp.example:3128", "no_proxy", "127.0.0.1")));
        until(() -> route(robot).equals("Proxy: direct: no_proxy lists this host"));
        typeProxy(robot, "none");
        until(() -> route(robot).equals("Proxy: direct: proxy \"none\", the environment is ignored"));
        typeProxy(robot, "socks5h://u:secret@127.0.0.1:1080");
        until(() -> route(robot).equals("Proxy: through socks5h://u:****@127.0.0.1:1080, as set for this connection"));
        typeProxy(robot, "ftp://x:21");
        until(() -> route(robot).equals("Proxy: the proxy field does not read"));
        robot.clickOn("#connectButton");
        until(() -> {
            Label notice = robot.lookup(".client-pane #noticeLabel").queryAs(Label.class);
            return notice.getText() != null && notice.getText().contains("\"ftp\" is not supported");
        });
        assertTrue(onFx(() -> tab.stateProperty().get() == ClientState.DISCONNECTED));
    }

    @Test
    void throughTinyproxyTheHandshakeViewShowsTheTunnel(FxRobot robot) throws Exception {
        proxy = DebianProxy.tinyproxy(dir);
        String url = serverUrl(robot);
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        typeProxy(robot, "http://127.0.0.1:" + proxy.port());
        robot.clickOn("#connectButton");
        until(() -> tab().stateProperty().get() == ClientState.OPEN);
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ListView<Object> lines = robot.lookup(".client-pane #linesView").queryAs(ListView.class);
        until(() -> lines.getItems().size() > 10);
        String text = onFx(() -> lines.getItems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertTrue(text.contains("Proxy tunnel"), text);
        assertTrue(text.contains("→ CONNECT 127.0.0.1:"), text);
        assertTrue(text.contains("HTTP/1.1 101"), text);
    }

    @Test
    void aRefusingProxyIsNamedInTheLog(FxRobot robot) throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        String url = serverUrl(robot);
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        typeProxy(robot, "http://127.0.0.1:" + proxy.port());
        robot.clickOn("#connectButton");
        until(() -> clientLog(robot).contains("the proxy 127.0.0.1:" + proxy.port()
                + " refused the tunnel: 407 Proxy Authentication Required"));
        until(() -> tab().stateProperty().get() == ClientState.DISCONNECTED);
    }
}
