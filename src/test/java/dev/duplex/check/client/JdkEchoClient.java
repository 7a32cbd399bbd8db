package dev.duplex.check.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A real client nobody here wrote: the JDK's own {@code java.net.http.WebSocket}, written to echo every
 * message (text as text, binary as binary) and to do nothing else of its own, as a client under the
 * check should. It connects to one case's URL and waits until the connection has ended (closed, failed
 * or refused) or the bound has passed, then for {@code then}.
 */
final class JdkEchoClient {
    private JdkEchoClient() { }

    /** What the test does once the connection has ended: wait for the server's verdict, before the socket is let go. */
    interface Then {
        void run() throws InterruptedException;
    }

    static void run(HttpClient http, URI url, long boundMs, Then then) throws InterruptedException {
        CompletableFuture<String> ended = new CompletableFuture<>();
        WebSocket.Listener echo = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String whole = text.toString();
                    text.setLength(0);
                    ws.sendText(whole, true);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                binary.write(b, 0, b.length);
                if (last) {
                    byte[] whole = binary.toByteArray();
                    binary.reset();
                    ws.sendBinary(ByteBuffer.wrap(whole), true);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                ended.complete("closed " + code);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                ended.complete("error " + error);
            }
        };
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().connectTimeout(Duration.ofMillis(boundMs))
                .buildAsync(url, echo);
        opening.whenComplete((ws, error) -> {
            if (error != null) ended.complete("refused " + error);
        });
        try {
            ended.get(boundMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The server's verdict says what happened; the bound only stops a wait on a stuck client.
        } finally {
            // Aborted only after the verdict: its close answer goes out after onClose returns.
            then.run();
            WebSocket ws = opening.isDone() && !opening.isCompletedExceptionally() ? opening.getNow(null) : null;
            if (ws != null) ws.abort();
        }
    }
}
