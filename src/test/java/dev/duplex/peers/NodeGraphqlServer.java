package dev.duplex.peers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real GraphQL-over-WebSocket server: npm's {@code graphql-ws} (pinned, with the {@code graphql} it brings)
 * on Node's {@code ws}, at {@code /graphql} on an ephemeral loopback port. Its schema: {@code hello(name)}
 * and the subscription {@code greetings}, which yields Hi, Bonjour and 你好 and completes. It prints the
 * connection_init (with its payload) and each subscribe it got as JSON lines, which a test waits for with {@link #await(String)}.
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
              onConnect: (ctx) => say({ ev: 'connect', params: ctx.connectionParams || null }),
              onSubscribe: (ctx, id, payload) => say({ ev: 'subscribe', id, payload }) }, wss);
            wss.on('listening', () => say({ listening: wss.address().port }));
            """;

    private final NodeScript script;

    private NodeGraphqlServer(NodeScript script) {
        this.script = script;
    }

    static NodeGraphqlServer start() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path ws = NodeWsServer.install().resolve("node_modules");
        // npm brings graphql along as graphql-ws's peer; ws is an optional peer, taken from the ws peer's install.
        Path dir = NodeWsServer.installPackage("node-graphql-ws", "graphql-ws", VERSION);
        Path script = dir.resolve("server.js");
        Files.writeString(script, SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(dir.toFile());
        pb.environment().put("NODE_PATH", ws.toString());
        return new NodeGraphqlServer(new NodeScript(pb, "node-graphql-ws"));
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + script.port() + "/graphql");
    }

    /** The next line the server printed that contains {@code fragment}; the lines before it are passed over. */
    String await(String fragment) throws InterruptedException {
        return script.await(fragment);
    }

    @Override
    public void close() {
        script.close();
    }
}
