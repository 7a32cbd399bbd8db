package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.net.proxy.JdkWsClient;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.TlsContexts;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * The Proxy pane with wss:// toward the clients: the URL says wss://, the certificate's fingerprint is shown,
 * and the JDK's client pinning that fingerprint talks through to Node's {@code ws} server on ws://.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyPaneTlsWindowTest {
    private Workbench model;
    private NodeWsServer upstream;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (upstream != null) upstream.close();
    }

    @Test
    void aWssClientPinningTheShownFingerprintTalksThrough(FxRobot robot) throws Exception {
        upstream = NodeWsServer.start();
        robot.interact(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        until(() -> robot.lookup("#proxyStartButton").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#listenField").queryTextInputControl().setText("127.0.0.1:0");
            robot.lookup("#upstreamField").queryTextInputControl().setText(upstream.uri("/").toString());
            robot.lookup("#rulesPane").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#tlsBox").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#proxyStartButton");
        ProxyModel proxy = onFx(model::proxy);
        until(() -> proxy.stateProperty().get() == ProxyModel.State.RUNNING);
        String url = onFx(() -> robot.lookup("#proxyUrlField").queryAs(TextField.class).getText());
        assertTrue(url.startsWith("wss://127.0.0.1:"), url);
        String fingerprint = onFx(() -> proxy.fingerprintProperty().get());
        String shown = onFx(() -> robot.lookup("#fingerprintLabel").queryAs(Label.class).getText());
        assertTrue(shown.contains(fingerprint), shown);

        HttpClient http = HttpClient.newBuilder()
                .sslContext(TlsContexts.client(List.of(Fingerprint.parse(fingerprint)))).build();
        JdkWsClient client = new JdkWsClient();
        WebSocket ws = JdkWsClient.connect(http, URI.create(url).resolve("/secure"), client);
        ws.sendText("through TLS and the pane", true).join();
        assertEquals("through TLS and the pane", client.next(), "Node's echo, back over TLS");
        assertEquals("/secure", upstream.nextHandshake().url());
    }
}
