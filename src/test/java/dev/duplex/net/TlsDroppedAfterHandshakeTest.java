package dev.duplex.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;

/**
 * A wss:// client that completes TLS and then drops its TCP connection, without a close_notify or a
 * WebSocket handshake, must cost the server nothing: the next client, the JDK's own, still gets its echo.
 * (Once seen: a TLS server that refused every later connection after such a drop.) The drop is tried both
 * ways, a FIN and a reset, many times, since the drop races the server's TLS steps.
 */
class TlsDroppedAfterHandshakeTest {
    private static final ServerIdentity IDENTITY = SelfSignedCertificate.generate();
    private static final int ROUNDS = 40;
    /** A bound for a broken server, not a wait: every step waits on its own answer. */
    private static final int BOUND_MS = 10_000;

    @Test
    void aClientDroppedRightAfterItsTlsHandshakeDoesNotStopTheNextOnes() throws Exception {
        LabServer server = new LabServer(e -> { });
        InetSocketAddress at = server.start(new ServerConfig("127.0.0.1", 0, "", null).withTls(IDENTITY));
        SSLContext pinned = TlsContexts.client(List.of(IDENTITY.fingerprint()));
        HttpClient http = HttpClient.newBuilder().sslContext(pinned).build();
        URI url = URI.create("wss://127.0.0.1:" + at.getPort() + "/");
        try {
            for (int round = 0; round < ROUNDS; round++) {
                dropAfterTlsHandshake(pinned, at.getPort(), round % 2 == 0);
                String text = "after drop " + round;
                assertEquals(text, echo(http, url, text), "round " + round);
            }
        } finally {
            server.stop();
        }
    }

    /** TLS completes (both sides' Finished), then TCP ends under it: a FIN, or with {@code reset} an RST. */
    private static void dropAfterTlsHandshake(SSLContext tls, int port, boolean reset) throws Exception {
        Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port);
        tcp.setSoTimeout(BOUND_MS);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(tcp, "127.0.0.1", port, false);
        socket.startHandshake();
        if (reset) tcp.setSoLinger(true, 0);
        tcp.close(); // the plain socket: no close_notify goes out
    }

    private static String echo(HttpClient http, URI url, String text) throws Exception {
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            private final StringBuilder received = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                received.append(data);
                if (last) echo.complete(received.toString());
                ws.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                echo.completeExceptionally(error);
            }
        }).get(BOUND_MS, TimeUnit.MILLISECONDS);
        try {
            socket.sendText(text, true).get(BOUND_MS, TimeUnit.MILLISECONDS);
            return echo.get(BOUND_MS, TimeUnit.MILLISECONDS);
        } finally {
            socket.abort();
        }
    }
}
