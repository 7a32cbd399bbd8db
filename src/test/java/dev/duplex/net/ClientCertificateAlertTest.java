package dev.duplex.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;
import dev.duplex.tls.TlsFacts;
import dev.duplex.tls.client.ClientTls;

/**
 * A server that refuses with a TLS alert rather than an HTTP answer, as the JDK's own does with
 * {@code setNeedClientAuth(true)}: with TLS 1.3 the client's handshake is over before the server judges its
 * certificate, so the alert (certificate_required, or certificate_unknown for one it does not trust) comes on
 * the client's first read. Either way onerror says it in words, and the handshake facts say it was asked.
 */
class ClientCertificateAlertTest {
    private final ServerIdentity server = SelfSignedCertificate.generate();
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);
    private SSLServerSocket listening;
    /** What the server's handshake ended with. */
    private final CompletableFuture<String> serverSaw = new CompletableFuture<>();

    private URI serve() throws IOException {
        listening = (SSLServerSocket) TlsContexts.server(server).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listening.setNeedClientAuth(true);
        Thread t = new Thread(() -> {
            try (SSLSocket s = (SSLSocket) listening.accept()) {
                s.startHandshake();
                s.getInputStream().read(); // TLS 1.3: the client's certificate is judged here
                serverSaw.complete("no refusal");
            } catch (IOException e) {
                serverSaw.complete(String.valueOf(e.getMessage()));
            }
        }, "need-client-auth");
        t.setDaemon(true);
        t.start();
        client.trust(List.of(server.fingerprint()));
        client.proxy(dev.duplex.net.outbound.ProxyChoice.NONE);
        return URI.create("wss://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws IOException {
        client.close(1000, "");
        if (listening != null) listening.close();
    }

    @Test
    void noCertificateIsSaidAsAskedForAndNoneGiven() throws Exception {
        URI url = serve();
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REQUIRED, failed.problem().kind(), failed + " / server: " + serverSaw.get());
        assertEquals(1006, events.next(WsEvent.Closed.class).code());
    }

    @Test
    void aCertificateTheServerDoesNotTrustIsSaidAsRefused() throws Exception {
        ServerIdentity mine = SelfSignedCertificate.generate();
        client.clientTls(new ClientTls(new ClientTls.ClientCertificate(mine.privateKey(), mine.chain()), List.of(), null));
        URI url = serve();
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REFUSED, failed.problem().kind(), failed + " / server: " + serverSaw.get());
        assertTrue(failed.problem().detail().contains(SelfSignedCertificate.SUBJECT_CN), failed.problem().detail());
        List<TlsFacts> seen = events.all().stream().filter(e -> e instanceof WsEvent.Handshake)
                .map(e -> ((WsEvent.Handshake) e).record().tls()).toList();
        assertEquals(1, seen.size(), events.all().toString());
        assertNotNull(seen.get(0));
        assertTrue(seen.get(0).clientAuth().asked());
        assertTrue(seen.get(0).clientAuth().sent().contains(SelfSignedCertificate.SUBJECT_CN), seen.get(0).toString());
    }
}
