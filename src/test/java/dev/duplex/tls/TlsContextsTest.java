package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.duplex.tls.TlsContexts.PinnedHost;
import dev.duplex.tls.TlsProblem.Kind;

/**
 * Real handshakes over loopback: an SSLServerSocket with the server context, an SSLSocket with the client
 * context, and (for the SSLEngine side of the trust manager) the JDK's HTTP client against its HTTPS server.
 */
class TlsContextsTest {
    private static final ServerIdentity LOCAL = SelfSignedCertificate.generate();

    private static ServerIdentity forHosts(List<String> names, Instant notBefore, Instant notAfter) {
        return SelfSignedCertificate.generate(names, notBefore, notAfter);
    }

    private static ServerIdentity expired() {
        Instant now = Instant.now();
        return forHosts(SelfSignedCertificate.LOCAL_NAMES,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    }

    private static ServerIdentity elsewhere() {
        Instant now = Instant.now();
        return forHosts(List.of("duplex.example"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /**
     * Connects to 127.0.0.1 but as {@code host}: the name the client checks the certificate against (and sends
     * as SNI), as a URL's host would be.
     */
    static SSLSocket connect(SSLContext context, int port, String host, boolean checkHost) throws IOException {
        Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
        SSLParameters parameters = TlsContexts.limitProtocols(socket.getSSLParameters());
        if (checkHost) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000); // a bound for a broken test, not a wait
        return socket;
    }

    /** Handshakes and reads the server's greeting. */
    static String handshake(SSLContext client, LoopbackTlsServer server, boolean checkHost) throws Exception {
        try (SSLSocket socket = connect(client, server.port(), "localhost", checkHost)) {
            socket.startHandshake();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Handshakes, expecting to refuse the server; returns what TlsProblem makes of it. */
    private static TlsProblem refused(SSLContext client, ServerIdentity identity, boolean checkHost) throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> handshake(client, server, checkHost));
            // The server's handshake fails too: by the client's alert, or by a broken pipe when the client has
            // already closed the connection by the time the server writes.
            ExecutionException serverSide = assertThrows(ExecutionException.class,
                    () -> server.nextConnection().get(10, TimeUnit.SECONDS));
            assertTrue(serverSide.getCause() instanceof IOException, serverSide.getCause().toString());
            return TlsProblem.of(e);
        }
    }

    private static void assertNames(ServerIdentity identity, TlsProblem problem) {
        assertEquals(identity.certificate(), problem.certificate());
        assertEquals(identity.fingerprint(), problem.fingerprint());
    }

    @Test
    void defaultTrustRefusesASelfSignedCertificateAsOfAnUnknownIssuerNamingItsFingerprint() throws Exception {
        TlsProblem problem = refused(TlsContexts.client(), LOCAL, true);

        assertEquals(Kind.UNKNOWN_ISSUER, problem.kind());
        assertNames(LOCAL, problem);
        assertEquals("unable to find valid certification path to requested target", problem.detail());
    }

    @Test
    void pinningThatFingerprintLetsTheHandshakeThroughOverTls13() throws Exception {
        SSLContext client = TlsContexts.client(Set.of(LOCAL.fingerprint()));
        try (LoopbackTlsServer server = new LoopbackTlsServer(LOCAL);
                SSLSocket socket = connect(client, server.port(), "localhost", true)) {
            socket.startHandshake();

            assertEquals(LoopbackTlsServer.GREETING,
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals(LOCAL.certificate(), socket.getSession().getPeerCertificates()[0]);
            assertEquals("TLSv1.3", server.nextConnection().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void tls12IsSpokenWhenTheClientGoesNoHigherAndNothingOlderIs() throws Exception {
        SSLContext client = TlsContexts.client(Set.of(LOCAL.fingerprint()));
        try (LoopbackTlsServer server = new LoopbackTlsServer(LOCAL)) {
            try (SSLSocket socket = connect(client, server.port(), "localhost", true)) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.startHandshake();
                assertEquals("TLSv1.2", socket.getSession().getProtocol());
            }
            assertEquals("TLSv1.2", server.nextConnection().get(10, TimeUnit.SECONDS));
            assertEquals(List.of("TLSv1.3", "TLSv1.2"),
                    List.of(TlsContexts.limitProtocols(new SSLParameters()).getProtocols()));
        }
    }

    @Test
    void pinningAnotherFingerprintStillRefuses() throws Exception {
        Fingerprint other = SelfSignedCertificate.generate().fingerprint();

        TlsProblem problem = refused(TlsContexts.client(Set.of(other)), LOCAL, true);

        assertEquals(Kind.UNKNOWN_ISSUER, problem.kind());
        assertNames(LOCAL, problem);
    }

    @Test
    void anExpiredCertificateIsExpiredButAPinDoesNotMindItsDates() throws Exception {
        ServerIdentity expired = expired();

        TlsProblem problem = refused(TlsContexts.client(), expired, true);
        assertEquals(Kind.EXPIRED, problem.kind());
        assertNames(expired, problem);

        try (LoopbackTlsServer server = new LoopbackTlsServer(expired)) {
            assertEquals(LoopbackTlsServer.GREETING,
                    handshake(TlsContexts.client(Set.of(expired.fingerprint())), server, true));
        }
    }

    @Test
    void aPinnedCertificateForAnotherHostIsTheWrongHostWhenTheConnectionChecksTheHost() throws Exception {
        ServerIdentity elsewhere = elsewhere();
        SSLContext pinned = TlsContexts.client(Set.of(elsewhere.fingerprint()));

        TlsProblem problem = refused(pinned, elsewhere, true);

        assertEquals(Kind.WRONG_HOST, problem.kind());
        assertNames(elsewhere, problem);
        assertEquals("No subject alternative DNS name matching localhost found.", problem.detail());
    }

    @Test
    void theHostCheckIsTheConnectionsToAskForOrThePinsToWaive() throws Exception {
        ServerIdentity elsewhere = elsewhere();
        try (LoopbackTlsServer server = new LoopbackTlsServer(elsewhere)) {
            // Not asked for by the connection: as with the JDK's own trust, no host check.
            assertEquals(LoopbackTlsServer.GREETING,
                    handshake(TlsContexts.client(Set.of(elsewhere.fingerprint())), server, false));
            // Asked for, but the pin stands for the host too.
            SSLContext hostWaived = TlsContexts.client(Set.of(elsewhere.fingerprint()), PinnedHost.NOT_CHECKED);
            assertEquals(LoopbackTlsServer.GREETING, handshake(hostWaived, server, true));
        }
    }

    @Test
    void anUnpinnedSelfSignedCertificateForAnotherHostIsFirstOfAllOfAnUnknownIssuer() throws Exception {
        // The JDK checks the host only once it trusts the chain, so that is all it can say.
        ServerIdentity elsewhere = elsewhere();
        TlsProblem problem = refused(TlsContexts.client(), elsewhere, true);
        assertEquals(Kind.UNKNOWN_ISSUER, problem.kind());
        assertNames(elsewhere, problem);
    }

    @Test
    void aPinNeverWaivesTheServersProofThatItHoldsTheKey() throws Exception {
        // A server that shows LOCAL's certificate but holds another key: the pin matches the certificate,
        // and the handshake still fails, as the server cannot sign with LOCAL's key.
        ServerIdentity impostor = new ServerIdentity(SelfSignedCertificate.generate().privateKey(), LOCAL.chain());
        SSLContext pinned = TlsContexts.client(Set.of(LOCAL.fingerprint()));
        try (LoopbackTlsServer server = new LoopbackTlsServer(impostor)) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> handshake(pinned, server, true));
            assertEquals("Invalid CertificateVerify signature", e.getMessage()); // found by the client
            TlsProblem problem = TlsProblem.of(e);
            assertEquals(Kind.OTHER, problem.kind());
            assertNull(problem.certificate()); // nothing to offer to trust: the certificate was not the problem
        }
    }

    @Test
    void theSslEngineSideTrustsAndRefusesAlikeUnderTheJdksHttpClient() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(LOCAL)));
        https.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        https.start();
        try {
            // HttpClient checks the host name itself asking for it, through SSLParameters, as browsers do.
            URI uri = URI.create("https://localhost:" + https.getAddress().getPort() + "/");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();

            HttpClient pinned = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(Set.of(LOCAL.fingerprint()))).build();
            assertEquals("ok", pinned.send(request, HttpResponse.BodyHandlers.ofString()).body());

            HttpClient unpinned = HttpClient.newBuilder().sslContext(TlsContexts.client()).build();
            IOException e = assertThrows(IOException.class,
                    () -> unpinned.send(request, HttpResponse.BodyHandlers.ofString()));
            TlsProblem problem = TlsProblem.of(e);
            assertEquals(Kind.UNKNOWN_ISSUER, problem.kind());
            assertNames(LOCAL, problem);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aFailureThatIsNotAboutTheCertificateIsOtherAndNamesNone() throws Exception {
        // A plain TCP server that answers a ClientHello with HTTP, as a ws:// server would.
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket socket = connect(TlsContexts.client(), plain.getLocalPort(), "localhost", true)) {
                IOException e = assertThrows(IOException.class, socket::startHandshake);
                TlsProblem problem = TlsProblem.of(e);
                assertEquals(Kind.OTHER, problem.kind());
                assertNull(problem.certificate());
                assertNull(problem.fingerprint());
            }
            answered.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRefusalCarriesTheChainAndSaysWhichCheckRefused() throws Exception {
        ServerIdentity elsewhere = elsewhere();
        try (LoopbackTlsServer server = new LoopbackTlsServer(elsewhere)) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> handshake(TlsContexts.client(Set.of(elsewhere.fingerprint())), server, true));
            ServerCertificateException refusal = (ServerCertificateException) e.getCause();
            assertEquals(List.<X509Certificate>of(elsewhere.certificate()), refusal.chain());
            assertTrue(refusal.pinned());
            assertTrue(refusal.chainTrusted());
            assertEquals(1, refusal.getSuppressed().length); // the JDK's own exception, for logs
        }
    }
}
