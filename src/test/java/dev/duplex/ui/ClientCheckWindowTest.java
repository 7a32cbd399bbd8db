package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.clientcheck.ClientCheckModel;
import dev.duplex.model.server.ServerState;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * The server pane's "Check a client", with the JDK's own WebSocket client (not ours) as the client under
 * test: the switch stops the echo server and serves the cases on its port, each connection to /check runs the
 * next case and shows in the table, the report address serves the verdicts, and switching off brings the echo
 * server back on the same port.
 */
@ExtendWith(ApplicationExtension.class)
class ClientCheckWindowTest {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theServersPortChecksClientsAndGivesTheEchoBack(FxRobot robot) throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort(); // a fixed port, so that the echo can come back on the same one
        }
        robot.interact(() -> model.server().portProperty().set(Integer.toString(free)));
        robot.clickOn("#startButton");
        until(() -> onFx(() -> model.server().stateProperty().get() == ServerState.RUNNING));
        String echoUrl = onFx(() -> model.server().urlProperty().get());
        int port = URI.create(echoUrl).getPort();
        robot.interact(() -> robot.lookup("#clientCheckPane").queryAs(TitledPane.class).setExpanded(true));
        until(() -> robot.lookup("#clientCheckBox").tryQuery().isPresent());
        ClientCheckModel check = onFx(model::clientCheck);

        robot.clickOn("#clientCheckBox");
        until(() -> onFx(() -> check.onProperty().get()));
        assertEquals(ServerState.STOPPED, onFx(() -> model.server().stateProperty().get()), "the echo server made way");
        URI cases = URI.create(onFx(() -> check.checkUrlProperty().get()));
        assertEquals(port, cases.getPort(), "the cases are on the server pane's own port");
        assertEquals(cases.toString(), robot.lookup("#clientCheckUrlField").queryTextInputControl().getText());

        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= 3; i++) {
            connectOnce(http, cases);
            int expected = i;
            until(() -> onFx(() -> check.results().size()) >= expected);
        }
        assertEquals(3, robot.lookup("#clientCheckTable").queryTableView().getItems().size());
        String first = onFx(() -> check.results().get(0).id());

        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(onFx(() -> check.reportUrlProperty().get())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains(first), "the report holds the cases run");

        robot.clickOn("#clientCheckBox");
        until(() -> onFx(() -> !check.onProperty().get()
                && model.server().stateProperty().get() == ServerState.RUNNING));
        assertEquals(port, URI.create(onFx(() -> model.server().urlProperty().get())).getPort(), "the echo is back");
    }

    /** With the server set to wss://, the cases are served over TLS with the certificate the echo had. */
    @Test
    void aWssServerChecksClientsOverTls(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.server().portProperty().set("0");
            model.server().tlsProperty().set(true);
        });
        robot.clickOn("#startButton");
        until(() -> onFx(() -> model.server().stateProperty().get() == ServerState.RUNNING));
        String fingerprint = onFx(() -> model.server().fingerprintProperty().get());
        assertTrue(!fingerprint.isEmpty(), "the echo served wss:// with a certificate");
        robot.interact(() -> robot.lookup("#clientCheckPane").queryAs(TitledPane.class).setExpanded(true));
        until(() -> robot.lookup("#clientCheckBox").tryQuery().isPresent());
        ClientCheckModel check = onFx(model::clientCheck);

        robot.clickOn("#clientCheckBox");
        until(() -> onFx(() -> check.onProperty().get()));
        URI cases = URI.create(onFx(() -> check.checkUrlProperty().get()));
        assertEquals("wss", cases.getScheme(), cases.toString());
        assertTrue(onFx(() -> check.reportUrlProperty().get()).startsWith("https://"));

        // The JDK's client trusts only that certificate, by its fingerprint: the same one serves the cases.
        HttpClient http = HttpClient.newBuilder().sslContext(dev.duplex.tls.TlsContexts.client(
                java.util.List.of(dev.duplex.tls.Fingerprint.parse(fingerprint)))).build();
        connectOnce(http, cases);
        until(() -> onFx(() -> check.results().size()) >= 1);
        String observed = onFx(() -> check.results().get(0).observed());
        assertTrue(!observed.contains("TLS"), "the case ran inside TLS: " + observed);
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(onFx(() -> check.reportUrlProperty().get())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode());
    }

    /**
     * One connection to the cases' URL: the server runs the next case on it, and judges whatever the JDK's
     * client makes of it (a refused handshake included); the test waits on the server's result, not on this.
     */
    private static void connectOnce(HttpClient http, URI cases) {
        http.newWebSocketBuilder().buildAsync(cases, new WebSocket.Listener() { });
    }
}
