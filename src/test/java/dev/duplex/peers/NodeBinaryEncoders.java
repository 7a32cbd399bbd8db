package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Real encoders of binary payloads, from the npm registry: {@code @msgpack/msgpack} (MessagePack's reference
 * implementation for JavaScript) and {@code cbor-x}, with {@code ws} for a server that sends what they made.
 * Installed once per build into {@code target/node-binary}. Missing node or npm skips the calling test (fails
 * it under CI), per {@link ExternalPrograms#require}.
 */
public final class NodeBinaryEncoders {
    static final String MSGPACK_VERSION = "3.1.3";
    static final String CBOR_X_VERSION = "1.6.9";
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final Object INSTALL_LOCK = new Object();

    /**
     * The fixtures, as JavaScript values that each test names: the same for both encoders, so that a test can
     * hold one expected tree for both. {@code when} is a Date (MessagePack's timestamp extension; CBOR's tag 1).
     */
    private static final String FIXTURES = """
            const fixtures = {
              user: { user: { name: 'ada', tags: ['x', 'y'] }, n: 3 },
              scalars: [0, -1, 127, 128, -33, 65535, 4294967296, -4294967296, 1.5, true, false, null, ''],
              text: { 'odd name': 'héllo wörld ✓', empty: {}, list: [] },
              bytes: { b: new Uint8Array([0, 1, 254, 255]) },
              nested: { a: [[1, [2, [3]]], { b: { c: 'd' } }] },
              long: { s: 'x'.repeat(70000), a: Array.from({ length: 20 }, (_, i) => i * 1000) },
            };
            """;

    private NodeBinaryEncoders() { }

    /** Each fixture's bytes from {@code @msgpack/msgpack}'s {@code encode}: name → bytes. */
    public static Map<String, byte[]> messagePack() throws Exception {
        return encodeAll("require('@msgpack/msgpack').encode(v)");
    }

    /** Each fixture's bytes from {@code cbor-x}'s {@code encode}: name → bytes. */
    public static Map<String, byte[]> cbor() throws Exception {
        return encodeAll("require('cbor-x').encode(v)");
    }

    /** The bytes of {@code cbor-x}'s {@code encode} of one JavaScript expression. */
    public static byte[] cborX(String expression) throws Exception {
        Path dir = install();
        String script = "console.log(require('cbor-x').encode(" + expression + ").toString('hex'))";
        Process node = new ProcessBuilder("node", "-e", script).directory(dir.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS) || node.exitValue() != 0) fail("node: " + out);
        return HexFormat.of().parseHex(out);
    }

    private static Map<String, byte[]> encodeAll(String encode) throws Exception {
        Path dir = install();
        String script = FIXTURES + "for (const [name, v] of Object.entries(fixtures)) console.log(JSON.stringify({ name, hex: Buffer.from("
                + encode + ").toString('hex') }));\n";
        Process node = new ProcessBuilder("node", "-e", script).directory(dir.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS) || node.exitValue() != 0) fail("node: " + out);
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        JsonFactory json = new JsonFactory();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            String name = null;
            String hex = null;
            try (JsonParser p = json.createParser(line)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t != JsonToken.VALUE_STRING) continue;
                    if ("name".equals(p.currentName())) name = p.getText();
                    if ("hex".equals(p.currentName())) hex = p.getText();
                }
            }
            encoded.put(name, HexFormat.of().parseHex(hex));
        }
        return encoded;
    }

    /**
     * A {@code ws} server on a loopback port that sends, to each client that connects, the fixture {@code name}
     * encoded by {@code @msgpack/msgpack} and then by {@code cbor-x}, as two binary messages, then each of
     * {@code more} as it is (bytes that another encoder made, such as protoc's).
     */
    public static Server serve(String name, byte[]... more) throws Exception {
        Path dir = install();
        String script = FIXTURES + """
                const { WebSocketServer } = require('ws');
                const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
                server.on('listening', () => console.log(JSON.stringify({ listening: server.address().port })));
                server.on('connection', (socket) => {
                  const v = fixtures[process.argv[1]];
                  socket.send(require('@msgpack/msgpack').encode(v), { binary: true });
                  socket.send(require('cbor-x').encode(v), { binary: true });
                  for (const hex of process.argv.slice(2)) socket.send(Buffer.from(hex, 'hex'), { binary: true });
                  console.log(JSON.stringify({ sent: process.argv[1] }));
                });
                """;
        List<String> command = new java.util.ArrayList<>(List.of("node", "-e", script, name));
        for (byte[] bytes : more) command.add(HexFormat.of().formatHex(bytes));
        return new Server(new NodeScript(new ProcessBuilder(command).directory(dir.toFile()), "node-binary"));
    }

    /** The server of {@link #serve}. */
    public static final class Server implements AutoCloseable {
        private final NodeScript script;

        Server(NodeScript script) {
            this.script = script;
        }

        public URI uri() {
            return URI.create("ws://127.0.0.1:" + script.port() + "/");
        }

        /** Waits until the server says it sent both messages. */
        public void awaitSent() throws InterruptedException {
            script.await("\"sent\"");
        }

        @Override
        public void close() {
            script.close();
        }
    }

    /** target/node-binary with the three packages installed; npm runs only when one is missing or another version. */
    static Path install() throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        ExternalPrograms.require(ExternalPrograms.onPath("npm"), "npm is not on the PATH");
        Map<String, String> packages = Map.of("ws", NodeWsServer.WS_VERSION, "@msgpack/msgpack", MSGPACK_VERSION,
                "cbor-x", CBOR_X_VERSION);
        Path dir = ExternalPrograms.buildDir().resolve("node-binary");
        synchronized (INSTALL_LOCK) {
            Files.createDirectories(dir);
            if (packages.entrySet().stream().allMatch(p -> installed(dir, p.getKey(), p.getValue()))) return dir;
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"duplex-node-binary\",\"private\":true}\n");
            Path log = dir.resolve("npm-install.log");
            List<String> command = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--save-exact", "--prefix", dir.toString()));
            packages.forEach((name, version) -> command.add(name + "@" + version));
            Process npm = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            npm.getOutputStream().close();
            if (!npm.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                npm.destroyForcibly().waitFor();
                fail("npm install took over " + LIMIT + ": " + Files.readString(log));
            }
            ExternalPrograms.require(npm.exitValue() == 0 && packages.entrySet().stream()
                    .allMatch(p -> installed(dir, p.getKey(), p.getValue())),
                    "npm could not install " + packages + " (is the npm registry reachable?): " + Files.readString(log));
        }
        return dir;
    }

    private static boolean installed(Path dir, String name, String version) {
        Path manifest = dir.resolve("node_modules/" + name + "/package.json");
        try {
            return Files.isRegularFile(manifest) && Files.readString(manifest).contains("\"version\": \"" + version + "\"");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
