package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.server.ServerClient;
import dev.duplex.net.WsEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/** The server lab in the window: the clients table, server push and broadcast, and the behaviour switches. */
@ExtendWith(ApplicationExtension.class)
class ServerLabWindowTest {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private void connected(FxRobot robot) throws Exception {
        TestWindow.startAndConnect(robot, model);
    }

    private String log(FxRobot robot, String pane, EventText.Side side) throws Exception {
        ListView<WsEvent> view = robot.lookup(pane + " #logView").queryListView();
        EventText format = new EventText(Texts.of(java.util.Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, side).toString())
                .collect(Collectors.joining("\n")));
    }

    @SuppressWarnings("unchecked")
    private TableView<ServerClient> table(FxRobot robot) {
        return robot.lookup("#clientTable").queryAs(TableView.class);
    }

    private void send(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(text));
        robot.clickOn("#sendButton");
    }

    @Test
    void theClientsTableShowsWhoIsConnectedAndCountsBothWays(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> robot.lookup(".server-pane #tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<ServerClient> table = table(robot);
        until(() -> table.getItems().size() == 1);
        ServerClient row = onFx(() -> table.getItems().get(0));
        assertEquals("/", row.path());
        assertTrue(row.origin().startsWith("http://127.0.0.1:"), row.origin());
        assertEquals(row.peer(), onFx(() -> table.getSelectionModel().getSelectedItem().peer()), "the newcomer is chosen");

        send(robot, "count me");
        until(() -> row.messagesInProperty().get() == 1 && row.messagesOutProperty().get() == 1);
        assertEquals(8, row.bytesInProperty().get());

        robot.interact(() -> robot.lookup("#pushField").queryTextInputControl().setText("to everyone"));
        robot.clickOn("#broadcastButton");
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: to everyone"));
        until(() -> row.messagesOutProperty().get() == 2);

        robot.clickOn("#disconnectButton");
        until(() -> table.getItems().isEmpty());
    }

    @Test
    void behaviourSwitchesApplyToTheRunningServerAndSayWhatTheyDo(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup("#behaviourPane").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#dropEveryField").queryTextInputControl().setText("2");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#applyBehaviourButton");
        Label state = robot.lookup("#behaviourStateLabel").queryAs(Label.class);
        until(() -> state.getText().equals("Misbehaving on purpose: drops one reply in every 2"));

        send(robot, "first");
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: first"));
        send(robot, "second");
        until(() -> log(robot, ".server-pane", EventText.Side.SERVER).contains("not replying to message 2 of"));
        send(robot, "third");
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: third"));
        assertTrue(!log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: second"));

        // Refuse the next upgrade: the running server takes it at once.
        robot.interact(() -> {
            robot.lookup("#refuseBox").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#refuseStatusField").queryTextInputControl().setText("451");
            robot.lookup("#dropEveryField").queryTextInputControl().setText("0");
        });
        robot.clickOn("#applyBehaviourButton");
        until(() -> state.getText().equals("Misbehaving on purpose: refuses upgrades with HTTP 451"));
        robot.clickOn("#disconnectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.DISCONNECTED);
        robot.clickOn("#connectButton");
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("handshake refused: HTTP 451"));
        until(() -> log(robot, ".server-pane", EventText.Side.SERVER).contains("with HTTP 451, as the behaviour says"));

        // A wrong switch is a clear message, and what is in force stays as it was.
        robot.interact(() -> robot.lookup("#delayField").queryTextInputControl().setText("soon"));
        robot.clickOn("#applyBehaviourButton");
        Label notice = robot.lookup(".server-pane #noticeLabel").queryAs(Label.class);
        until(() -> notice.getText().startsWith("The delay must be a whole number"));
        assertEquals("Misbehaving on purpose: refuses upgrades with HTTP 451", state.getText());
    }

    @Test
    void aBurstIsAnsweredInFullWithItsRoundTripsChartedAndCounted(FxRobot robot) throws Exception {
        connected(robot);
        robot.interact(() -> {
            robot.lookup("#burstPane").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#burstTemplateField").queryTextInputControl().setText("burst {n}");
            robot.lookup("#burstCountField").queryTextInputControl().setText("50");
            robot.lookup("#burstEveryField").queryTextInputControl().setText("0");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#burstStartButton");
        until(() -> model.selectedTabProperty().get().burst().statsProperty().get() != null && model.selectedTabProperty().get().burst().statsProperty().get().answered() == 50);
        dev.duplex.model.client.Burst.Stats stats = onFx(() -> model.selectedTabProperty().get().burst().statsProperty().get());
        assertEquals(50, stats.sent());
        assertTrue(stats.p50() > 0 && stats.p50() <= stats.p99() && stats.p99() <= stats.max(), stats.toString());
        @SuppressWarnings("unchecked")
        javafx.scene.chart.LineChart<Number, Number> chart = robot.lookup("#rttChart").queryAs(javafx.scene.chart.LineChart.class);
        until(() -> chart.getData().get(0).getData().size() == 50);
        Label label = robot.lookup("#burstStatsLabel").queryAs(Label.class);
        until(() -> label.getText().startsWith("sent 50 of 50 · answered 50 · "));
        until(() -> log(robot, ".server-pane", EventText.Side.SERVER).contains("received from 127.0.0.1"));
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: burst 50"));
    }

    @Test
    void theServerOnWssShowsItsFingerprintAndTheClientTrustsItWithOneClick(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#labPane").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#tlsBox").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        robot.clickOn("#startButton");
        until(() -> model.server().stateProperty().get() == ServerState.RUNNING);
        String url = onFx(() -> model.server().urlProperty().get());
        assertTrue(url.startsWith("wss://127.0.0.1:"), url);
        String fingerprint = onFx(() -> model.server().fingerprintProperty().get());
        assertEquals(95, fingerprint.length(), fingerprint);
        Label shown = robot.lookup("#fingerprintLabel").queryAs(Label.class);
        until(() -> shown.getText().endsWith(fingerprint));

        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        robot.clickOn("#connectButton");
        javafx.scene.control.Button trust = robot.lookup("#trustButton").queryButton();
        until(trust::isVisible);
        // The log on screen follows the model within a tenth of a second (PacedList).
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains(fingerprint));
        robot.clickOn(trust);
        until(() -> !trust.isVisible());
        robot.clickOn("#connectButton");
        until(() -> model.selectedTabProperty().get().stateProperty().get() == ClientState.OPEN);
        send(robot, "over wss");
        until(() -> log(robot, ".client-pane", EventText.Side.CLIENT).contains("message received: over wss"));
    }
}
