package dev.duplex.check.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.Verdict;
import dev.duplex.i18n.CheckText;
import dev.duplex.i18n.Texts;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;

/** The client check against the JDK's java.net.http.WebSocket, in this JVM, each case on its own connection. */
class ClientCheckAgainstJdkTest {
    @Test
    void everyCaseEndsWithAVerdictAndTheJdkClientsResultsAreAsMeasured() throws Exception {
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 2000, r -> { })) {
            checkTheJdkClient(HttpClient.newHttpClient(), server);
        }
    }

    /** The same cases inside TLS: the same verdicts, the frames the same bytes in TLS records. */
    @Test
    void overWssTheVerdictsAreTheSame() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(identity.fingerprint()))).build();
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 2000, r -> { },
                Texts.of(java.util.Locale.ENGLISH), TlsContexts.server(identity))) {
            assertTrue(server.caseUrl("1.1").toString().startsWith("wss://127.0.0.1:"), server.caseUrl("1.1").toString());
            assertTrue(server.reportUrl().toString().startsWith("https://"), server.reportUrl().toString());
            checkTheJdkClient(http, server);
            assertEquals(null, server.tlsFailure(), "every TLS handshake went through");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsSaidAsATlsFailure() throws Exception {
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 2000, r -> { },
                Texts.of(java.util.Locale.ENGLISH), TlsContexts.server(SelfSignedCertificate.generate()))) {
            java.util.concurrent.CompletableFuture<java.net.http.WebSocket> refused = HttpClient.newHttpClient()
                    .newWebSocketBuilder().buildAsync(server.caseUrl("1.1"), new java.net.http.WebSocket.Listener() { });
            java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> refused.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof javax.net.ssl.SSLHandshakeException, String.valueOf(e.getCause()));
            String why = server.awaitTlsFailure(10_000);
            assertTrue(why != null && !why.isBlank(), "the server says why the handshake failed: " + why);
            assertEquals(List.of(), server.results(), "no case was judged");
        }
    }

    private static void checkTheJdkClient(HttpClient http, ClientCheckServer server) throws Exception {
        for (String id : server.caseIds()) {
            JdkEchoClient.run(http, server.caseUrl(id), 5000,
                    () -> assertTrue(server.awaitResult(id, 5000) != null, "case " + id + " has a result"));
        }
        assertTrue(server.done());
        CheckReport report = server.report();
        new CheckText(Texts.of(java.util.Locale.ENGLISH)).summary(report).forEach(System.out::println);
        for (CaseResult r : report.results()) {
            if (r.verdict() != Verdict.PASS) System.out.println(r.id() + " " + r.verdict().label() + " " + r.title() + " -> " + r.observed() + " (" + r.why() + ")");
            if (r.verdict() == Verdict.FAIL) r.transcript().entries().forEach(e -> System.out.println("   " + (e.sent() ? "> " : "< ") + e.decoded()));
        }
        assertEquals(server.caseIds().size(), report.results().size());
        // What the JDK (17) does, as measured: it refuses every broken frame and handshake; it echoes a
        // close of 5000 or 65535, codes no endpoint may send (7.4.1), where it must fail the connection.
        List<String> failed = report.results().stream().filter(r -> r.verdict() == Verdict.FAIL).map(CaseResult::id).toList();
        assertEquals(List.of("7.31", "7.32"), failed, () -> "the FAILs: " + report.results().stream()
                .filter(r -> r.verdict() == Verdict.FAIL).map(r -> r.id() + " " + r.observed()).collect(Collectors.joining("; ")));
        assertTrue(report.results().stream().filter(r -> r.group() == 0).allMatch(r -> r.verdict() == Verdict.PASS),
                "it refuses every broken handshake and opens on the good ones");
    }
}
