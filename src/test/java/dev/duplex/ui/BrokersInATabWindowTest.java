package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.decode.mqtt.MqttSession;
import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.peers.TabBrokers;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * STOMP and MQTT spoken from the window's client tab, against Debian's RabbitMQ (Web-STOMP) and mosquitto,
 * as a user does it: the protocol chosen in the Application protocol panel, Connect, the commands typed in
 * the message box and sent, and what the broker answers decoded in the tab's log. The protocols' own timed
 * sends (a STOMP heart-beat, an MQTT PINGREQ) run from the tab's clock, a JavaFX Timeline, which is why this
 * drives the real window on the FX toolkit rather than the model on a stand-in thread. Skipped when a broker is
 * missing, failing under {@code CI=true}.
 */
@ExtendWith(ApplicationExtension.class)
class BrokersInATabWindowTest {
    private static final String STOMP_HEART_BEAT = "duplex.stomp.heartBeatMs";

    @TempDir
    Path dir;
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
    void stompWithRabbitMqInATab(FxRobot robot) throws Exception {
        try (TabBrokers.RabbitMq broker = TabBrokers.rabbitMq(dir)) {
            choose(robot, "stomp");
            // Read when the session is made, at Connect: heart-beats every second both ways.
            String before = System.getProperty(STOMP_HEART_BEAT);
            System.setProperty(STOMP_HEART_BEAT, "1000");
            try {
                connect(robot, broker.url().toString());
            } finally {
                restore(STOMP_HEART_BEAT, before);
            }
            untilLogged(robot, "STOMP CONNECTED, version 1.2", "RabbitMQ",
                    "we send every 1000 ms, the server every 1000 ms");

            type(robot, "/subscribe /queue/tab");
            untilLogged(robot, "STOMP RECEIPT r-1 for SUBSCRIBE /queue/tab", "round trip");
            type(robot, "/send /queue/tab hello 你好");
            untilLogged(robot, "STOMP RECEIPT r-2 for SEND /queue/tab", "round trip");
            String message = untilLogged(robot, "STOMP MESSAGE from /queue/tab, subscription sub-1");
            assertTrue(message.endsWith(": hello 你好"), message);

            // The tab's clock: ours go out on time, and the broker's come in as it promised.
            untilLogged(robot, "STOMP heart-beat sent");
            untilLogged(robot, "STOMP heart-beat from the server");

            // The protocol's own goodbye; RabbitMQ closes the connection after it, and the tab does not reconnect.
            type(robot, "/disconnect");
            untilLogged(robot, "STOMP DISCONNECT");
            until(() -> onFx(() -> model.selectedTabProperty().get().stateProperty().get()) == ClientState.DISCONNECTED);
        }
    }

    @Test
    void mqttWithMosquittoInATab(FxRobot robot) throws Exception {
        try (TabBrokers.Mosquitto broker = TabBrokers.mosquitto(dir)) {
            choose(robot, "mqtt");
            // A keep-alive of 2 s: PINGREQ at 3/4 of it, on a tick of the tab's once-a-second clock.
            String before = System.getProperty(MqttSession.KEEP_ALIVE_PROPERTY);
            System.setProperty(MqttSession.KEEP_ALIVE_PROPERTY, "2");
            try {
                connect(robot, broker.wsUrl().toString());
            } finally {
                restore(MqttSession.KEEP_ALIVE_PROPERTY, before);
            }
            untilLogged(robot, "MQTT CONNECT MQTT level 4", "keep-alive 2 s");
            untilLogged(robot, "MQTT CONNACK 0x00 Connection Accepted");

            type(robot, "/subscribe duplex/tab qos=1");
            untilLogged(robot, "MQTT SUBACK packet id 1 for duplex/tab (QoS 1), round trip", "0x01 Granted QoS 1");
            broker.publish("-t", "duplex/tab", "-m", "hello 你好", "-q", "1");
            String publish = untilLogged(robot, "MQTT PUBLISH to duplex/tab, QoS 1, packet id");
            assertTrue(publish.endsWith(": hello 你好"), publish);

            type(robot, "/publish qos=1 duplex/tab2 x");
            untilLogged(robot, "MQTT PUBACK for our PUBLISH to duplex/tab2", "round trip");

            untilLogged(robot, "MQTT PINGREQ");
            untilLogged(robot, "MQTT PINGRESP, round trip");

            robot.clickOn("#disconnectButton");
            until(() -> onFx(() -> model.selectedTabProperty().get().stateProperty().get()) == ClientState.DISCONNECTED);

            // The panel's login, typed as a user does: the listener that needs one lets the tab in.
            robot.interact(() -> {
                robot.lookup(".client-pane #loginField").queryTextInputControl().setText(TabBrokers.Mosquitto.USER);
                robot.lookup(".client-pane #passwordField").queryTextInputControl().setText(TabBrokers.Mosquitto.PASSWORD);
            });
            connect(robot, broker.loginWsUrl().toString());
            until(() -> clientLog(robot).stream().filter(l -> l.contains("MQTT CONNACK 0x00 Connection Accepted")).count() == 2);
            String connect = clientLog(robot).stream().filter(l -> l.contains("MQTT CONNECT MQTT level 4")).reduce((a, b) -> b).orElseThrow();
            assertTrue(connect.contains("username") && !connect.contains("s3cret"), connect);
            robot.clickOn("#disconnectButton");
            until(() -> onFx(() -> model.selectedTabProperty().get().stateProperty().get()) == ClientState.DISCONNECTED);
        }
    }

    /** Opens the Application protocol panel and chooses {@code protocol} there. */
    private static void choose(FxRobot robot, String protocol) {
        robot.interact(() -> robot.lookup(".client-pane #decodePane").queryAs(TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> protocols = robot.lookup(".client-pane #protocolBox").queryAs(ComboBox.class);
        robot.interact(() -> protocols.setValue(protocol));
    }

    /** The URL typed and Connect clicked; the session is made on the FX thread before the click returns. */
    private void connect(FxRobot robot, String url) throws Exception {
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(url));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> onFx(() -> model.selectedTabProperty().get().stateProperty().get()) == ClientState.OPEN);
    }

    /** A line typed in the message box and sent with the Send button. */
    private static void type(FxRobot robot, String line) {
        robot.interact(() -> robot.lookup("#messageField").queryTextInputControl().setText(line));
        robot.clickOn("#sendButton");
    }

    private static void restore(String property, String before) {
        if (before == null) System.clearProperty(property);
        else System.setProperty(property, before);
    }

    /** Waits for a line of the client's log holding every fragment, and gives it; says what the log held if none does. */
    private static String untilLogged(FxRobot robot, String... fragments) throws Exception {
        try {
            until(() -> line(robot, fragments) != null);
        } catch (TimeoutException e) {
            throw new AssertionError("never logged: " + Arrays.toString(fragments) + "\n" + String.join("\n", clientLog(robot)), e);
        }
        return line(robot, fragments);
    }

    private static String line(FxRobot robot, String... fragments) throws Exception {
        for (String l : clientLog(robot)) {
            if (Arrays.stream(fragments).allMatch(l::contains)) return l;
        }
        return null;
    }

    private static List<String> clientLog(FxRobot robot) throws Exception {
        ListView<WsEvent> view = robot.lookup(".client-pane #logView").queryListView();
        EventText format = new EventText(Texts.of(Locale.ENGLISH));
        return onFx(() -> view.getItems().stream().map(e -> format.line(e, EventText.Side.CLIENT).toString()).toList());
    }
}
