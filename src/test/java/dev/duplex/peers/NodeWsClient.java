package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A real client peer: Node's {@code ws} package (installed as for {@link NodeWsServer}) runs one
 * scripted conversation and prints what it saw, one JSON object per line: {@code open} (with the
 * subprotocol), {@code message}, {@code pong}, {@code refused} (status, headers, body of an
 * unexpected HTTP answer), {@code error}, {@code close} (code, reason). It sends its messages one after
 * the other as soon as it is open, optionally a ping first, and closes with 1000 once it has had
 * {@code repliesBeforeClose} messages (0: waits for the server to close).
 */
final class NodeWsClient {
    private static final JsonFactory JSON = new JsonFactory();

    /** What the script does. */
    record Script(List<String> subprotocols, boolean pingFirst, List<String> messages, int repliesBeforeClose) { }

    private NodeWsClient() { }

    /** Runs the script against {@code url} and returns its lines in order, each as a flat map. */
    static List<Map<String, String>> run(URI url, Script script) throws Exception {
        Path dir = NodeWsServer.install();
        Files.writeString(dir.resolve("client.js"), SCRIPT);
        StringBuilder config = new StringBuilder("{\"url\":").append(NodeArgs.json(url.toString()))
                .append(",\"protocols\":").append(NodeArgs.jsonList(script.subprotocols()))
                .append(",\"pingFirst\":").append(script.pingFirst())
                .append(",\"messages\":").append(NodeArgs.jsonList(script.messages()))
                .append(",\"repliesBeforeClose\":").append(script.repliesBeforeClose()).append('}');
        Process node = new ProcessBuilder("node", dir.resolve("client.js").toString(), config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        // The script ends itself on close, error or refusal; the limit only catches a hang.
        if (!node.waitFor(EventRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            node.destroyForcibly().waitFor();
            fail("the node ws client did not finish: " + new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) lines.add(parse(line));
        }
        return lines;
    }

    /** The lines of one kind ("message", "close", ...). */
    static List<Map<String, String>> of(List<Map<String, String>> lines, String event) {
        return lines.stream().filter(l -> event.equals(l.get("event"))).toList();
    }

    /** One JSON line of a Node script, flat, every value as text. */
    static Map<String, String> parseLine(String line) throws IOException {
        return parse(line);
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

    private static final String SCRIPT = """
            // Written by NodeWsClient.java: one scripted conversation with ws, reported as JSON lines.
            const WebSocket = require('ws');
            const cfg = JSON.parse(process.argv[2]);
            const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
            const ws = new WebSocket(cfg.url, cfg.protocols, { origin: 'http://127.0.0.1' });
            let replies = 0;
            ws.on('unexpected-response', (req, res) => {
              let body = '';
              res.on('data', (d) => { body += d; });
              res.on('end', () => {
                const headers = Object.entries(res.headers).map(([k, v]) => k + ': ' + v).join('\\n');
                out({ event: 'refused', status: res.statusCode, headers, body });
                process.exit(0);
              });
            });
            ws.on('open', () => {
              out({ event: 'open', protocol: ws.protocol });
              if (cfg.pingFirst) ws.ping('anyone?');
              for (const m of cfg.messages) ws.send(m);
            });
            ws.on('pong', (data) => out({ event: 'pong', data: data.toString() }));
            ws.on('message', (data) => {
              out({ event: 'message', data: data.toString() });
              replies++;
              if (cfg.repliesBeforeClose > 0 && replies === cfg.repliesBeforeClose) ws.close(1000, 'done');
            });
            ws.on('error', (e) => out({ event: 'error', message: e.message }));
            ws.on('close', (code, reason) => {
              out({ event: 'close', code, reason: reason.toString() });
              process.exit(0);
            });
            """;
}
