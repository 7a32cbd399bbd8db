package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;

/**
 * Our server on wss://, with a certificate Duplex made: our client (trusting it, and not), the JDK's own
 * client, and a client that connects and never starts TLS. The wire tap sits above TLS, so the handshake
 * view and the frame inspector see plain bytes as on ws://.
 */
class WssServerTest extends OurServerAndClient {
    private static final ServerIdentity IDENTITY = SelfSignedCertificate.generate();
    /** A bound for a broken test, not a wait: every step waits on the event it is about. */
    private static final int BOUND_MS = 10_000;


    private URI start() throws Exception {
        server.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO).withTls(IDENTITY));
        URI url = server.url();
        assertEquals("wss", url.getScheme());
        return url;
    }

    @Test
    void ourClientTrustingTheFingerprintGetsAnEchoAndTheTapSeesPlainBytes() throws Exception {
        URI url = start();
        client.trust(List.of(IDENTITY.fingerprint()));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        serverEvents.next(WsEvent.ClientJoined.class);

        client.send("over TLS");
        assertEquals("over TLS", serverEvents.next(WsEvent.Received.class).payload().text());
        assertEquals("over TLS", clientEvents.next(WsEvent.Received.class).payload().text());

        // Both were reported before the message was handed on: the 101 went out first, the frame was read first.
        List<WsEvent> seen = serverEvents.all();
        assertTrue(seen.stream().anyMatch(e -> e instanceof WsEvent.Handshake h && h.record().status() == 101),
                seen.toString());
        assertTrue(seen.stream().anyMatch(e -> e instanceof WsEvent.Frame f && f.frame().inbound()
                && f.frame().opcode() == FrameInfo.TEXT && f.frame().masked()
                && java.util.Arrays.equals("over TLS".getBytes(StandardCharsets.UTF_8), f.frame().payload())),
                seen.toString());
    }

    @Test
    void ourClientWithoutTrustIsRefusedWithTheFingerprint() throws Exception {
        URI url = start();
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_UNKNOWN_ISSUER, failed.problem().kind(), failed.toString());
        assertTrue(failed.problem().detail().contains(IDENTITY.fingerprint().toString()), failed.toString());
        clientEvents.next(WsEvent.Closed.class);
        assertFalse(clientEvents.all().stream().anyMatch(e -> e instanceof WsEvent.Opened));
    }

    @Test
    void theJdkClientWithThePinnedContextGetsAnEcho() throws Exception {
        URI url = start();
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(IDENTITY.fingerprint()))).build();
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) echo.complete(text.toString());
                ws.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                echo.completeExceptionally(error);
            }
        }).get(BOUND_MS, TimeUnit.MILLISECONDS);
        try {
            socket.sendText("from java.net.http", true).get(BOUND_MS, TimeUnit.MILLISECONDS);
            assertEquals("from java.net.http", echo.get(BOUND_MS, TimeUnit.MILLISECONDS));
            assertEquals("from java.net.http", serverEvents.next(WsEvent.Received.class).payload().text());
        } finally {
            socket.abort();
        }
    }

    @Test
    void aClientThatNeverStartsTlsHoldsUpNoOneAndIsDropped() throws Exception {
        URI url = start();
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), url.getPort())) {
            silent.setSoTimeout(BOUND_MS); // the deadline: a read still blocked then fails the test

            client.trust(List.of(IDENTITY.fingerprint()));
            client.connect(url, ClientOptions.browserLike(url));
            clientEvents.next(WsEvent.Opened.class);
            client.send("not held up");
            assertEquals("not held up", clientEvents.next(WsEvent.Received.class).payload().text());

            // The server closes the silent connection (it may say a TLS alert first): the stream ends.
            InputStream in = silent.getInputStream();
            byte[] buffer = new byte[512];
            int n;
            int total = 0;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                assertTrue(total < 4096, "the server sent the silent client " + total + " bytes");
            }
            assertEquals(-1, n);
        }
    }

    @Test
    void theTappedClientFrameCarriesItsPayloadInBinaryToo() throws Exception {
        URI url = start();
        client.trust(List.of(IDENTITY.fingerprint()));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        byte[] data = {0, 1, 2, (byte) 0xFF, (byte) 0x80};
        client.send(data);
        assertArrayEquals(data, clientEvents.next(WsEvent.Received.class).payload().bytes());
        WsEvent.Frame frame = serverEvents.next(WsEvent.Frame.class);
        assertEquals(FrameInfo.BINARY, frame.frame().opcode());
        assertArrayEquals(data, frame.frame().payload());
    }
}
