package dev.duplex.peers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Node's {@code ws} as a server that drops its first connection: the first message that comes on it is
 * answered by a close (1012, service restart); on every later connection a login {@code {"login": NAME}} is
 * answered with {@code welcome NAME}. It prints each connection and each message, with the connection it came on.
 */
public final class NodeDroppingServer implements AutoCloseable {
    private static final String SCRIPT = """
            const { WebSocketServer } = require('ws');
            const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
            let connections = 0;
            wss.on('listening', () => console.log(JSON.stringify({ listening: wss.address().port })));
            wss.on('connection', (ws) => {
              const n = ++connections;
              console.log(JSON.stringify({ connection: n }));
              ws.on('message', (data) => {
                console.log(JSON.stringify({ got: data.toString(), on: n }));
                if (n === 1) ws.close(1012, 'restarting');
                else ws.send('welcome ' + JSON.parse(data.toString()).login);
              });
            });
            """;

    private final NodeScript script;

    private NodeDroppingServer(NodeScript script) {
        this.script = script;
    }

    public static NodeDroppingServer start() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path dir = NodeWsServer.install();
        Files.writeString(dir.resolve("dropping-server.js"), SCRIPT);
        return new NodeDroppingServer(new NodeScript(new ProcessBuilder("node", "dropping-server.js").directory(dir.toFile()),
                "node-dropping-server"));
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + script.port() + "/");
    }

    /** The next line the server printed that contains {@code fragment}. */
    public String await(String fragment) throws InterruptedException {
        return script.await(fragment);
    }

    @Override
    public void close() {
        script.close();
    }
}
