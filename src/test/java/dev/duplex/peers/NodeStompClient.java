package dev.duplex.peers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A STOMP client nobody here wrote: npm's {@code @stomp/stompjs} (pinned) on Node's {@code ws}, connected to a
 * broker. It subscribes to {@code /queue/duplex-out} and answers each message there with
 * {@code reply to: BODY} sent to {@code /queue/duplex-in}; it prints each message it got as a JSON line, and
 * says it is ready once the broker has receipted its subscription.
 */
final class NodeStompClient implements AutoCloseable {
    static final String VERSION = "7.5.0";

    private static final String SCRIPT = """
            Object.assign(global, { WebSocket: require('ws') });
            const { Client } = require('@stomp/stompjs');
            const say = (o) => console.log(JSON.stringify(o));
            const client = new Client({
              brokerURL: process.argv[2], reconnectDelay: 0,
              onConnect: () => {
                client.watchForReceipt('node-sub', () => say({ listening: 1 }));
                client.subscribe('/queue/duplex-out', (m) => {
                  say({ ev: 'message', body: m.body, destination: m.headers.destination });
                  client.publish({ destination: '/queue/duplex-in', body: 'reply to: ' + m.body,
                                   headers: { 'content-type': 'text/plain' } });
                }, { receipt: 'node-sub' });
              },
              onStompError: (f) => say({ ev: 'error', message: f.headers.message }),
              onWebSocketError: () => say({ ev: 'socket error' }),
            });
            client.activate();
            """;

    private final NodeScript script;

    private NodeStompClient(NodeScript script) {
        this.script = script;
    }

    static NodeStompClient start(URI broker) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path ws = NodeWsServer.install().resolve("node_modules");
        Path dir = NodeWsServer.installPackage("node-stompjs", "@stomp/stompjs", VERSION);
        Path script = dir.resolve("client.js");
        Files.writeString(script, SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), broker.toString()).directory(dir.toFile());
        pb.environment().put("NODE_PATH", ws.toString());
        return new NodeStompClient(new NodeScript(pb, "node-stompjs"));
    }

    /** The next line the client printed that contains {@code fragment}. */
    String await(String fragment) throws InterruptedException {
        return script.await(fragment);
    }

    @Override
    public void close() {
        script.close();
    }
}
