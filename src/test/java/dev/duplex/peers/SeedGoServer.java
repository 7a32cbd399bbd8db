package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The seed's Go server (golang.org/x/net/websocket) as a peer for tests outside this package: built from
 * {@code ../shared/peers/seed-go-server} as {@link SeedGoServerTest} builds it, on its only port 8080,
 * at /shiming. It answers every text message with "我已经收到消息 Received:" and the message: it does not echo.
 * Missing go, or port 8080 taken, skips the calling test (fails it under CI).
 */
public final class SeedGoServer implements AutoCloseable {
    public static final URI URL = URI.create("ws://127.0.0.1:8080/shiming");
    private static final int PORT = 8080;
    private static final long START_LIMIT_MS = 20_000;

    private final Process process;
    private final Path log;

    private SeedGoServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static SeedGoServer start() throws Exception {
        Path script = ExternalPrograms.peersDir().resolve("seed-go-server/build.sh");
        ExternalPrograms.require(Files.isRegularFile(script), "the seed's Go server is not at " + script);
        boolean goThere = ExternalPrograms.onPath("go")
                && Files.isDirectory(Path.of("/usr/share/gocode/src/golang.org/x/net/websocket"));
        ExternalPrograms.require(goThere || ExternalPrograms.underCi(),
                "go (golang-go) and golang.org/x/net/websocket (golang-golang-x-net-dev) are needed to build the seed's Go server");
        Path dir = Files.createDirectories(ExternalPrograms.buildDir().resolve("seed-go-server.d"));
        Path binary = ExternalPrograms.buildDir().resolve("seed-go-server");
        Path buildLog = dir.resolve("build.log");
        Process build = new ProcessBuilder("bash", script.toString(), binary.toString())
                .redirectErrorStream(true).redirectOutput(buildLog.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor();
            fail("building the seed's Go server took over 5 minutes");
        }
        assertEquals(0, build.exitValue(), () -> "build.sh failed: " + read(buildLog));
        ExternalPrograms.require(portFree(), "port 8080 is taken, and the seed's Go server can listen nowhere else");
        Path log = dir.resolve("check-server.log");
        Process p = new ProcessBuilder(binary.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SeedGoServer server = new SeedGoServer(p, log);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_LIMIT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) fail("the seed's Go server exited with " + process.exitValue() + ": " + read(log));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                return;
            } catch (IOException notYet) {
                // not listening yet: wait on the process itself, so that one that dies ends the wait at once
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) fail("the seed's Go server exited: " + read(log));
            }
        }
        close();
        fail("the seed's Go server did not listen on 8080 within " + START_LIMIT_MS + " ms: " + read(log));
    }

    private static boolean portFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(PORT));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
