package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duplex check --client --tls-pkcs12 FILE -- node client.js {url} CA}: the client check over wss://, with
 * a certificate OpenSSL made (as a company's would be), against Node's {@code ws} client trusting only that
 * certificate; and a client that does not trust it, told as such instead of waiting out every case.
 */
class ClientCheckOverWssTest {
    /** An echo client with ws over TLS: trusts the CA file given after the URL, echoes, exits when closed. */
    private static final String CLIENT = """
            // Written by ClientCheckOverWssTest: an echoing wss client for duplex check --client.
            const fs = require('fs');
            const WebSocket = require('ws');
            const options = process.argv[3] ? { ca: fs.readFileSync(process.argv[3]) } : {};
            const ws = new WebSocket(process.argv[2], options);
            ws.on('message', (data, isBinary) => { try { ws.send(data, { binary: isBinary }); } catch (e) { } });
            ws.on('error', () => { });
            ws.on('close', () => process.exit(0));
            """;

    @Test
    void nodeWsClientOverWssWithAnOpenSslCertificate(@TempDir Path tmp) throws Exception {
        OpenSsl.require();
        Path cert = tmp.resolve("server.crt");
        Path p12 = certificate(tmp, cert);
        Path script = NodeWsServer.install().resolve("client-check-wss-echo.js");
        Files.writeString(script, CLIENT);

        ClientCheckRun run = ClientCheckRun.run(tmp, List.of("--tls-pkcs12", p12.toString(), "--tls-password", "s3cret"),
                List.of("node", script.toString(), "{url}", cert.toString()));
        System.out.println("node ws " + NodeWsServer.WS_VERSION + " over wss://:\n" + String.join("\n", run.summary()));
        assertEquals(131, run.verdicts().size(), run.out() + run.err());
        assertTrue(run.out().contains("TLS certificate SHA-256 fingerprint: "), run.out());
        // As over ws:// (ClientCheckAgainstNodeWsTest): ws keeps every case.
        assertEquals("", run.those("FAIL"), "ws's FAILs over wss://");
        assertEquals(0, run.status(), run.out() + run.err());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsToldSoAtOnce(@TempDir Path tmp) throws Exception {
        OpenSsl.require();
        Path p12 = certificate(tmp, tmp.resolve("server.crt"));
        Path script = NodeWsServer.install().resolve("client-check-wss-echo.js");
        Files.writeString(script, CLIENT);

        ClientCheckRun run = ClientCheckRun.run(tmp, List.of("--group", "3", "--verbose", "--tls-pkcs12", p12.toString(),
                "--tls-password", "s3cret"), List.of("node", script.toString(), "{url}"));
        assertEquals(7, run.verdicts().size(), run.out() + run.err());
        assertEquals(List.of("FAIL"), run.verdicts().values().stream().distinct().toList(), run.out());
        assertTrue(run.out().contains("its TLS handshake failed"), run.out());
        assertTrue(run.observed().values().stream().allMatch(o -> o.contains("its TLS handshake failed")), run.observed().toString());
        assertEquals(4, run.status(), run.out() + run.err());
    }

    /** A self-signed certificate for 127.0.0.1 in {@code cert}, and its key with it in a PKCS#12 file. */
    private static Path certificate(Path dir, Path cert) throws IOException, InterruptedException {
        Path key = dir.resolve("server.key");
        Path p12 = dir.resolve("server.p12");
        OpenSsl.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-subj", "/CN=check server", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2");
        OpenSsl.run("pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:s3cret");
        return p12;
    }

}
