package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.duplex.tls.ServerIdentity;

/**
 * Node's {@code ws} on both sides of the proxy (installed as for {@link NodeWsServer}), for the proxy's
 * tests here and the window's Proxy pane's in {@code dev.duplex.ui}: an upstream server
 * that reports what it was sent, and a client whose headers, subprotocols, messages and close are scripted.
 */
public final class NodeProxyPeers {
    private static final JsonFactory JSON = new JsonFactory();

    private NodeProxyPeers() { }

    /**
     * The upstream: echoes every message and prints one line per thing it saw: {@code HANDSHAKE {json}}
     * (as {@link NodeWsServer} prints it), {@code MESSAGE {"data":…}}, {@code CLOSE {"code":…,"reason":…}}.
     * A message {@code close:CODE:REASON} makes it close with that code; {@code terminate} makes it drop the
     * connection without a close frame. It refuses with 403 a client whose Origin is http://refused.test,
     * and answers the first offered subprotocol it supports. With a TLS identity it serves wss://.
     */
    public static final class Upstream implements AutoCloseable {
        private final Process process;
        private final int port;
        private final boolean tls;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> output = Collections.synchronizedList(new ArrayList<>());

        private Upstream(Process process, boolean tls) throws Exception {
            this.process = process;
            this.tls = tls;
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        output.add(line);
                        if (line.startsWith("LISTENING ")) listening.complete(Integer.parseInt(line.substring(10).strip()));
                        else lines.add(line);
                    }
                } catch (IOException e) {
                    output.add("(reading failed: " + e + ")");
                }
                listening.completeExceptionally(new IllegalStateException("node exited before listening: " + output));
            }, "node-upstream");
            reader.setDaemon(true);
            reader.start();
            this.port = listening.get(30, TimeUnit.SECONDS);
        }

        public static Upstream start(List<String> subprotocols, ServerIdentity tls) throws Exception {
            ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
            Path dir = NodeWsServer.install();
            Files.writeString(dir.resolve("proxy-upstream.js"), UPSTREAM);
            Path pem = Files.createTempDirectory("duplex-proxy-upstream");
            if (tls != null) {
                Files.writeString(pem.resolve("key.pem"), pem("PRIVATE KEY", tls.privateKey().getEncoded()));
                Files.writeString(pem.resolve("cert.pem"), pem("CERTIFICATE", tls.certificate().getEncoded()));
            }
            String config = "{\"subprotocols\":" + NodeArgs.jsonList(subprotocols) + ",\"tls\":" + (tls != null)
                    + ",\"pem\":" + NodeArgs.json(pem.toString()) + "}";
            Process p = new ProcessBuilder("node", dir.resolve("proxy-upstream.js").toString(), config)
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            return new Upstream(p, tls != null);
        }

        public URI uri(String path) {
            return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + port + path);
        }

        public int port() {
            return port;
        }

        /** The next line starting with {@code kind} ("HANDSHAKE", "MESSAGE", "CLOSE"), its JSON part. */
        public String next(String kind) throws InterruptedException {
            long deadline = System.nanoTime() + EventRecorder.TIMEOUT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) fail("the node upstream printed no " + kind + " line; output: " + output);
                if (line.startsWith(kind + " ")) return line.substring(kind.length() + 1);
            }
        }

        NodeWsServer.Handshake nextHandshake() throws Exception {
            return NodeWsServer.parseHandshake(next("HANDSHAKE"));
        }

        public Map<String, String> nextMessage() throws Exception {
            return parse(next("MESSAGE"));
        }

        public Map<String, String> nextClose() throws Exception {
            return parse(next("CLOSE"));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    /**
     * What the client does: offers {@code subprotocols} with these extra {@code headers} (Origin among them),
     * pings first if asked, sends {@code messages} once open, and after {@code replies} messages have come
     * back closes with {@code closeCode} and {@code closeReason} (closeCode 0: drops the connection without a
     * close frame; replies 0: waits for the server to close).
     */
    public record Script(List<String> subprotocols, Map<String, String> headers, boolean pingFirst, List<String> messages,
            int replies, int closeCode, String closeReason) { }

    /** Runs the client against {@code url}; its lines (open, message, pong, refused, error, close) in order. */
    public static List<Map<String, String>> runClient(URI url, Script script) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        Path dir = NodeWsServer.install();
        Files.writeString(dir.resolve("proxy-client.js"), CLIENT);
        StringBuilder headers = new StringBuilder("{");
        script.headers().forEach((k, v) -> headers.append(headers.length() > 1 ? "," : "").append(NodeArgs.json(k)).append(':').append(NodeArgs.json(v)));
        headers.append('}');
        String config = "{\"url\":" + NodeArgs.json(url.toString()) + ",\"protocols\":" + NodeArgs.jsonList(script.subprotocols())
                + ",\"headers\":" + headers + ",\"pingFirst\":" + script.pingFirst() + ",\"messages\":"
                + NodeArgs.jsonList(script.messages()) + ",\"replies\":" + script.replies() + ",\"closeCode\":" + script.closeCode()
                + ",\"closeReason\":" + NodeArgs.json(script.closeReason()) + "}";
        Process node = new ProcessBuilder("node", dir.resolve("proxy-client.js").toString(), config)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return node.getInputStream().readAllBytes();
            } catch (IOException e) {
                return ("(unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        if (!node.waitFor(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            node.destroyForcibly().waitFor();
            fail("the node client did not finish: " + new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) lines.add(parse(line));
        }
        return lines;
    }

    public static List<Map<String, String>> of(List<Map<String, String>> lines, String event) {
        return lines.stream().filter(l -> event.equals(l.get("event"))).toList();
    }

    private static Map<String, String> parse(String line) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, p.getValueAsString());
            }
        }
        return m;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static final String UPSTREAM = """
            'use strict';
            // Written by dev.duplex.peers.NodeProxyPeers: the upstream of Duplex's proxy in its tests.
            const fs = require('fs');
            const { WebSocketServer } = require('ws');
            const config = JSON.parse(process.argv[2]);
            const supported = config.subprotocols || [];
            const say = (kind, o) => console.log(kind + ' ' + JSON.stringify(o));
            const options = {
              perMessageDeflate: true, // offered by this server; Duplex must not take it on its leg
              handleProtocols: (offered) => { for (const p of offered) if (supported.includes(p)) return p; return false; },
              verifyClient: (info, done) => info.origin === 'http://refused.test' ? done(false, 403, 'Forbidden') : done(true),
            };
            let server;
            if (config.tls) {
              server = require('https').createServer({ key: fs.readFileSync(config.pem + '/key.pem'), cert: fs.readFileSync(config.pem + '/cert.pem') });
              options.server = server;
            } else {
              options.host = '127.0.0.1';
              options.port = 0;
            }
            const wss = new WebSocketServer(options);
            wss.on('headers', (headers, req) => { req.duplexResponse = headers.slice(); });
            wss.on('connection', (ws, req) => {
              say('HANDSHAKE', { url: req.url, headers: req.headers, rawHeaders: req.rawHeaders, protocol: ws.protocol || '',
                extensions: ws.extensions || '', response: req.duplexResponse || [] });
              ws.on('message', (data, isBinary) => {
                const text = data.toString();
                say('MESSAGE', { data: isBinary ? 'binary:' + data.toString('hex') : text });
                if (!isBinary && text.startsWith('close:')) {
                  const [, code, reason] = text.split(':');
                  ws.close(Number(code), reason);
                } else if (!isBinary && text === 'terminate') {
                  ws.terminate();
                } else {
                  ws.send(data, { binary: isBinary });
                }
              });
              ws.on('close', (code, reason) => say('CLOSE', { code, reason: reason.toString() }));
              ws.on('error', (e) => say('ERROR', { message: e.message }));
            });
            const listening = () => console.log('LISTENING ' + (server || wss).address().port);
            if (server) server.listen(0, '127.0.0.1', listening); else wss.on('listening', listening);
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            process.on('SIGTERM', () => process.exit(0));
            """;

    private static final String CLIENT = """
            'use strict';
            // Written by dev.duplex.peers.NodeProxyPeers: a client of Duplex's proxy in its tests.
            const WebSocket = require('ws');
            const cfg = JSON.parse(process.argv[2]);
            const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
            const ws = new WebSocket(cfg.url, cfg.protocols, { headers: cfg.headers, perMessageDeflate: true });
            let replies = 0;
            ws.on('unexpected-response', (req, res) => {
              let body = '';
              res.on('data', (d) => { body += d; });
              res.on('end', () => { out({ event: 'refused', status: res.statusCode, body }); process.exit(0); });
            });
            ws.on('open', () => {
              out({ event: 'open', protocol: ws.protocol, extensions: ws.extensions });
              if (cfg.pingFirst) ws.ping('anyone?');
              for (const m of cfg.messages) ws.send(m);
            });
            ws.on('pong', (data) => out({ event: 'pong', data: data.toString() }));
            ws.on('message', (data) => {
              out({ event: 'message', data: data.toString() });
              replies++;
              if (cfg.replies > 0 && replies === cfg.replies) {
                if (cfg.closeCode > 0) ws.close(cfg.closeCode, cfg.closeReason);
                else { out({ event: 'terminated' }); ws.terminate(); }
              }
            });
            ws.on('error', (e) => out({ event: 'error', message: e.message }));
            ws.on('close', (code, reason) => { out({ event: 'close', code, reason: reason.toString() }); process.exit(0); });
            """;
}
