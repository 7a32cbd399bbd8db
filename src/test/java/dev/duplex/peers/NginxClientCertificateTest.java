package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.cli.Cli;
import dev.duplex.net.Problem;
import dev.duplex.net.Recorder;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.tls.TlsFacts;
import dev.duplex.tls.client.ClientTls;

/**
 * Our client against Debian's nginx terminating TLS with {@code ssl_verify_client on} in front of our own ws://
 * echo server: nginx's server certificate and the client certificates come from a CA made here, so {@code --ca}
 * is what makes the server trusted. With the right client certificate (PKCS#12, or PEM chain and key) the echo
 * comes back and the handshake says the certificate was asked for and sent; without one, or with one from
 * another CA, onerror says which.
 */
class NginxClientCertificateTest {
    @TempDir Path dir;
    private final LabServer upstream = new LabServer(new Recorder());
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);
    private DebianNginx nginx;
    private TestPki pki;
    private URI url;

    private record Run(int status, String out, String err) { }

    @BeforeEach
    void start() throws Exception {
        ExternalPrograms.requireExecutable(DebianNginx.NGINX, "nginx (apt-get install -y nginx-light)");
        upstream.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO));
        pki = TestPki.ca(dir, "company");
        TestPki.Leaf server = pki.server("nginx.test");
        nginx = DebianNginx.mtls(dir, server.chainPem(), server.keyPem(), pki.caPem, upstream.url().getPort());
        url = URI.create("wss://127.0.0.1:" + nginx.port() + "/");
        client.proxy(dev.duplex.net.outbound.ProxyChoice.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close(1000, "");
        if (nginx != null) nginx.close();
        upstream.stop();
    }

    private ClientTls load(String cert, String key, String password, Path ca) {
        var loaded = new ClientTlsInput(cert, key, password, ca == null ? null : ca.toString()).load();
        assertTrue(loaded.isOk(), () -> String.valueOf(loaded.problem()));
        return loaded.value();
    }

    @Test
    void aPkcs12CertificateFromTheRightCaGetsTheEchoAndTheHandshakeSaysItWasAskedForAndSent() throws Exception {
        TestPki.Leaf me = pki.client("alice");
        client.clientTls(load(me.pkcs12().toString(), null, TestPki.PASSWORD, pki.caPem));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Handshake handshake = events.next(WsEvent.Handshake.class);
        events.next(WsEvent.Opened.class);
        client.send("through nginx with a certificate");
        assertEquals("through nginx with a certificate", events.next(WsEvent.Received.class).payload().text());
        TlsFacts tls = handshake.record().tls();
        assertNotNull(tls);
        assertEquals(TlsFacts.Trust.CA_FILE, tls.trust(), "nginx's certificate is trusted by the CA file, not pinned");
        assertTrue(tls.clientAuth().asked(), tls.toString());
        assertEquals("CN=alice", tls.clientAuth().sent());
        assertTrue(tls.clientAuth().issuers().contains("CN=company CA"), tls.clientAuth().issuers().toString());
    }

    @Test
    void withoutACertificateOnerrorSaysTheServerAskedForOneAndGotNone() throws Exception {
        client.clientTls(load(null, null, null, pki.caPem));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REQUIRED, failed.problem().kind(), failed.toString());
        assertTrue(failed.problem().detail().startsWith("HTTP 400"), failed.problem().detail());
        assertEquals(1006, events.next(WsEvent.Closed.class).code());
        // nginx's 400 came over TLS: the handshake view has the session, the request and that none was sent.
        WsEvent.Handshake handshake = (WsEvent.Handshake) events.all().stream()
                .filter(e -> e instanceof WsEvent.Handshake).findFirst().orElseThrow();
        TlsFacts tls = handshake.record().tls();
        assertNotNull(tls, handshake.toString());
        assertEquals(TlsFacts.Trust.CA_FILE, tls.trust());
        assertTrue(tls.clientAuth().asked(), tls.toString());
        assertEquals("", tls.clientAuth().sent());
    }

    @Test
    void aCertificateFromAnotherCaIsSaidToBeRefused() throws Exception {
        TestPki.Leaf stranger = TestPki.ca(dir, "other").client("mallory");
        client.clientTls(load(stranger.pkcs12().toString(), null, TestPki.PASSWORD, pki.caPem));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REFUSED, failed.problem().kind(), failed.toString());
        assertTrue(failed.problem().detail().contains("CN=mallory"), failed.problem().detail());
    }

    @Test
    void withoutTheCaFileTheServersCertificateIsRefused() throws Exception {
        TestPki.Leaf me = pki.client("alice");
        client.clientTls(load(me.pkcs12().toString(), null, TestPki.PASSWORD, null));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_UNKNOWN_ISSUER, failed.problem().kind(), failed.toString());
    }

    private static Run connect(String input, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "connect";
        System.arraycopy(args, 0, argv, 1, args.length);
        return duplex(input, argv);
    }

    private static Run duplex(String input, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(argv, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                stop -> { });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void connectWithAPemCertificateAndKeyShowsTheRequestAndWhatWasSent() throws Exception {
        TestPki.Leaf me = pki.client("bob");
        assertTrue(connect("", url.toString(), "--no-proxy", "--ca", pki.caPem.toString(), "--show-handshake")
                .out().contains("== TLS (TLSv1.3)"), "nginx speaks TLS 1.3 here");
        Run r = connect("hello mtls\n", url.toString(), "--no-proxy", "--client-cert", me.chainPem().toString(),
                "--client-key", me.keyPem().toString(), "--ca", pki.caPem.toString(), "--show-handshake", "--wait", "5000");
        assertEquals(Cli.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("message received: hello mtls"), r.out());
        assertTrue(r.out().contains("The server asked for a client certificate"), r.out());
        assertTrue(r.out().contains("Client certificate sent: CN=bob"), r.out());
        assertTrue(r.out().contains("Trusted by the CA file you gave (--ca)"), r.out());
    }

    @Test
    void overTls12TooACertificateFromAnotherCaIsSaidToBeRefused() throws Exception {
        nginx.close();
        TestPki.Leaf server = pki.server("nginx12.test");
        nginx = DebianNginx.mtls(dir.resolve("tls12"), server.chainPem(), server.keyPem(), pki.caPem,
                upstream.url().getPort(), "TLSv1.2");
        url = URI.create("wss://127.0.0.1:" + nginx.port() + "/");
        TestPki.Leaf stranger = TestPki.ca(dir, "other").client("mallory");
        Run r = connect("", url.toString(), "--no-proxy", "--client-cert", stranger.pkcs12().toString(),
                "--client-cert-password", TestPki.PASSWORD, "--ca", pki.caPem.toString(), "--show-handshake");
        assertEquals(Cli.FAILED, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("== TLS (TLSv1.2)"), r.out());
        assertTrue(r.out().contains("Client certificate sent: CN=mallory"), r.out());
        assertTrue(r.err().contains("the server refused the client certificate sent: CN=mallory (HTTP 400"), r.err());
    }

    @Test
    void replayTakesTheSameCertificateFlags() throws Exception {
        TestPki.Leaf me = pki.client("carol");
        Path file = dir.resolve("session.jsonl");
        String[] tls = {"--no-proxy", "--client-cert", me.pkcs12().toString(), "--client-cert-password", TestPki.PASSWORD,
                "--ca", pki.caPem.toString()};
        String[] record = java.util.stream.Stream.concat(java.util.stream.Stream.of("connect", url.toString(), "--save",
                file.toString()), java.util.Arrays.stream(tls)).toArray(String[]::new);
        Run recorded = duplex("one\ntwo\n", record);
        assertEquals(Cli.OK, recorded.status(), recorded.out() + recorded.err());
        String[] replay = java.util.stream.Stream.concat(java.util.stream.Stream.of("replay", file.toString(), url.toString(),
                "--timing", "fast", "--expect-same"), java.util.Arrays.stream(tls)).toArray(String[]::new);
        Run replayed = duplex("", replay);
        assertEquals(Cli.OK, replayed.status(), replayed.out() + replayed.err());
        assertTrue(replayed.out().contains("Sent 2 of 2 messages. Replies: 2 same"), replayed.out());
    }

    @Test
    void connectWithoutACertificateSaysSoAndFails() throws Exception {
        Run r = connect("", url.toString(), "--no-proxy", "--ca", pki.caPem.toString());
        assertEquals(Cli.FAILED, r.status(), r.out() + r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains("the server asked for a client certificate and got none (HTTP 400"), all);
        assertFalse(all.contains("Exception"), all);
    }

    @Test
    void connectNamesAWrongPasswordAsAUsageError() throws Exception {
        TestPki.Leaf me = pki.client("alice");
        Run r = connect("", url.toString(), "--no-proxy", "--client-cert", me.pkcs12().toString(),
                "--client-cert-password", "n0t-it");
        assertEquals(Cli.USAGE, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--client-cert-password"), r.err());
        assertTrue(r.err().contains("The password does not open"), r.err());
        assertFalse(r.err().contains("n0t-it"), r.err());
    }
}
