package dev.duplex.net;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Java-WebSocket's server can lose the wake-up for a write (its selector clears the write interest
 * just after a worker asked for it) and then holds an echo back until its next ping, up to a minute.
 * Duplex writes its echoes from the selector thread, which cannot race itself, and re-arms any connection
 * with unsent data. 300 000 sequential round trips from the JDK's client, and none may take a second.
 */
class SequentialEchoTest {
    private static final int ROUND_TRIPS = Integer.getInteger("duplex.test.roundTrips", 300_000);

    @Test
    void noEchoIsHeldBack() throws Exception {
        LabServer server = new LabServer(e -> { });
        server.start(new ServerConfig("127.0.0.1", 0, "", null));
        try {
            SynchronousQueue<String> echoes = new SynchronousQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server.url(), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String whole = text.toString();
                        text.setLength(0);
                        try {
                            echoes.put(whole);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            long worst = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                String m = "m" + i;
                long t0 = System.nanoTime();
                ws.sendText(m, true).get(5, TimeUnit.SECONDS);
                // The bound is far above the 1 s under test: a held-back echo shows as worst, not as a hang.
                String back = echoes.poll(90, TimeUnit.SECONDS);
                long rtt = System.nanoTime() - t0;
                assertTrue(m.equals(back), "round trip " + i + " got " + back);
                worst = Math.max(worst, rtt);
            }
            System.out.printf("%d sequential round trips, worst %.3f ms%n", ROUND_TRIPS, worst / 1e6);
            assertTrue(worst < TimeUnit.SECONDS.toNanos(1), "an echo took " + worst / 1_000_000 + " ms");
            ws.abort();
        } finally {
            server.stop();
        }
    }
}
