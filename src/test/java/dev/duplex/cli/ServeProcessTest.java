package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.duplex.Main;

/**
 * `duplex serve` as its own process, sent a real SIGTERM: its client (the JDK's own WebSocket) is closed
 * with 1001 and the process exits 0.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ServeProcessTest {

    /** `duplex serve --port 0` in a JVM of its own, in English, its stderr merged into its stdout. */
    private static Process startServe() throws java.io.IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classpath, "-Duser.language=en", Main.class.getName(),
                "serve", "--port", "0").redirectErrorStream(true).start();
    }

    @Test
    void sigtermClosesClientsWith1001AndExitsZero() throws Exception {
        Process serve = startServe();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("(ws://\\S+)").matcher(String.valueOf(first));
            assertTrue(m.find(), "first line: " + first);

            CompletableFuture<Integer> closeCode = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(m.group(1)), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closeCode.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertTrue(out.readLine().contains("connected"));

            serve.destroy(); // SIGTERM on Linux and macOS
            assertEquals(1001, closeCode.get(10, TimeUnit.SECONDS));
            assertTrue(serve.waitFor(10, TimeUnit.SECONDS), "serve exits");
            assertEquals(0, serve.exitValue());
            ws.abort();
        } finally {
            serve.destroyForcibly();
        }
    }

    /**
     * A client that breaks the protocol (a close frame with code 999) gets serve's one clear line, not the
     * library's SEVERE record and stack trace on the terminal as well.
     */
    @Test
    void aPeersProtocolErrorIsOneLineWithNoStackTrace() throws Exception {
        Process serve = startServe();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("ws://[^:/]+:(\\d+)").matcher(String.valueOf(out.readLine()));
            assertTrue(m.find());
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                raw.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                // A masked close frame with code 999 (0x03e7), the mask all zero.
                raw.getOutputStream().write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe7});
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null && !line.contains("disconnected")) seen.append(line).append('\n');
                assertTrue(line != null, "serve said the client left: " + seen);
                String all = seen.toString();
                assertTrue(!all.contains("SEVERE") && !all.contains("Exception") && !all.contains("\tat "), all);
            }
        } finally {
            serve.destroyForcibly();
        }
    }
}
