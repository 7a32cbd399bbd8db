package dev.duplex.net.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's own WebSocket client (a peer nobody here wrote) as a test drives it: its messages and close, kept to wait on. */
public final class JdkWsClient implements WebSocket.Listener {
    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    /** Connects a new client to {@code url}; its messages go to {@code listener}. */
    public static WebSocket connect(HttpClient http, URI url, JdkWsClient listener) throws Exception {
        return http.newWebSocketBuilder().buildAsync(url, listener).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        closed.complete(code + " " + reason);
        return null;
    }

    public String next() throws InterruptedException {
        String m = messages.poll(ProxyRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("no message came");
        return m;
    }

    /** The close code and reason ("4001 bye"), once it came. */
    public String awaitClose() throws Exception {
        return closed.get(ProxyRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
