package dev.duplex.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real GraphQL-over-WebSocket server: npm's {@code graphql-ws} (pinned, with the {@code graphql} it brings)
 * on Node's {@code ws}, at {@code /graphql} on an ephemeral loopback port. Its schema: {@code hello(name)}
 * and the subscription {@code greetings}, which yields Hi, Bonjour and 你好 and completes. It prints the
 * connection_init and each subscribe it got as JSON lines, which a test waits for with {@link #await(String)}.
 */
final class NodeGraphqlServer implements AutoCloseable {
    static final String VERSION = "6.4.2";

    private static final String SCRIPT = """
            const { WebSocketServer } = require('ws');
            const { useServer } = require('graphql-ws/use/ws');
            const { GraphQLSchema, GraphQLObjectType, GraphQLString } = require('graphql');
            const say = (o) => console.log(JSON.stringify(o));
            const schema = new GraphQLSchema({
              query: new GraphQLObjectType({ name: 'Query', fields: {
                hello: { type: GraphQLString, args: { name: { type: GraphQLString } },
                         resolve: (_, a) => 'hello ' + (a.name || 'world') } } }),
              subscription: new GraphQLObjectType({ name: 'Subscription', fields: {
                greetings: { type: GraphQLString,
                             subscribe: async function* () { for (const hi of ['Hi', 'Bonjour', '你好']) yield { greetings: hi }; } } } }),
            });
            const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/graphql' });
            useServer({ schema,
              onConnect: () => say({ ev: 'connect' }),
              onSubscribe: (ctx, id, payload) => say({ ev: 'subscribe', id, payload }) }, wss);
            wss.on('listening', () => say({ listening: wss.address().port }));
            """;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private NodeGraphqlServer(Process process) throws Exception {
        this.process = process;
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{\"listening\":")) {
                        listening.complete(Integer.parseInt(line.replaceAll("\\D", "")));
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("node graphql-ws server ended: " + lines));
        }, "node-graphql-ws");
        reader.setDaemon(true);
        reader.start();
        this.port = listening.get(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static NodeGraphqlServer start() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path ws = NodeWsServer.install().resolve("node_modules");
        // npm brings graphql along as graphql-ws's peer; ws is an optional peer, taken from the ws peer's install.
        Path dir = NodeWsServer.installPackage("node-graphql-ws", "graphql-ws", VERSION);
        Path script = dir.resolve("server.js");
        Files.writeString(script, SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", ws.toString());
        return new NodeGraphqlServer(pb.start());
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + port + "/graphql");
    }

    /** The next line the server printed that contains {@code fragment}. */
    String await(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + EventRecorder.TIMEOUT.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) throw new AssertionError("the graphql-ws server never printed " + fragment);
            if (line.contains(fragment)) return line;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
