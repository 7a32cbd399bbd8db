package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.Problem;
import dev.duplex.net.Recorder;
import dev.duplex.net.WsEvent;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsFacts;
import dev.duplex.net.wire.FrameInfo;

/**
 * Our client on wss:// against a TLS server nobody here wrote: Node's https with ws, serving a certificate
 * Duplex made. Normal checks refuse a self-signed certificate and say why, with its fingerprint; trusting
 * that one fingerprint lets the echo through; an expired one and one for another host are named as such.
 */
class OurClientAgainstNodeWssTest {
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);
    private Process node;

    @AfterEach
    void stop() throws Exception {
        client.close(1000, "");
        if (node != null) {
            node.destroy();
            node.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private URI serve(ServerIdentity identity) throws Exception {
        Path dir = NodeWsServer.install();
        Path pem = Files.createTempDirectory("duplex-wss");
        Files.writeString(pem.resolve("key.pem"), pem("PRIVATE KEY", identity.privateKey().getEncoded()));
        Files.writeString(pem.resolve("cert.pem"), pem("CERTIFICATE", identity.certificate().getEncoded()));
        Files.writeString(dir.resolve("wss-server.js"), """
                // Written by OurClientAgainstNodeWssTest: an echo server on wss:// with the given key and certificate.
                const fs = require('fs');
                const https = require('https');
                const { WebSocketServer } = require('ws');
                const dir = process.argv[2];
                const server = https.createServer({ key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem') });
                const wss = new WebSocketServer({ server });
                wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
                server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));
                """);
        node = new ProcessBuilder("node", dir.resolve("wss-server.js").toString(), pem.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("LISTENING ")) return Integer.parseInt(line.substring(10).strip());
                }
                throw new IllegalStateException("node exited before listening");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return URI.create("wss://127.0.0.1:" + port.get(30, TimeUnit.SECONDS) + "/");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithItsFingerprintAndTrustedByIt() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        URI url = serve(identity);
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_UNKNOWN_ISSUER, failed.problem().kind(), failed.toString());
        assertEquals(identity.fingerprint().toString(), failed.problem().detail());
        assertEquals(1006, events.next(WsEvent.Closed.class).code());
        assertFalse(events.all().stream().anyMatch(e -> e instanceof WsEvent.Opened));

        client.trust(List.of(identity.fingerprint()));
        client.connect(url, ClientOptions.browserLike(url));
        events.next(WsEvent.Opened.class);
        client.send("trusted by its fingerprint");
        assertEquals("trusted by its fingerprint", events.next(WsEvent.Received.class).payload().text());
    }

    @Test
    void anExpiredCertificateIsNamedExpired() throws Exception {
        Instant now = Instant.now();
        ServerIdentity expired = SelfSignedCertificate.generate(SelfSignedCertificate.LOCAL_NAMES,
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        URI url = serve(expired);
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_EXPIRED, failed.problem().kind(), failed.toString());
        assertEquals(expired.fingerprint().toString(), failed.problem().detail());
    }

    @Test
    void aTrustedCertificateForAnotherHostIsNamedWrongHost() throws Exception {
        Instant now = Instant.now();
        ServerIdentity elsewhere = SelfSignedCertificate.generate(List.of("example.test"),
                now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        URI url = serve(elsewhere);
        // Trusting the certificate does not make it name 127.0.0.1: the host check still applies.
        client.trust(List.of(elsewhere.fingerprint()));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = events.next(WsEvent.Failed.class);
        assertEquals(Problem.Kind.TLS_WRONG_HOST, failed.problem().kind(), failed.toString());
    }

    @Test
    void connectOnTheCommandLineTrustsTheFingerprintItIsGiven() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        URI url = serve(identity);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int refused = dev.duplex.cli.Cli.run(new String[] {"connect", url.toString()},
                new java.io.ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                latch -> { });
        assertEquals(dev.duplex.cli.Cli.FAILED, refused);
        String why = err.toString(StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(why.contains(identity.fingerprint().toString()), why);

        out.reset();
        err.reset();
        int trusted = dev.duplex.cli.Cli.run(new String[] {"connect", url.toString(), "--trust",
                identity.fingerprint().toString().replace(":", "").toLowerCase(java.util.Locale.ROOT)},
                new java.io.ByteArrayInputStream("through TLS\n".getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                latch -> { });
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(dev.duplex.cli.Cli.OK, trusted, said + err);
        org.junit.jupiter.api.Assertions.assertTrue(said.contains("message received: through TLS"), said);
    }

    @Test
    void framesAndHandshakeAreSeenAboveTlsWithWhatTlsSaid() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        URI url = serve(identity);
        client.trust(List.of(identity.fingerprint()));
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Handshake handshake = events.next(WsEvent.Handshake.class);
        events.next(WsEvent.Opened.class);
        assertEquals(101, handshake.record().status(), handshake.record().response());
        assertTrue(handshake.record().requestLine().startsWith("GET / HTTP/1.1"), handshake.record().request());
        TlsFacts tls = handshake.record().tls();
        assertNotNull(tls, "no TLS facts on wss://");
        assertEquals("TLSv1.3", tls.protocol());
        assertTrue(tls.cipherSuite().startsWith("TLS_"), tls.cipherSuite());
        assertEquals("http/1.1", tls.alpn(), "Node's https answers the ALPN offer of http/1.1");
        assertEquals(TlsFacts.Trust.PINNED, tls.trust());
        assertEquals(1, tls.chain().size());
        TlsFacts.CertificateFacts own = tls.chain().get(0);
        assertEquals(identity.fingerprint(), own.fingerprint());
        assertEquals(identity.certificate().getNotAfter().toInstant(), own.notAfter());
        assertTrue(own.alternativeNames().contains("IP:127.0.0.1"), own.alternativeNames().toString());
        assertTrue(own.subject().contains("CN="), own.subject());

        client.send("seen above TLS");
        assertEquals("seen above TLS", events.next(WsEvent.Received.class).payload().text());
        List<FrameInfo> frames = events.all().stream().filter(e -> e instanceof WsEvent.Frame)
                .map(e -> ((WsEvent.Frame) e).frame()).toList();
        assertTrue(frames.stream().anyMatch(f -> !f.inbound() && f.masked() && f.opcodeName().equals("text")
                && f.payloadLength() == "seen above TLS".length()), frames.toString());
        assertTrue(frames.stream().anyMatch(f -> f.inbound() && !f.masked() && f.opcodeName().equals("text")), frames.toString());
    }

    @Test
    void aRefusedChainIsShownWithItsCertificates() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        URI url = serve(identity);
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Handshake handshake = events.next(WsEvent.Handshake.class);
        events.next(WsEvent.Failed.class);
        TlsFacts tls = handshake.record().tls();
        assertNotNull(tls, handshake.toString());
        assertEquals(TlsFacts.Trust.REFUSED, tls.trust());
        assertEquals(identity.fingerprint(), tls.chain().get(0).fingerprint());
        assertEquals("", handshake.record().response(), "TLS held the request back");
        dev.duplex.i18n.EventText.Line line = new dev.duplex.i18n.EventText(dev.duplex.i18n.Texts.of(java.util.Locale.ENGLISH))
                .line(handshake, dev.duplex.i18n.EventText.Side.CLIENT);
        assertEquals("GET / HTTP/1.1  →  (not sent: TLS refused the server first)", line.text(), "the log says why no answer");
    }

    @Test
    void connectShowsTheTlsFactsAndTheFramesOnWss() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        URI url = serve(identity);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = dev.duplex.cli.Cli.run(new String[] {"connect", url.toString(), "--trust",
                identity.fingerprint().toString(), "--show-handshake", "--show-frames"},
                new java.io.ByteArrayInputStream("framed\n".getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                latch -> { });
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(dev.duplex.cli.Cli.OK, code, said + err);
        assertTrue(said.contains("== TLS (TLSv1.3)"), said);
        assertTrue(said.contains("ALPN: http/1.1"), said);
        assertTrue(said.contains("SHA-256: " + identity.fingerprint()), said);
        assertTrue(said.contains("Trusted by the fingerprint you pinned"), said);
        assertTrue(said.contains("HTTP/1.1 101"), said);
        assertTrue(said.contains("framed"), said);
    }
}
