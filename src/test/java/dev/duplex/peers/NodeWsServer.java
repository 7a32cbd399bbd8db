package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Another real server peer: Node's {@code ws} package (the npm registry's, pinned to {@link #WS_VERSION}),
 * installed once per build into {@code target/node-ws} and run with {@code node} on an ephemeral loopback
 * port. It echoes every message (text as text, binary as binary), accepts the subprotocols it is given
 * (the first one the client offers that it supports; none when it is given none), may negotiate
 * permessage-deflate, and reports every handshake it accepted, with the request headers it saw, as a
 * {@link Handshake} a test can wait for.
 *
 * <p>Missing node or npm, or an npm registry out of reach, skips the calling test (fails it under CI), per
 * {@link ExternalPrograms#require}.
 */
public final class NodeWsServer implements AutoCloseable {
    /** The version of ws from the npm registry, pinned. */
    static final String WS_VERSION = "8.23.0";
    static final Duration TIMEOUT = EventRecorder.TIMEOUT;
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
    private static final JsonFactory JSON = new JsonFactory();

    /** What the server accepts. */
    record Options(List<String> subprotocols, boolean perMessageDeflate, boolean noFragmentLimit) {
        Options {
            subprotocols = List.copyOf(subprotocols);
        }

        Options(List<String> subprotocols, boolean perMessageDeflate) {
            this(subprotocols, perMessageDeflate, false);
        }

        /** No subprotocol, no permessage-deflate. */
        static Options defaults() {
            return new Options(List.of(), false);
        }

        Options withSubprotocols(String... supported) {
            return new Options(List.of(supported), perMessageDeflate, noFragmentLimit);
        }

        Options withPerMessageDeflate(boolean on) {
            return new Options(subprotocols, on, noFragmentLimit);
        }

        /** ws's default limit of 16 384 fragments a message lifted ({@code maxFragments: 0}). */
        Options withoutFragmentLimit() {
            return new Options(subprotocols, perMessageDeflate, true);
        }
    }

    /**
     * One handshake the server accepted, as it saw it.
     *
     * @param url         the request target ({@code /path?query})
     * @param headers     the request headers, names in any case (Node lower-cases them; repeated ones joined with ", ")
     * @param rawHeaders  the request headers as sent: name, value, name, value, ... in order and original case
     * @param protocol    the subprotocol chosen, "" for none
     * @param extensions  the extensions agreed (such as "permessage-deflate"), "" for none
     * @param response    the 101 response's status line and header lines, as the server wrote them
     * @param json        the line as printed, for failure messages
     */
    public record Handshake(String url, Map<String, String> headers, List<String> rawHeaders, String protocol,
                     String extensions, List<String> response, String json) {
        /** A request header's value by name in any case, or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    private static final Object INSTALL_LOCK = new Object();

    private final Process process;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();

    private NodeWsServer(Process process, Options options) throws InterruptedException {
        this.process = process;
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(listening), "node-ws-stdout");
        reader.setDaemon(true);
        reader.start();
        int p;
        try {
            p = listening.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("node ws server did not start (" + options + "): " + e.getMessage()
                    + "\noutput:\n" + String.join("\n", output()), e);
        }
        this.port = p;
    }

    /** Starts a server with ws's default options but its limit of 16 384 fragments a message lifted. */
    public static NodeWsServer startWithoutFragmentLimit() throws Exception {
        return start(Options.defaults().withoutFragmentLimit());
    }

    /** Starts a server with {@link Options#defaults()}. */
    public static NodeWsServer start() throws Exception {
        return start(Options.defaults());
    }

    /**
     * Starts a server taking permessage-deflate with these options of ws's ({@code serverNoContextTakeover},
     * {@code serverMaxWindowBits}, {@code threshold}, …), given as a JSON object, and its fragment limit lifted.
     */
    public static NodeWsServer startWithDeflate(String deflateOptions) throws Exception {
        return start(Options.defaults().withPerMessageDeflate(true).withoutFragmentLimit(), deflateOptions);
    }

    /** Installs ws if needed, starts a server, and returns once it listens. */
    static NodeWsServer start(Options options) throws Exception {
        return start(options, null);
    }

    private static NodeWsServer start(Options options, String deflateOptions) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("node"), "node (Node.js) is not on the PATH");
        ExternalPrograms.require(ExternalPrograms.onPath("npm"), "npm is not on the PATH");
        Path dir = install();
        StringBuilder config = new StringBuilder("{\"perMessageDeflate\":").append(options.perMessageDeflate())
                .append(",\"subprotocols\":[");
        for (int i = 0; i < options.subprotocols().size(); i++) {
            if (i > 0) config.append(',');
            config.append(NodeArgs.json(options.subprotocols().get(i)));
        }
        config.append("]").append(options.noFragmentLimit() ? ",\"maxFragments\":0" : "")
                .append(deflateOptions == null ? "" : ",\"deflate\":" + deflateOptions).append("}");
        Process process = new ProcessBuilder("node", dir.resolve("server.js").toString(), config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        return new NodeWsServer(process, options);
    }

    /** target/node-ws with ws installed and server.js written; npm runs only when ws is not there yet. */
    static Path install() throws Exception {
        Path dir = installPackage("node-ws", "ws", WS_VERSION);
        synchronized (INSTALL_LOCK) {
            Files.writeString(dir.resolve("server.js"), SCRIPT);
        }
        return dir;
    }

    /**
     * target/DIRNAME with the npm package NAME@VERSION installed from the npm registry; npm runs only when
     * that version is not there yet. Missing npm or registry skips the calling test (fails it under CI).
     */
    static Path installPackage(String dirName, String name, String version) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("npm"), "npm is not on the PATH");
        Path dir = ExternalPrograms.buildDir().resolve(dirName);
        synchronized (INSTALL_LOCK) {
            Files.createDirectories(dir);
            Path installed = dir.resolve("node_modules/" + name + "/package.json");
            if (!Files.isRegularFile(installed) || !Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
                Files.writeString(dir.resolve("package.json"), "{\"name\":\"duplex-" + dirName + "\",\"private\":true}\n");
                Path log = dir.resolve("npm-install.log");
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--save-exact",
                        "--prefix", dir.toString(), name + "@" + version)
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                npm.getOutputStream().close();
                if (!npm.waitFor(INSTALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    npm.destroyForcibly().waitFor();
                    fail("npm install " + name + "@" + version + " took over " + INSTALL_LIMIT + ": " + Files.readString(log));
                }
                ExternalPrograms.require(npm.exitValue() == 0 && Files.isRegularFile(installed),
                        "npm could not install " + name + "@" + version + " (is the npm registry reachable?): "
                                + Files.readString(log));
            }
        }
        return dir;
    }

    int port() {
        return port;
    }

    /** The node process's id, to read its CPU time. */
    long pid() {
        return process.pid();
    }

    /** ws://127.0.0.1:PORT/ */
    URI uri() {
        return uri("/");
    }

    /** ws://127.0.0.1:PORT + path */
    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** The next handshake the server accepted, waiting up to {@link #TIMEOUT}; fails when none comes. */
    public Handshake nextHandshake() throws InterruptedException {
        Handshake h = handshakes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (h == null) fail("the node ws server accepted no handshake within " + TIMEOUT + "; output:\n" + String.join("\n", output()));
        return h;
    }

    /** Every line the server printed (stdout and stderr), for failure messages. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the node process (SIGTERM, then SIGKILL if it lingers) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    private void read(CompletableFuture<Integer> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                if (line.startsWith("LISTENING ")) {
                    listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).trim()));
                } else if (line.startsWith("HANDSHAKE ")) {
                    handshakes.add(parseHandshake(line.substring("HANDSHAKE ".length())));
                }
            }
        } catch (IOException | RuntimeException e) {
            output.add("(reading the server's output failed: " + e + ")");
        } finally {
            listening.completeExceptionally(new IllegalStateException("node exited before listening"));
        }
    }

    static Handshake parseHandshake(String json) throws IOException {
        String url = "";
        String protocol = "";
        String extensions = "";
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> raw = new ArrayList<>();
        List<String> response = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object: " + json);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "url" -> url = p.getText();
                    case "protocol" -> protocol = p.getText();
                    case "extensions" -> extensions = p.getText();
                    case "headers" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            headers.put(name, p.getText());
                        }
                    }
                    case "rawHeaders" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) raw.add(p.getText());
                    }
                    case "response" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) response.add(p.getText());
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Handshake(url, Collections.unmodifiableMap(headers), List.copyOf(raw), protocol, extensions,
                List.copyOf(response), json);
    }

    /** The server: its options come as one JSON argument. */
    private static final String SCRIPT = """
            'use strict';
            // Written by dev.duplex.peers.NodeWsServer (Duplex's tests): an echo server on Node's ws package.
            const { WebSocketServer } = require('ws');
            const config = JSON.parse(process.argv[2] || '{}');
            const supported = config.subprotocols || [];

            const wss = new WebSocketServer({
              host: '127.0.0.1',
              port: 0,
              perMessageDeflate: config.deflate || !!config.perMessageDeflate,
              ...(config.maxFragments === undefined ? {} : { maxFragments: config.maxFragments }),
              // The first protocol the client offers that this server supports; none (no header) otherwise.
              handleProtocols: (offered) => {
                for (const p of offered) if (supported.includes(p)) return p;
                return false;
              },
            });

            wss.on('headers', (headers, req) => { req.duplexResponse = headers.slice(); });
            wss.on('listening', () => console.log('LISTENING ' + wss.address().port));
            wss.on('error', (e) => { console.log('ERROR ' + e.message); process.exit(1); });
            wss.on('connection', (ws, req) => {
              console.log('HANDSHAKE ' + JSON.stringify({
                url: req.url,
                headers: req.headers,
                rawHeaders: req.rawHeaders,
                protocol: ws.protocol || '',
                extensions: ws.extensions || '',
                response: req.duplexResponse || [],
              }));
              ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
              ws.on('error', (e) => console.log('CLIENT-ERROR ' + e.message));
            });

            // The Java side holds our stdin: when it goes away, so do we.
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            process.on('SIGTERM', () => process.exit(0));
            """;
}
