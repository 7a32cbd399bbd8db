package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.peers.DebianNginx;
import dev.duplex.peers.TestPki;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * A client tab with a client certificate, on headless Monocle, through Debian's nginx asking for one
 * ({@code ssl_verify_client on}) in front of the window's own embedded server: the Client certificate,
 * Password and CA file fields of the connection options, the Handshake view saying the certificate was asked
 * for and sent, and a wrong password said on the tab, which stays disconnected.
 */
@ExtendWith(ApplicationExtension.class)
class ClientCertificateWindowTest {
    @TempDir Path dir;
    private Workbench model;
    private DebianNginx nginx;
    private TestPki pki;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (nginx != null) nginx.close();
    }

    private ClientTab tab() throws Exception {
        return onFx(() -> model.selectedTabProperty().get());
    }

    /** nginx asking for a certificate from the test CA, in front of the window's server; its wss:// URL. */
    private String nginxUrl(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        int upstream = URI.create(onFx(() -> model.server().urlProperty().get())).getPort();
        pki = TestPki.ca(dir, "company");
        TestPki.Leaf server = pki.server("nginx.test");
        nginx = DebianNginx.mtls(dir, server.chainPem(), server.keyPem(), pki.caPem, upstream);
        return "wss://127.0.0.1:" + nginx.port() + "/";
    }

    private void type(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(".client-pane #optionsPane").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> robot.lookup(".client-pane #" + field).queryTextInputControl().setText(text));
    }

    @Test
    void aPkcs12CertificateFromTheOptionsGetsThroughAndTheHandshakeViewSaysItWasSent(FxRobot robot) throws Exception {
        String url = nginxUrl(robot);
        TestPki.Leaf me = pki.client("alice");
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        type(robot, "proxyField", "none");
        type(robot, "clientCertField", me.pkcs12().toString());
        type(robot, "clientPasswordField", TestPki.PASSWORD);
        type(robot, "caFileField", pki.caPem.toString());
        robot.clickOn("#connectButton");
        until(() -> tab().stateProperty().get() == ClientState.OPEN);
        TabPane tabs = robot.lookup(".client-pane #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ListView<Object> lines = robot.lookup(".client-pane #linesView").queryAs(ListView.class);
        until(() -> onFx(() -> lines.getItems().stream().anyMatch(l -> l.toString().contains("Client certificate sent"))));
        String text = onFx(() -> lines.getItems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertTrue(text.contains("The server asked for a client certificate"), text);
        assertTrue(text.contains("Client certificate sent: CN=alice"), text);
        assertTrue(text.contains("Trusted by the CA file you gave"), text);
        assertFalse(text.contains(TestPki.PASSWORD), text);
    }

    @Test
    void aWrongPasswordIsSaidOnTheTabWhichStaysDisconnected(FxRobot robot) throws Exception {
        String url = nginxUrl(robot);
        TestPki.Leaf me = pki.client("alice");
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        type(robot, "clientCertField", me.pkcs12().toString());
        type(robot, "clientPasswordField", "n0t-it");
        robot.clickOn("#connectButton");
        until(() -> {
            Label notice = robot.lookup(".client-pane #noticeLabel").queryAs(Label.class);
            return notice.getText() != null && notice.getText().contains("The password does not open");
        });
        until(() -> tab().stateProperty().get() == ClientState.DISCONNECTED);
    }

    @Test
    void aReplayTabTakesTheCertificateToo(FxRobot robot) throws Exception {
        String url = nginxUrl(robot);
        TestPki.Leaf me = pki.client("dave");
        Path file = dir.resolve("session.jsonl");
        java.nio.file.Files.writeString(file, String.join("\n",
                "{\"type\":\"handshake\",\"url\":\"" + url + "\",\"time\":null,\"request\":null,\"response\":null}",
                "{\"type\":\"frame\",\"time\":\"2026-01-01T00:00:00.100Z\",\"direction\":\"out\",\"opcode\":1,"
                        + "\"opcodeName\":\"text\",\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,\"masked\":false,"
                        + "\"maskKey\":null,\"payloadLength\":5,\"wireLength\":7,\"text\":\"hello\"}") + "\n");
        var replay = onFx(() -> model.openReplay());
        robot.interact(() -> {
            replay.timingProperty().set(dev.duplex.replay.Timing.FAST);
            replay.waitMsProperty().set("300");
            replay.trustProperty().set("");
            replay.open(file);
        });
        until(() -> onFx(() -> replay.stateProperty().get() == dev.duplex.model.replay.ReplayState.READY));
        // Without a certificate: onerror says nginx asked for one.
        robot.interact(replay::start);
        until(() -> onFx(() -> replay.connectionProperty().get() instanceof dev.duplex.net.WsEvent.Failed f
                && f.problem().kind() == dev.duplex.net.Problem.Kind.TLS_UNKNOWN_ISSUER));
        until(() -> onFx(() -> replay.stateProperty().get() == dev.duplex.model.replay.ReplayState.READY));
        robot.interact(() -> replay.caFileProperty().set(pki.caPem.toString()));
        robot.interact(replay::start);
        until(() -> onFx(() -> replay.connectionProperty().get() instanceof dev.duplex.net.WsEvent.Failed f
                && f.problem().kind() == dev.duplex.net.Problem.Kind.TLS_CLIENT_CERT_REQUIRED));
        until(() -> onFx(() -> replay.stateProperty().get() == dev.duplex.model.replay.ReplayState.READY));
        robot.interact(() -> {
            replay.clientCertProperty().set(me.pkcs12().toString());
            replay.clientCertPasswordProperty().set(TestPki.PASSWORD);
        });
        robot.interact(replay::start);
        // Through: the replay ends with the engine's own close (the last onclose is kept unless an onerror came).
        until(() -> onFx(() -> replay.connectionProperty().get() instanceof dev.duplex.net.WsEvent.Closed c
                && c.code() == 1000));
        until(() -> onFx(() -> replay.stateProperty().get() == dev.duplex.model.replay.ReplayState.READY));
        assertFalse(onFx(() -> replay.connectionProperty().get() instanceof dev.duplex.net.WsEvent.Failed));
        assertFalse(onFx(() -> replay.rows().isEmpty()));
    }
}
