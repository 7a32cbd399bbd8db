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

    @Test
    void sigtermClosesClientsWith1001AndExitsZero() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", classpath, "-Duser.language=en", Main.class.getName(),
                "serve", "--port", "0").redirectErrorStream(true).start();
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
}
