package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code duplex connect --decode graphql-ws} against npm's graphql-ws server (not ours): the subprotocol
 * offered and answered, connection_init and its ack, a query with variables and a subscription, each result
 * shown with its operation and count, complete, and mistakes said without sending.
 */
class GraphqlOnTheCommandLineTest {
    private final ConsoleLines out = new ConsoleLines();
    private final ConsoleLines err = new ConsoleLines();

    @Test
    void speaksGraphqlTransportWsWithARealServer() throws Exception {
        try (NodeGraphqlServer server = NodeGraphqlServer.start()) {
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = ConsoleLines.connect(stdin, out, err, "connect", "--decode", "graphql-ws", "--wait", "10000",
                    server.url().toString());
            out.await("onopen", "graphql-transport-ws");
            assertTrue(server.await("\"ev\":\"connect\"").contains("\"params\":{}"), "the empty payload unless told");
            out.await("GraphQL connection_ack");

            type.println("/query query Hello($n: String) { hello(name: $n) } --variables {\"n\":\"Duplex\"}");
            assertTrue(server.await("subscribe").contains("\"variables\":{\"n\":\"Duplex\"}"));
            out.await("GraphQL", "1", "{\"data\":{\"hello\":\"hello Duplex\"}}");
            out.await("GraphQL", "1", "complete", "1");

            type.println("/query subscription { greetings }");
            server.await("greetings");
            out.await("GraphQL", "2", "Hi");
            out.await("GraphQL", "2", "Bonjour");
            out.await("GraphQL", "2", "你好");
            out.await("GraphQL", "2", "complete", "3");

            type.println("/query { nope }");
            err.await("GraphQL", "3", "Cannot query field");
            type.println("/query");
            err.await("/query");
            type.println("/query { hello } --variables [1]");
            err.await("--variables");
            type.println("/stop 99");
            err.await("/stop");

            // Input that ends right after a subscription still gets its results: connect waits for the
            // operation to complete (up to --wait), not only for one reply per line.
            type.println("/query subscription { greetings }");
            type.close();
            out.await("GraphQL", "4", "complete", "3");
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** --connection-init is the payload the server's onConnect reads (where a token goes); one not JSON is refused. */
    @Test
    void theConnectionInitPayloadReachesTheServer() throws Exception {
        try (NodeGraphqlServer server = NodeGraphqlServer.start()) {
            PipedInputStream stdin = new PipedInputStream();
            PrintStream type = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = ConsoleLines.connect(stdin, out, err, "connect", "--decode", "graphql-ws",
                    "--connection-init", "{\"token\": \"abc 你好\"}", server.url().toString());
            assertTrue(server.await("\"ev\":\"connect\"").contains("\"params\":{\"token\":\"abc 你好\"}"));
            out.await("GraphQL connection_ack");
            type.close();
            assertEquals(0, status.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        CompletableFuture<Integer> refused = ConsoleLines.connect(new java.io.ByteArrayInputStream(new byte[0]), out, err,
                "connect", "--decode", "graphql-ws", "--connection-init", "[1]", "ws://127.0.0.1:1/");
        assertEquals(2, refused.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        err.await("--connection-init [1]: a JSON object");
    }
}
