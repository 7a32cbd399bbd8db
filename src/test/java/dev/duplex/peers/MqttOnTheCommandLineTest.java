package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.decode.mqtt.MqttSession;

/**
 * {@code duplex connect --decode mqtt} and {@code mqtt5} against Debian's mosquitto (not ours) over its
 * websockets listener, with mosquitto_pub and mosquitto_sub as the foreign clients on its TCP listener: the
 * CONNACK, a subscription and its SUBACK, publishes both ways at QoS 1 and 2 with their acks answered and
 * paired, PINGREQ on a shortened keep-alive, a refused CONNACK of each version, and a command typed wrongly
 * said without sending.
 */
class MqttOnTheCommandLineTest {
    @TempDir
    static Path dir;
    private static DebianMosquitto broker;

    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();
    private PrintStream type;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = DebianMosquitto.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    private CompletableFuture<Integer> connect(String protocol) throws Exception {
        return connect(protocol, broker.wsUrl().toString());
    }

    private CompletableFuture<Integer> connect(String protocol, String url, String... more) throws Exception {
        PipedInputStream stdin = new PipedInputStream();
        type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of("connect", "--decode", protocol, "--wait", "10000"));
        args.addAll(List.of(more));
        args.add(url);
        return ConsoleLines.connect(stdin, out, err, args.toArray(String[]::new));
    }

    /** The listener that needs a login lets in --login's user with the password, in both versions, and not a wrong one. */
    @Test
    void logsInWithAUserNameAndPassword() throws Exception {
        for (String version : List.of("mqtt", "mqtt5")) {
            CompletableFuture<Integer> status = connect(version, broker.refusingWsUrl().toString(), "--login",
                    DebianMosquitto.USER + ":" + DebianMosquitto.PASSWORD);
            String connect = out.await("MQTT CONNECT MQTT");
            assertTrue(connect.contains("username") && connect.contains("password") && !connect.contains("s3cret"), connect);
            out.await("MQTT CONNACK 0x00");
            type.println("/disconnect");
            type.close();
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        CompletableFuture<Integer> status = connect("mqtt", broker.refusingWsUrl().toString(), "--login", DebianMosquitto.USER + ":wrong");
        err.await("MQTT CONNACK", "refused");
        status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        type.close();
    }

    @Test
    void speaksMqtt311WithMosquitto() throws Exception {
        CompletableFuture<Integer> status = connect("mqtt");
        out.await("onopen", "mqtt");
        out.await("MQTT CONNECT MQTT level 4, client id duplex-", "keep-alive 60 s", "clean");
        out.await("MQTT CONNACK 0x00 Connection Accepted");

        type.println("/subscribe duplex/test qos=1");
        out.await("MQTT SUBSCRIBE packet id 1: duplex/test (QoS 1)");
        out.await("MQTT SUBACK packet id 1 for duplex/test (QoS 1), round trip", "0x01 Granted QoS 1");
        broker.publish("-t", "duplex/test", "-m", "hello", "-q", "1");
        String publish = out.await("MQTT PUBLISH to duplex/test, QoS 1, packet id");
        assertTrue(publish.endsWith(": hello"), publish);
        out.await("MQTT PUBACK packet id");

        try (DebianMosquitto.Subscriber sub = broker.subscribe("-t", "duplex/out", "-C", "1")) {
            sub.await("SUBACK");
            type.println("/publish qos=1 duplex/out 你好");
            out.await("MQTT PUBLISH to duplex/out, QoS 1, packet id", ": 你好");
            out.await("MQTT PUBACK for our PUBLISH to duplex/out", "round trip");
            sub.await("你好");
            assertEquals(0, sub.exitStatus());
        }

        // QoS 2 from a foreign client: PUBREC from us, PUBREL from mosquitto, PUBCOMP from us.
        type.println("/subscribe duplex/two qos=2");
        out.await("MQTT SUBACK", "duplex/two (QoS 2)", "0x02 Granted QoS 2");
        broker.publish("-t", "duplex/two", "-m", "二", "-q", "2");
        out.await("MQTT PUBLISH to duplex/two, QoS 2", ": 二");
        out.await("MQTT PUBREC packet id");
        out.await("MQTT PUBREL packet id");
        out.await("MQTT PUBCOMP packet id");
        // QoS 2 of ours, seen by a foreign client: PUBREC, our PUBREL, PUBCOMP.
        try (DebianMosquitto.Subscriber sub = broker.subscribe("-t", "duplex/out2", "-q", "2", "-C", "1")) {
            sub.await("SUBACK");
            type.println("/publish qos=2 retain duplex/out2 back again");
            out.await("MQTT PUBLISH to duplex/out2, QoS 2", ", retain", ": back again");
            out.await("MQTT PUBREC for our PUBLISH to duplex/out2", "round trip");
            out.await("MQTT PUBREL packet id");
            out.await("MQTT PUBCOMP for our PUBLISH to duplex/out2", "round trip");
            sub.await("back again");
            assertEquals(0, sub.exitStatus());
        }

        type.println("/publish qos=3 duplex/out x");
        err.await("not sent: /publish [qos=0|1|2] [retain] TOPIC BODY");
        type.println("/subscribe");
        err.await("not sent: /subscribe TOPIC [qos=0|1|2]");
        type.println("/unsubscribe duplex/test");
        out.await("MQTT UNSUBACK", "duplex/test", "round trip");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void pingsWhenTheKeepAliveIsShort() throws Exception {
        // The CLI runs in this JVM (ConsoleLines), so the property reaches the session it creates.
        System.setProperty(MqttSession.KEEP_ALIVE_PROPERTY, "2");
        CompletableFuture<Integer> status;
        try {
            status = connect("mqtt");
            out.await("MQTT CONNECT", "keep-alive 2 s");
        } finally {
            System.clearProperty(MqttSession.KEEP_ALIVE_PROPERTY);
        }
        out.await("MQTT CONNACK 0x00");
        // 3/4 of 2 s after the CONNECT, on the next tick of the once-a-second clock.
        out.await("MQTT PINGREQ");
        out.await("MQTT PINGRESP, round trip");
        out.await("MQTT PINGREQ");
        out.await("MQTT PINGRESP, round trip");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void saysARefusedConnectionOfEachVersion() throws Exception {
        CompletableFuture<Integer> status = connect("mqtt", broker.refusingWsUrl().toString());
        err.await("MQTT CONNACK 0x05 not authorized: the server refused the connection");
        // mosquitto then drops the connection, with no WebSocket close: an abnormal end, not ours.
        assertEquals(dev.duplex.cli.Cli.ABNORMAL_CLOSE, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        type.close();

        status = connect("mqtt5", broker.refusingWsUrl().toString());
        err.await("MQTT CONNACK 0x87 Not authorized: the server refused the connection");
        assertEquals(dev.duplex.cli.Cli.ABNORMAL_CLOSE, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        type.close();
    }

    @Test
    void speaksMqtt5WithMosquitto() throws Exception {
        CompletableFuture<Integer> status = connect("mqtt5");
        out.await("MQTT CONNECT MQTT level 5");
        out.await("MQTT CONNACK 0x00 Success", "; properties: ");

        type.println("/subscribe duplex/five qos=1");
        out.await("MQTT SUBACK packet id 1 for duplex/five (QoS 1), round trip", "0x01 Granted QoS 1");
        broker.publish("-V", "mqttv5", "-t", "duplex/five", "-m", "cinq", "-q", "1",
                "-D", "publish", "user-property", "from", "mosquitto_pub", "-D", "publish", "content-type", "text/plain");
        String publish = out.await("MQTT PUBLISH to duplex/five, QoS 1");
        assertTrue(publish.contains("User Property=from:mosquitto_pub"), publish);
        assertTrue(publish.contains("Content Type=text/plain"), publish);
        assertTrue(publish.endsWith(": cinq"), publish);

        try (DebianMosquitto.Subscriber sub = broker.subscribe("-V", "mqttv5", "-t", "duplex/out5", "-C", "1")) {
            sub.await("SUBACK");
            type.println("/publish qos=1 duplex/out5 五");
            out.await("MQTT PUBACK for our PUBLISH to duplex/out5", "round trip");
            sub.await("五");
            assertEquals(0, sub.exitStatus());
        }
        type.println("/disconnect now");
        err.await("not sent: /disconnect");
        type.println("/disconnect");
        out.await("MQTT DISCONNECT");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * --will puts a last will in CONNECT: the broker discards it on our DISCONNECT, and publishes it when the
     * connection ends without one (here the WebSocket's close when the input ends), as mosquitto_sub sees.
     */
    @Test
    void leavesALastWillThatTheBrokerPublishesWhenTheConnectionEndsWithoutDisconnect() throws Exception {
        try (DebianMosquitto.Subscriber sub = broker.subscribe("-t", "duplex/will", "-v")) {
            sub.await("SUBACK");
            CompletableFuture<Integer> status = connect("mqtt", broker.wsUrl().toString(), "--will",
                    "qos=1 duplex/will left without a word");
            out.await("MQTT CONNECT MQTT level 4", "will(QoS 1)");
            out.await("MQTT CONNACK 0x00");
            type.println("/disconnect");
            type.close();
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

            status = connect("mqtt5", broker.wsUrl().toString(), "--will", "retain duplex/will gone 再见");
            out.await("MQTT CONNECT MQTT level 5", "will(QoS 0, retain)");
            out.await("MQTT CONNACK 0x00");
            type.close();
            status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // The first will mosquitto_sub gets is the second one: the first went with its DISCONNECT.
            String will = sub.await("duplex/will ");
            assertTrue(will.endsWith("duplex/will gone 再见"), will);
        }
        // A retained will stays on the topic: cleared, so that no later run finds it.
        broker.publish("-t", "duplex/will", "-r", "-n");

        CompletableFuture<Integer> bad = connect("mqtt", broker.wsUrl().toString(), "--will", "duplex/#");
        type.close();
        assertEquals(dev.duplex.cli.Cli.USAGE, bad.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        err.await("--will duplex/#", "[qos=0|1|2] [retain] TOPIC MESSAGE");
    }
}
