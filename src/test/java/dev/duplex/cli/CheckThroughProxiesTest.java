package dev.duplex.cli;

import static dev.duplex.cli.CheckRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.check.CheckReport;
import dev.duplex.check.Checker;
import dev.duplex.check.Outbound;
import dev.duplex.check.Verdict;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.peers.DebianNginx;
import dev.duplex.peers.DebianProxy;
import dev.duplex.peers.NodeWsServer;
import dev.duplex.peers.TestPki;
import dev.duplex.tls.client.ClientTls;

/**
 * {@code duplex check} through real proxies from Debian to Node's ws: tinyproxy (HTTP CONNECT), whose log shows
 * a tunnel for every case; microsocks (SOCKS5) with a user and password, where a wrong password leaves the
 * server unreachable; the environment's http_proxy; and nginx asking for a client certificate on wss://.
 */
class CheckThroughProxiesTest {
    @TempDir
    Path dir;

    @Test
    void everyCaseGoesThroughTinyproxysTunnel() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start(); DebianProxy proxy = DebianProxy.tinyproxy(dir)) {
            URI url = ws.uri("/");
            CheckRuns.Run run = check(dir, Locale.ENGLISH, url.toString(), "--group", "1,12",
                    "--proxy", "http://127.0.0.1:" + proxy.port());
            assertEquals(Cli.OK, run.status(), run.out() + run.err());
            assertTrue(run.verdicts().entrySet().stream().filter(e -> e.getKey().startsWith("1."))
                    .allMatch(e -> e.getValue().equals("PASS")), run.verdicts().toString());
            String connect = "CONNECT 127.0.0.1:" + url.getPort();
            proxy.awaitLine(l -> l.contains(connect));
            // The reachability probe and each case: a tunnel of its own through the proxy.
            long tunnels = proxy.lines().stream().filter(l -> l.contains(connect)).count();
            assertTrue(tunnels >= run.verdicts().size(), tunnels + " tunnels for " + run.verdicts().size() + " cases");
        }
    }

    @Test
    void microsocksWithItsPasswordCarriesTheCasesAndAWrongOneIsSaidPlainly() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start(); DebianProxy proxy = DebianProxy.microsocks("duplex", "s3cret")) {
            String url = ws.uri("/").toString();
            CheckRuns.Run run = check(dir, Locale.ENGLISH, url, "--group", "2", "--proxy", "socks5h://duplex:s3cret@127.0.0.1:" + proxy.port());
            assertEquals(Cli.OK, run.status(), run.out() + run.err());
            assertTrue(run.verdicts().values().stream().allMatch("PASS"::equals), run.verdicts().toString());

            CheckRuns.Run refused = check(dir, Locale.ENGLISH, url, "--group", "2", "--proxy", "socks5://duplex:wrong@127.0.0.1:" + proxy.port());
            assertEquals(Cli.FAILED, refused.status(), refused.out());
            assertTrue(refused.err().startsWith("duplex check: cannot connect to " + url), refused.err());
            assertTrue(refused.err().contains("127.0.0.1:" + proxy.port()), refused.err());
            assertFalse(refused.err().contains("wrong") || refused.err().contains("\tat "), "no password, no stack trace: " + refused.err());
        }
    }

    @Test
    void aBadProxyIsAUsageErrorThatDoesNotRepeatItsPassword() throws Exception {
        CheckRuns.Run run = check(dir, Locale.ENGLISH, "ws://127.0.0.1:1/", "--proxy", "ftp://me:s3cret@host:21");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("--proxy"), run.err());
        assertFalse(run.err().contains("s3cret"), run.err());
        CheckRuns.Run both = check(dir, Locale.ENGLISH, "ws://127.0.0.1:1/", "--proxy", "none", "--no-proxy");
        assertEquals(2, both.status(), both.err());
    }

    @Test
    void theEnvironmentsHttpProxyIsTakenUnlessNoProxyListsTheHost() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start(); DebianProxy proxy = DebianProxy.tinyproxy(dir)) {
            URI url = ws.uri("/");
            Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + proxy.port());
            CheckReport run = Checker.run(plan(url, new Outbound(ProxyChoice.FROM_ENVIRONMENT, env, ClientTls.NONE)), r -> { });
            assertTrue(run.results().stream().allMatch(r -> r.verdict() == Verdict.PASS), run.results().toString());
            proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + url.getPort()));
            long before = proxy.lines().stream().filter(l -> l.contains("CONNECT")).count();
            Map<String, String> bypassed = Map.of("http_proxy", "http://127.0.0.1:" + proxy.port(), "no_proxy", "127.0.0.1");
            CheckReport direct = Checker.run(plan(url, new Outbound(ProxyChoice.FROM_ENVIRONMENT, bypassed, ClientTls.NONE)), r -> { });
            assertTrue(direct.results().stream().allMatch(r -> r.verdict() == Verdict.PASS), direct.results().toString());
            assertEquals(before, proxy.lines().stream().filter(l -> l.contains("CONNECT")).count(), "no_proxy: straight to the server");
        }
    }

    @Test
    void wssBehindNginxWithAClientCertificateAndTheCaFile() throws Exception {
        LabServer upstream = new LabServer(e -> { });
        upstream.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO));
        TestPki pki = TestPki.ca(dir, "company");
        TestPki.Leaf server = pki.server("nginx.test");
        try (DebianNginx nginx = DebianNginx.mtls(dir, server.chainPem(), server.keyPem(), pki.caPem, upstream.url().getPort())) {
            String url = "wss://127.0.0.1:" + nginx.port() + "/";
            TestPki.Leaf me = pki.client("alice");
            // 16 RSA handshakes with a client certificate at once: on 2 shared cores they took over 2 s.
            CheckRuns.Run run = check(dir, Locale.ENGLISH, url, "--group", "1", "--timeout", "10000", "--no-proxy", "--ca", pki.caPem.toString(),
                    "--client-cert", me.pkcs12().toString(), "--client-cert-password", TestPki.PASSWORD);
            assertEquals(Cli.OK, run.status(), run.out() + run.err() + run.observed());
            assertTrue(run.verdicts().values().stream().allMatch("PASS"::equals), run.verdicts().toString());

            // Without the certificate nginx answers 400 to every handshake: each case fails, saying so.
            CheckRuns.Run without = check(dir, Locale.ENGLISH, url, "--group", "1", "--no-proxy", "--ca", pki.caPem.toString());
            assertEquals(CheckCommand.SOME_FAILED, without.status(), without.out() + without.err());
            assertTrue(without.observed().get("1.1.1").contains("400"), without.observed().get("1.1.1"));

            CheckRuns.Run badPassword = check(dir, Locale.ENGLISH, url, "--ca", pki.caPem.toString(),
                    "--client-cert", me.pkcs12().toString(), "--client-cert-password", "nope");
            assertEquals(2, badPassword.status(), badPassword.err());
            assertTrue(badPassword.err().contains("--client-cert-password"), badPassword.err());
            assertFalse(badPassword.err().contains("nope"), badPassword.err());
        } finally {
            upstream.stop();
        }
    }

    private static Checker.Plan plan(URI url, Outbound outbound) {
        return new Checker.Plan(url, null, Map.of(), Set.of(1), false, 2_000, 60_000, List.of(), outbound);
    }
}
