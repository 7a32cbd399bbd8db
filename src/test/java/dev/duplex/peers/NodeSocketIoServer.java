package dev.duplex.peers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Socket.IO v4 server, or a v2 one ({@link #start2}): npm's {@code socket.io} (pinned to {@link #VERSION}) on Node, on an ephemeral
 * loopback port. On each connection to the default namespace it emits {@code welcome} ("hello", {n:1}), a
 * {@code question} that asks for an ack, and {@code file} with 5 binary bytes; it echoes {@code chat} back,
 * answers {@code ask}'s ack with {got: …}, and greets the {@code /admin} namespace with {@code hi-admin}
 * (its auth echoed). Everything it sees is printed as one JSON line, which a test waits for with {@link
 * #await(String)}.
 */
public final class NodeSocketIoServer implements AutoCloseable {
    static final String VERSION = "4.8.1";

    private static final String SCRIPT = """
            const http = require('http');
            const { Server } = require('socket.io');
            const [pingInterval, pingTimeout] = [Number(process.argv[2]), Number(process.argv[3])];
            const httpServer = http.createServer();
            const io = new Server(httpServer, { pingInterval, pingTimeout, transports: ['websocket'] });
            const say = (o) => console.log(JSON.stringify(o));
            io.on('connection', (socket) => {
              say({ ev: 'connection', ns: '/' });
              socket.emit('welcome', 'hello', { n: 1 });
              socket.emit('question', 'are you there?', (answer) => say({ ev: 'answer', answer }));
              socket.emit('file', Buffer.from([1, 2, 3, 4, 5]));
              socket.on('chat', (...args) => { say({ ev: 'chat', args }); socket.emit('chat', ...args); });
              socket.on('ask', (a, cb) => { say({ ev: 'ask', a }); cb({ got: a }); });
              socket.on('upload', (name, bytes) => say({ ev: 'upload', name, bytes: Array.from(bytes) }));
              socket.on('disconnect', (reason) => say({ ev: 'disconnect', reason }));
            });
            io.of('/admin').on('connection', (s) => { say({ ev: 'connection', ns: '/admin', auth: s.handshake.auth }); s.emit('hi-admin', s.handshake.auth); });
            httpServer.listen(0, '127.0.0.1', () => say({ listening: httpServer.address().port }));
            """;

    private final NodeScript script;

    private NodeSocketIoServer(NodeScript script) {
        this.script = script;
    }

    /** npm's socket.io 2 (over Engine.IO v3, where the client pings): the same default namespace, no /admin and no question. */
    static final String VERSION_2 = "2.5.1";

    private static final String SCRIPT_2 = """
            const http = require('http');
            const [pingInterval, pingTimeout] = [Number(process.argv[2]), Number(process.argv[3])];
            const httpServer = http.createServer();
            const io = require('socket.io')(httpServer, { pingInterval, pingTimeout, transports: ['websocket'] });
            const say = (o) => console.log(JSON.stringify(o));
            io.on('connection', (socket) => {
              say({ ev: 'connection', ns: '/' });
              socket.emit('welcome', 'hello', { n: 1 });
              socket.emit('file', Buffer.from([1, 2, 3, 4, 5]));
              socket.on('chat', (...args) => { say({ ev: 'chat', args }); socket.emit('chat', ...args); });
              socket.on('ask', (a, cb) => { say({ ev: 'ask', a }); cb({ got: a }); });
              socket.on('upload', (name, bytes) => say({ ev: 'upload', name, bytes: Array.from(bytes) }));
              socket.on('disconnect', (reason) => say({ ev: 'disconnect', reason }));
            });
            httpServer.listen(0, '127.0.0.1', () => say({ listening: httpServer.address().port }));
            """;

    /** Socket.IO 2's server, as {@link #start(int, int)} starts the v4 one. */
    public static NodeSocketIoServer start2(int pingIntervalMs, int pingTimeoutMs) throws Exception {
        return start("node-socket.io-2", VERSION_2, SCRIPT_2, pingIntervalMs, pingTimeoutMs);
    }

    public static NodeSocketIoServer start(int pingIntervalMs, int pingTimeoutMs) throws Exception {
        return start("node-socket.io", VERSION, SCRIPT, pingIntervalMs, pingTimeoutMs);
    }

    /** npm's socket.io {@code version}, installed in its own folder {@code name}, running {@code source}. */
    private static NodeSocketIoServer start(String name, String version, String source, int pingIntervalMs,
            int pingTimeoutMs) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path dir = NodeWsServer.installPackage(name, "socket.io", version);
        Path script = dir.resolve("server.js");
        Files.writeString(script, source);
        return new NodeSocketIoServer(new NodeScript(new ProcessBuilder("node", script.toString(),
                Integer.toString(pingIntervalMs), Integer.toString(pingTimeoutMs)).directory(dir.toFile()), name));
    }

    /** The server's bare address, as a user types it: ws://127.0.0.1:PORT */
    public URI address() {
        return URI.create("ws://127.0.0.1:" + script.port());
    }

    /** The next line the server printed that contains {@code fragment}; the lines before it are passed over. */
    public String await(String fragment) throws InterruptedException {
        return script.await(fragment);
    }

    @Override
    public void close() {
        script.close();
    }
}
