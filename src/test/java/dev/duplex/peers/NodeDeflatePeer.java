package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Node's {@code ws} with permessage-deflate, as the client or the server of a test, for Duplex's own deflate on the
 * other end. Its inflater reads in 64-byte chunks ({@code zlibInflateOptions.chunkSize}), so zlib checks each
 * back-reference against the agreed window (a reference within one output chunk would pass unchecked): a window
 * narrowed by {@code *_max_window_bits} and then overstepped fails the connection. {@link #oracleCatchesAWideWindow}
 * shows that it does. Messages are made by the script (text of many repeated words, some Chinese, with empty ones
 * among them) and reported by SHA-256, so that big ones need not cross the command line.
 */
final class NodeDeflatePeer {
    private NodeDeflatePeer() { }

    /**
     * The client: offers {@code deflate} (ws's perMessageDeflate options as JSON), sends {@code count} text messages
     * of about {@code size} bytes, each in {@code fragments} frames, and closes when as many have come back.
     */
    static List<Map<String, String>> client(URI url, String deflate, int count, int size, int fragments) throws Exception {
        return run("{\"mode\":\"client\",\"url\":" + NodeArgs.json(url.toString()) + ",\"deflate\":" + deflate
                + ",\"count\":" + count + ",\"size\":" + size + ",\"fragments\":" + fragments + "}");
    }

    /** The server: takes offers with {@code deflate}'s options and echoes each message in {@code fragments} frames. */
    static NodeScript server(String deflate, int fragments) throws Exception {
        Path dir = install();
        String cfg = "{\"mode\":\"server\",\"deflate\":" + deflate + ",\"fragments\":" + fragments + "}";
        return new NodeScript(new ProcessBuilder("node", dir.resolve("deflate.js").toString(), cfg).directory(dir.toFile()),
                "node-deflate-server");
    }

    /** Whether the 64-byte-chunk inflater with a 512-byte window rejects what a 32 KiB window compressed. */
    static Map<String, String> oracleCatchesAWideWindow() throws Exception {
        List<Map<String, String>> lines = run("{\"mode\":\"oracle\",\"deflate\":{}}");
        return NodeWsClient.of(lines, "oracle").get(0);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Path install() throws Exception {
        Path dir = NodeWsServer.install();
        Files.writeString(dir.resolve("deflate.js"), SCRIPT);
        return dir;
    }

    private static List<Map<String, String>> run(String cfg) throws Exception {
        Path dir = install();
        Process node = new ProcessBuilder("node", dir.resolve("deflate.js").toString(), cfg)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        if (!node.waitFor(EventRecorder.TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS)) {
            node.destroyForcibly().waitFor();
            fail("the node deflate peer did not finish: " + new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) lines.add(NodeWsClient.parseLine(line));
        }
        return lines;
    }

    private static final String SCRIPT = """
            // Written by NodeDeflatePeer.java: ws with permessage-deflate, as client, server, or the oracle's check.
            const WebSocket = require('ws');
            const crypto = require('crypto');
            const zlib = require('zlib');
            const cfg = JSON.parse(process.argv[2]);
            const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
            const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
            const pmd = Object.assign({ threshold: 0, zlibInflateOptions: { chunkSize: 64 } }, cfg.deflate);
            const words = ['frame', 'mask', 'opcode', 'deflate', 'window', 'context', 'takeover', '压缩', '消息',
              'payload', 'continuation', 'server', 'client', 'echo', 'websocket', 'inflate'];
            function message(i, size) {
              if (i % 7 === 3) return Buffer.alloc(0);
              let seed = 7919 * (i + 1);
              const parts = [];
              let length = 0;
              while (length < size) {
                seed = (seed * 1103515245 + 12345) & 0x7fffffff;
                const w = words[seed % words.length] + (seed % 5 === 0 ? ' ' + (seed % 1000) : '') + ' ';
                parts.push(w);
                length += Buffer.byteLength(w);
              }
              return Buffer.from(parts.join(''));
            }
            function sendInFrames(ws, data, binary, frames) {
              if (frames <= 1 || data.length < frames) { ws.send(data, { binary }); return; }
              const step = Math.ceil(data.length / frames);
              for (let off = 0; off < data.length; off += step) {
                ws.send(data.subarray(off, off + step), { binary, fin: off + step >= data.length });
              }
            }
            if (cfg.mode === 'client') {
              const ws = new WebSocket(cfg.url, { perMessageDeflate: pmd, origin: 'http://127.0.0.1' });
              let got = 0;
              ws.on('upgrade', (res) => out({ event: 'upgrade', extensions: res.headers['sec-websocket-extensions'] || '' }));
              ws.on('unexpected-response', (req, res) => { out({ event: 'refused', status: res.statusCode }); process.exit(0); });
              ws.on('open', () => {
                for (let i = 0; i < cfg.count; i++) {
                  const m = message(i, cfg.size);
                  out({ event: 'sent', i, sha: sha(m), length: m.length });
                  sendInFrames(ws, m, false, cfg.fragments);
                }
              });
              ws.on('message', (data) => {
                out({ event: 'message', i: got, sha: sha(data), length: data.length });
                if (++got === cfg.count) ws.close(1000, 'done');
              });
              ws.on('error', (e) => out({ event: 'error', message: e.message }));
              ws.on('close', (code, reason) => { out({ event: 'close', code, reason: reason.toString() }); process.exit(0); });
            } else if (cfg.mode === 'server') {
              const wss = new WebSocket.Server({ host: '127.0.0.1', port: 0, perMessageDeflate: pmd },
                () => out({ listening: wss.address().port }));
              wss.on('headers', (headers, req) => out({ event: 'answer', offered: req.headers['sec-websocket-extensions'] || '',
                extensions: (headers.find((h) => /^sec-websocket-extensions:/i.test(h)) || '').replace(/^[^:]*:\\s*/, '') }));
              wss.on('connection', (ws) => {
                ws.on('message', (data, isBinary) => {
                  out({ event: 'message', sha: sha(data), length: data.length });
                  sendInFrames(ws, data, isBinary, cfg.fragments);
                });
                ws.on('error', (e) => out({ event: 'error', message: e.message }));
                ws.on('close', (code) => out({ event: 'close', code }));
              });
            } else {
              const wide = zlib.deflateRawSync(message(0, 40000), { windowBits: 15 });
              try {
                zlib.inflateRawSync(wide, { windowBits: 9, chunkSize: 64 });
                out({ event: 'oracle', caught: false });
              } catch (e) {
                out({ event: 'oracle', caught: true, message: e.message });
              }
            }
            """;
}
