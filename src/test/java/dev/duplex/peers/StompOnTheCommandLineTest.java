package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duplex connect --decode stomp} against RabbitMQ's Web-STOMP from Debian, with npm's stompjs as the
 * other party on the same broker: the subprotocol agreed, CONNECT and CONNECTED with the heart-beats settled
 * and kept both ways, SUBSCRIBE, SEND and UNSUBSCRIBE each paired with its RECEIPT, a MESSAGE from the other
 * client decoded with its headers and body, the broker's ERROR, DISCONNECT, and typing mistakes said without sending.
 */
class StompOnTheCommandLineTest {
    @TempDir
    static Path dir;
    private static DebianRabbitMq broker;

    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();
    /** Standard input of the connect running, for the test to type on. */
    private PrintStream type;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = DebianRabbitMq.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    /**
     * {@code duplex connect --decode stomp --wait 10000 OPTIONS… BROKER} on its own thread, {@code typedFirst}
     * on its input before it starts; {@link #type} is its input from then on.
     */
    private CompletableFuture<Integer> connect(List<String> typedFirst, String... options) throws Exception {
        PipedInputStream stdin = new PipedInputStream();
        type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
        typedFirst.forEach(type::println);
        List<String> args = new ArrayList<>(List.of("connect", "--decode", "stomp", "--wait", "10000"));
        args.addAll(List.of(options));
        args.add(broker.url().toString());
        return ConsoleLines.connect(stdin, out, err, args.toArray(String[]::new));
    }

    @Test
    void talksToAnotherClientThroughRabbitMq() throws Exception {
        try (NodeStompClient other = NodeStompClient.start(broker.url())) {
            // Typed before the broker answered CONNECT: held, and sent once it has.
            CompletableFuture<Integer> status = connect(List.of("/subscribe /queue/duplex-in"));
            out.await("onopen", "v12.stomp");
            out.await("STOMP CONNECT", "accept-version=1.2,1.1,1.0", "heart-beat=10000,10000");
            out.await("STOMP CONNECTED", "version 1.2", "RabbitMQ");
            out.await("STOMP RECEIPT r-1", "SUBSCRIBE /queue/duplex-in", "round trip");

            type.println("/send /queue/duplex-out hello 你好");
            out.await("STOMP RECEIPT r-2", "SEND /queue/duplex-out");
            assertTrue(other.await("\"ev\":\"message\"").contains("\"body\":\"hello 你好\""));
            String message = out.await("STOMP MESSAGE", "/queue/duplex-in");
            assertTrue(message.contains("sub-1") && message.contains("text/plain") && message.endsWith("reply to: hello 你好"), message);

            type.println("/unsubscribe nope");
            err.await("not sent: /unsubscribe ID", "sub-1");
            type.println("/send /queue/duplex-out");
            err.await("not sent: /send DESTINATION BODY");
            type.println("/subscribe");
            err.await("not sent: /subscribe DESTINATION [ID]");
            type.println("/unsubscribe sub-1");
            out.await("STOMP RECEIPT r-3", "UNSUBSCRIBE sub-1");
            // RabbitMQ closes at DISCONNECT without the receipt asked for.
            type.println("/disconnect");
            out.await("STOMP DISCONNECT", "receipt=r-4");
            type.close();
            out.await("onclose", "closed by the server");
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * A subscription with ack:client-individual: each MESSAGE says how to acknowledge it; NACK has RabbitMQ give
     * the message again, redelivered; ACK settles it, with its receipt; an id that waits for nothing is refused.
     */
    @Test
    void acknowledgesByHand() throws Exception {
        CompletableFuture<Integer> status = connect(List.of());
        out.await("STOMP CONNECTED");
        type.println("/subscribe /queue/acked ack=client-individual");
        out.await("STOMP RECEIPT r-1", "SUBSCRIBE /queue/acked");
        type.println("/send /queue/acked first");
        String first = out.await("STOMP MESSAGE from /queue/acked", "to acknowledge: /ack ");
        assertTrue(first.endsWith(": first"), first);
        String id = first.substring(first.indexOf("/ack ") + 5, first.indexOf(" (or /nack"));
        type.println("/nack " + id);
        out.await("STOMP RECEIPT", "NACK " + id);
        String again = out.await("STOMP MESSAGE from /queue/acked", ", redelivered");
        assertTrue(again.endsWith(": first"), again);
        String second = again.substring(again.indexOf("/ack ") + 5, again.indexOf(" (or /nack"));
        type.println("/ack " + second);
        out.await("STOMP RECEIPT", "ACK " + second);
        type.println("/ack " + second);
        err.await("not sent: /ack ID");
        type.println("/disconnect");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** --vhost is CONNECT's host header: the broker's other virtual host lets guest in, one it lacks refuses. */
    @Test
    void connectsToTheVirtualHostAskedFor() throws Exception {
        CompletableFuture<Integer> status = connect(List.of("/subscribe /queue/in-vh", "/send /queue/in-vh here"),
                "--vhost", DebianRabbitMq.OTHER_VHOST);
        out.await("STOMP CONNECT", "host=" + DebianRabbitMq.OTHER_VHOST);
        out.await("STOMP CONNECTED");
        assertTrue(out.await("STOMP MESSAGE from /queue/in-vh").endsWith(": here"));
        type.println("/disconnect");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

        CompletableFuture<Integer> refused = connect(List.of(), "--vhost", "no-such-vhost");
        out.await("STOMP CONNECT", "host=no-such-vhost");
        err.await("STOMP ERROR");
        type.close();
        refused.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * /begin opens a transaction that the /send after it goes in: an aborted one is never delivered, a committed
     * one is; a second /begin, or a /commit with none open, is refused.
     */
    @Test
    void sendsInATransactionThatIsDeliveredOnlyOnCommit() throws Exception {
        CompletableFuture<Integer> status = connect(List.of());
        out.await("STOMP CONNECTED");
        type.println("/subscribe /queue/transacted");
        out.await("STOMP RECEIPT r-1", "SUBSCRIBE /queue/transacted");
        type.println("/begin");
        out.await("STOMP RECEIPT r-2", "BEGIN tx-1");
        // Every line from here on, to see that the aborted message never comes.
        List<String> read = new java.util.ArrayList<>();
        type.println("/send /queue/transacted dropped");
        read.addAll(out.upTo("STOMP SEND", "transaction=tx-1", "dropped")); // RabbitMQ answers its receipt on COMMIT
        type.println("/begin");
        err.await("not sent: transaction tx-1 is still open");
        type.println("/abort");
        read.addAll(out.upTo("STOMP RECEIPT r-4", "ABORT tx-1"));
        type.println("/commit");
        err.await("not sent: /commit ends the open transaction (open: -)");
        type.println("/begin mine");
        read.addAll(out.upTo("STOMP RECEIPT r-5", "BEGIN mine"));
        type.println("/send /queue/transacted kept");
        read.addAll(out.upTo("STOMP SEND", "transaction=mine", "kept"));
        type.println("/commit mine");
        // The MESSAGE, COMMIT's receipt and, only now, the SEND's, in whichever order the broker gives them.
        read.addAll(out.upTo("STOMP MESSAGE from /queue/transacted"));
        assertTrue(read.get(read.size() - 1).endsWith(": kept"), read.toString());
        while (read.stream().noneMatch(l -> l.contains("STOMP RECEIPT r-6 for SEND /queue/transacted transaction:mine"))
                || read.stream().noneMatch(l -> l.contains("STOMP RECEIPT r-7 for COMMIT mine"))) {
            read.addAll(out.upTo("STOMP RECEIPT"));
        }
        assertTrue(read.stream().noneMatch(l -> l.contains("dropped") && l.contains("STOMP MESSAGE")),
                "the aborted message never came: " + read);
        type.println("/disconnect");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** --login goes in CONNECT as login and passcode, the passcode not in the decoded line; a wrong one is refused. */
    @Test
    void logsInWithLoginAndPasscode() throws Exception {
        CompletableFuture<Integer> status = connect(List.of(), "--login", "guest:guest");
        String connect = out.await("STOMP CONNECT", "login=guest");
        assertTrue(connect.contains("passcode=•••") && !connect.contains("passcode=guest"), connect);
        out.await("STOMP CONNECTED");
        type.println("/disconnect");
        type.close();
        assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

        status = connect(List.of(), "--login", "guest:wrong");
        err.await("STOMP ERROR");
        type.close();
        status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void keepsTheHeartBeatsAndShowsTheBrokersError() throws Exception {
        String before = System.getProperty("duplex.stomp.heartBeatMs");
        System.setProperty("duplex.stomp.heartBeatMs", "1000");
        try {
            CompletableFuture<Integer> status = connect(List.of());
            out.await("STOMP CONNECTED", "we send every 1000 ms, the server every 1000 ms");
            out.await("STOMP heart-beat from the server");
            out.await("STOMP heart-beat sent");
            out.await("STOMP heart-beat from the server");
            // RabbitMQ knows no such kind of destination: it answers with ERROR (and carries on).
            type.println("/send /nowhere/at-all x");
            err.await("STOMP ERROR", "nowhere");
            type.println("/disconnect");
            type.close();
            out.await("onclose");
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            if (before == null) System.clearProperty("duplex.stomp.heartBeatMs");
            else System.setProperty("duplex.stomp.heartBeatMs", before);
        }
    }
}
