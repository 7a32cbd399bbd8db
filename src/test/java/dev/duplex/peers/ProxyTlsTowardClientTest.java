package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.JdkWsClient;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.proxy.ProxyRecorder;
import dev.duplex.net.proxy.ProxyServer;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;

/**
 * wss:// toward the clients: the JDK's WebSocket client, trusting the proxy's certificate, through Duplex to
 * Node's {@code ws} server on ws://. The client leg's tap sits above TLS, so its handshake and frames read
 * as on ws://.
 */
class ProxyTlsTowardClientTest {
    private static final ServerIdentity IDENTITY = SelfSignedCertificate.generate();

    private final ProxyRecorder events = new ProxyRecorder();
    private final ProxyServer proxy = new ProxyServer(events);
    private NodeProxyPeers.Upstream upstream;

    @AfterEach
    void stop() throws Exception {
        proxy.stop();
        if (upstream != null) upstream.close();
    }

    @Test
    void aWssClientTalksThroughToAWsServerAndItsLegIsSeenInThePlain() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        InetSocketAddress bound = proxy.start(ProxyConfig.of(0, upstream.uri("/")).withTls(IDENTITY));
        assertEquals("wss", proxy.url().getScheme(), "the URL to give clients says wss://");
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(IDENTITY.fingerprint()))).build();
        JdkWsClient client = new JdkWsClient();
        WebSocket ws = JdkWsClient.connect(http, URI.create("wss://127.0.0.1:" + bound.getPort() + "/secure?x=1"), client);
        ws.sendText("over TLS to Duplex", true).join();
        assertEquals("/secure?x=1", upstream.nextHandshake().url());
        assertEquals("over TLS to Duplex", upstream.nextMessage().get("data"));
        assertEquals("over TLS to Duplex", client.next(), "the echo came back over TLS");
        ws.sendClose(1000, "done").join();
        assertEquals("1000 done", client.awaitClose());

        List<ProxyEvent.Wire> clientLeg = events.all(ProxyEvent.Wire.class).stream().filter(w -> w.leg() == Leg.CLIENT).toList();
        WsEvent.Handshake handshake = clientLeg.stream().map(ProxyEvent.Wire::event)
                .filter(e -> e instanceof WsEvent.Handshake).map(e -> (WsEvent.Handshake) e).findFirst().orElseThrow();
        assertEquals("GET /secure?x=1 HTTP/1.1", handshake.record().requestLine(), "the upgrade read in the plain");
        assertTrue(handshake.record().statusLine().startsWith("HTTP/1.1 101"), handshake.record().statusLine());
        assertTrue(clientLeg.stream().anyMatch(w -> w.event() instanceof WsEvent.Frame f && f.frame().inbound()
                && f.frame().opcode() == 1 && f.frame().maskKey() != null), "the client's masked text frame, decrypted: " + clientLeg);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedByItsOwnTlsAndTheProxyGoesOn() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        InetSocketAddress bound = proxy.start(ProxyConfig.of(0, upstream.uri("/")).withTls(IDENTITY));
        URI url = URI.create("wss://127.0.0.1:" + bound.getPort() + "/");
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new JdkWsClient()).join());
        assertTrue(refused.getCause() instanceof SSLHandshakeException, String.valueOf(refused.getCause()));
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(IDENTITY.fingerprint()))).build();
        JdkWsClient client = new JdkWsClient();
        WebSocket ws = JdkWsClient.connect(http, url, client);
        ws.sendText("still serving", true).join();
        assertEquals("still serving", client.next());
    }
}
