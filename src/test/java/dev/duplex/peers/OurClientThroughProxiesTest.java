package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.HandshakeText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.Problem;
import dev.duplex.net.Recorder;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.outbound.ProxyAddress;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.net.outbound.TunnelRecord;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;

/**
 * Our client through real proxies from Debian, started here on free ports: tinyproxy for HTTP CONNECT (with and
 * without Basic authentication, refusing with 407 and 403), microsocks for SOCKS5 (with and without user and
 * password, names resolved here or by the proxy). Each test proves the proxy carried the connection from the
 * proxy's own log; the echo proves the tunnel worked both ways.
 */
class OurClientThroughProxiesTest {
    private static final ServerIdentity IDENTITY = SelfSignedCertificate.generate();

    @TempDir Path dir;
    private final Recorder serverEvents = new Recorder();
    private final Recorder clientEvents = new Recorder();
    private final LabServer server = new LabServer(serverEvents);
    private final WsClient client = new WsClient(clientEvents);
    private DebianProxy proxy;

    @AfterEach
    void stopAll() throws Exception {
        client.close(1000, "");
        server.stop();
        if (proxy != null) proxy.close();
    }

    private URI startServer(boolean tls) throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO);
        server.start(tls ? config.withTls(IDENTITY) : config);
        return server.url();
    }

    private void through(String proxyUrl) {
        client.proxy(ProxyChoice.of(ProxyAddress.parse(proxyUrl)));
    }

    /** Connects, opens, and gets one echo back through the tunnel. */
    private WsEvent.Handshake echoes(URI url, String text) throws Exception {
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Handshake handshake = clientEvents.next(WsEvent.Handshake.class);
        clientEvents.next(WsEvent.Opened.class);
        client.send(text);
        assertEquals(text, clientEvents.next(WsEvent.Received.class).payload().text());
        return handshake;
    }

    private WsEvent.Failed fails(URI url) throws Exception {
        client.connect(url, ClientOptions.browserLike(url));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        WsEvent.Closed closed = clientEvents.next(WsEvent.Closed.class);
        assertEquals(1006, closed.code());
        assertFalse(clientEvents.all().stream().anyMatch(e -> e instanceof WsEvent.Opened));
        return failed;
    }

    private static List<String> lines(TunnelRecord tunnel) {
        return tunnel.steps().stream().map(s -> s.line() == null ? s.key() + s.args() : s.line()).toList();
    }

    private static String english(WsEvent.Failed failed) {
        return new EventText(Texts.of(Locale.ENGLISH)).problem(failed.problem(), failed.peer());
    }

    @Test
    void httpConnectThroughTinyproxy() throws Exception {
        proxy = DebianProxy.tinyproxy(dir);
        URI url = startServer(false);
        through("http://127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(url, "through tinyproxy");
        proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + url.getPort() + " HTTP/1.1"));
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        TunnelRecord tunnel = h.record().tunnel();
        assertNotNull(tunnel, h.toString());
        assertEquals(ProxyRoute.Reason.GIVEN, tunnel.route().reason());
        assertEquals("CONNECT 127.0.0.1:" + url.getPort() + " HTTP/1.1", lines(tunnel).get(0));
        assertTrue(lines(tunnel).stream().anyMatch(l -> l.matches("HTTP/1\\.[01] 200 .*")), lines(tunnel).toString());
        // The WebSocket handshake above the tunnel is still the tap's, as on a direct connection.
        assertEquals(101, h.record().status());
        assertTrue(h.record().requestLine().startsWith("GET / HTTP/1.1"), h.record().request());
    }

    @Test
    void httpConnectWithBasicAuthenticationMasksTheCredentials() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        URI url = startServer(false);
        through("http://duplex:s3cret@127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(url, "authenticated");
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        List<String> steps = lines(h.record().tunnel());
        assertTrue(steps.contains("Proxy-Authorization: Basic ****"), steps.toString());
        String shown = new HandshakeText(Texts.of(Locale.ENGLISH)).text(h);
        assertFalse(shown.contains("s3cret") || shown.contains("ZHVwbGV4OnMzY3JldA=="), shown);
        assertTrue(shown.contains("through http://duplex:****@127.0.0.1:" + proxy.port()), shown);
    }

    @Test
    void noCredentialsGetTheProxys407NotABare1006() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        URI url = startServer(false);
        through("http://127.0.0.1:" + proxy.port());
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.PROXY_REFUSED, failed.problem().kind(), failed.toString());
        assertEquals("the proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: 407 Proxy Authentication Required",
                english(failed));
        proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + url.getPort()));
        // The Handshake view still gets the exchange with the proxy: its 407 answer.
        WsEvent.Handshake h = (WsEvent.Handshake) clientEvents.all().stream()
                .filter(e -> e instanceof WsEvent.Handshake).findFirst().orElseThrow();
        assertTrue(lines(h.record().tunnel()).stream().anyMatch(l -> l.contains("407")), h.toString());
        List<HandshakeText.Line> shown = new HandshakeText(Texts.of(Locale.ENGLISH)).lines(h);
        assertTrue(shown.stream().anyMatch(l -> l.kind() == HandshakeText.Kind.BAD
                && l.text().startsWith("← HTTP/1.0 407")), shown.toString());
        assertFalse(shown.stream().anyMatch(l -> l.text().startsWith("GET ")), "no upgrade was sent: " + shown);
        assertFalse(serverEvents.all().stream().anyMatch(e -> e instanceof WsEvent.ClientJoined));
    }

    /** tinyproxy 1.11 answers wrong credentials with 401 Unauthorized (none at all gets 407): said as it came. */
    @Test
    void wrongCredentialsGetTheProxysRefusalAsItSaidIt() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        URI url = startServer(false);
        through("http://duplex:wrong@127.0.0.1:" + proxy.port());
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.PROXY_REFUSED, failed.problem().kind(), failed.toString());
        assertTrue(english(failed).matches("the proxy 127\\.0\\.0\\.1:" + proxy.port()
                + " refused the tunnel: 40[17] (Unauthorized|Proxy Authentication Required)"), english(failed));
        proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + url.getPort()));
    }

    @Test
    void aPortTheProxyForbidsGets403() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "ConnectPort 443");
        URI url = startServer(false);
        through("127.0.0.1:" + proxy.port()); // a bare host:port is an HTTP proxy, as for curl
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.PROXY_REFUSED, failed.problem().kind(), failed.toString());
        assertTrue(failed.problem().detail().startsWith("403"), failed.toString());
        proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + url.getPort()));
    }

    /** The server is not there: the proxy says so (tinyproxy: 500), and microsocks with its SOCKS5 reply. */
    @Test
    void aServerTheProxyCannotReachIsSaidAsTheProxySaidIt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nobody = URI.create("ws://127.0.0.1:" + closed + "/");
        proxy = DebianProxy.tinyproxy(dir);
        through("http://127.0.0.1:" + proxy.port());
        WsEvent.Failed http = fails(nobody);
        assertEquals("the proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: 500 Unable to connect", english(http));
        proxy.close();

        proxy = DebianProxy.microsocks(null, null);
        through("socks5://127.0.0.1:" + proxy.port());
        WsEvent.Failed socks = fails(nobody);
        assertEquals("the proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: 5 connection refused", english(socks));
    }

    @Test
    void wssInsideTheTunnelWithAPinnedCertificateAndTheFramesStillSeen() throws Exception {
        proxy = DebianProxy.tinyproxy(dir);
        URI url = startServer(true);
        client.trust(List.of(IDENTITY.fingerprint()));
        through("http://127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(url, "TLS inside the tunnel");
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        assertNotNull(h.record().tls(), "TLS was negotiated inside the tunnel");
        assertNotNull(h.record().tunnel());
        assertEquals(101, h.record().status(), "the tap sees the handshake above TLS");
        byte[] sent = "TLS inside the tunnel".getBytes(StandardCharsets.UTF_8);
        List<WsEvent> seen = clientEvents.all();
        assertTrue(seen.stream().anyMatch(e -> e instanceof WsEvent.Frame f && !f.frame().inbound()
                && f.frame().opcode() == FrameInfo.TEXT && f.frame().masked()
                && Arrays.equals(sent, f.frame().payload())), seen.toString());
        assertTrue(seen.stream().anyMatch(e -> e instanceof WsEvent.Frame f && f.frame().inbound()
                && f.frame().opcode() == FrameInfo.TEXT && Arrays.equals(sent, f.frame().payload())), seen.toString());
    }

    @Test
    void anUntrustedCertificateInsideTheTunnelIsRefusedWithItsFingerprint() throws Exception {
        proxy = DebianProxy.tinyproxy(dir);
        URI url = startServer(true);
        through("http://127.0.0.1:" + proxy.port());
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.TLS_UNKNOWN_ISSUER, failed.problem().kind(), failed.toString());
        assertTrue(failed.problem().detail().contains(IDENTITY.fingerprint().toString()), failed.toString());
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        WsEvent.Handshake h = (WsEvent.Handshake) clientEvents.all().stream()
                .filter(e -> e instanceof WsEvent.Handshake).findFirst().orElseThrow();
        assertNotNull(h.record().tunnel());
        assertNotNull(h.record().tls(), "the refused chain, as on a direct connection");
    }

    /** A proxy that takes the connection and never answers: the connect timeout ends the wait, naming it. */
    @Test
    void aProxyThatNeverAnswersTimesOut() throws Exception {
        URI url = startServer(false);
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            through("http://127.0.0.1:" + silent.getLocalPort());
            client.connect(url, new ClientOptions(null, Map.of(), 300));
            WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.PROXY_BROKEN, failed.problem().kind(), failed.toString());
            assertEquals("the proxy 127.0.0.1:" + silent.getLocalPort() + " did not answer as a proxy: no answer in 300 ms",
                    english(failed));
            clientEvents.next(WsEvent.Closed.class);
        }
    }

    /** Disconnect while the proxy has not answered yet: the socket to the proxy is dropped, and onclose comes once. */
    @Test
    void disconnectingWhileTheTunnelOpensDropsIt() throws Exception {
        URI url = startServer(false);
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            through("http://127.0.0.1:" + silent.getLocalPort());
            client.connect(url, new ClientOptions(null, Map.of(), 60_000));
            try (java.net.Socket accepted = silent.accept()) {
                client.close(1000, "");
                clientEvents.next(WsEvent.Closed.class);
                // the proxy's side sees its connection closed, long before the 60 s timeout
                accepted.setSoTimeout(10_000);
                while (accepted.getInputStream().read() >= 0) {
                    // the CONNECT request, then the end of the stream
                }
            }
        }
        assertEquals(1, clientEvents.all().stream().filter(e -> e instanceof WsEvent.Closed).count(),
                clientEvents.all().toString());
    }

    @Test
    void socks5ThroughMicrosocks() throws Exception {
        proxy = DebianProxy.microsocks(null, null);
        URI url = startServer(false);
        through("socks5://127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(url, "through socks5");
        proxy.awaitLine(l -> l.contains("connected to 127.0.0.1:" + url.getPort()));
        List<String> steps = lines(h.record().tunnel());
        assertTrue(steps.contains("tunnel.socks.greet[]") && steps.contains("tunnel.socks.method.open[]"), steps.toString());
    }

    @Test
    void socks5WithUserAndPassword() throws Exception {
        proxy = DebianProxy.microsocks("duplex", "s3cret");
        URI url = startServer(false);
        through("socks5://duplex:s3cret@127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(url, "socks5 with a login");
        proxy.awaitLine(l -> l.contains("connected to 127.0.0.1:" + url.getPort()));
        List<String> steps = lines(h.record().tunnel());
        assertTrue(steps.contains("tunnel.socks.login.ok[]"), steps.toString());
        assertFalse(steps.toString().contains("s3cret"), steps.toString());
    }

    @Test
    void socks5WithAWrongPasswordIsRefusedByName() throws Exception {
        proxy = DebianProxy.microsocks("duplex", "s3cret");
        URI url = startServer(false);
        through("socks5://duplex:wrong@127.0.0.1:" + proxy.port());
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.PROXY_REFUSED, failed.problem().kind(), failed.toString());
        assertEquals("the proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: user or password refused",
                english(failed));
    }

    @Test
    void aSocks5ProxyThatWantsALoginSaysSoWhenNoneIsGiven() throws Exception {
        proxy = DebianProxy.microsocks("duplex", "s3cret");
        URI url = startServer(false);
        through("socks5://127.0.0.1:" + proxy.port());
        WsEvent.Failed failed = fails(url);
        assertEquals("the proxy 127.0.0.1:" + proxy.port()
                + " refused the tunnel: it asks for a user and password (socks5://user:pass@host:port)", english(failed));
    }

    /**
     * socks5h hands the proxy the name: microsocks logs the target as it got it, so "localhost" in its log
     * (where socks5 makes it log the address we resolved) proves the lookup happened at the proxy.
     */
    @Test
    void socks5hLetsTheProxyResolveTheName() throws Exception {
        proxy = DebianProxy.microsocks(null, null);
        int port = startServer(false).getPort();
        URI byName = URI.create("ws://localhost:" + port + "/");
        through("socks5h://127.0.0.1:" + proxy.port());
        WsEvent.Handshake h = echoes(byName, "resolved by the proxy");
        proxy.awaitLine(l -> l.contains("connected to localhost:" + port));
        assertTrue(lines(h.record().tunnel()).contains("tunnel.socks.connect.name[localhost, " + port + "]"),
                lines(h.record().tunnel()).toString());
        client.close(1000, "");
        clientEvents.next(WsEvent.Closed.class);

        through("socks5://127.0.0.1:" + proxy.port());
        echoes(byName, "resolved here");
        proxy.awaitLine(l -> l.matches(".*connected to (127\\.0\\.0\\.1|::1):" + port + ".*"));
    }

    @Test
    void theEnvironmentsProxyIsTakenAndNamed() throws Exception {
        proxy = DebianProxy.tinyproxy(dir);
        URI url = startServer(false);
        client.environment(Map.of("http_proxy", "http://127.0.0.1:" + proxy.port(), "HTTP_PROXY", "http://127.0.0.1:1"));
        WsEvent.Handshake h = echoes(url, "from the environment");
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
        assertEquals(ProxyRoute.Reason.ENVIRONMENT, h.record().tunnel().route().reason());
        assertEquals("http_proxy", h.record().tunnel().route().variable());
        String shown = new HandshakeText(Texts.of(Locale.ENGLISH)).text(h);
        assertTrue(shown.contains("from the environment variable http_proxy"), shown);
    }

    @Test
    void noProxyAndNoneGoDirectly() throws Exception {
        URI url = startServer(false);
        // The proxy variable points at a closed port: going through it would fail.
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        client.environment(Map.of("http_proxy", "http://127.0.0.1:" + closed, "no_proxy", "localhost,127.0.0.1"));
        assertNull(echoes(url, "direct by no_proxy").record().tunnel());
        client.close(1000, "");
        clientEvents.next(WsEvent.Closed.class);
        client.environment(Map.of("http_proxy", "http://127.0.0.1:" + closed));
        client.proxy(ProxyChoice.NONE);
        assertNull(echoes(url, "direct by none").record().tunnel());
    }

    @Test
    void anUnreachableProxyIsNamed() throws Exception {
        URI url = startServer(false);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        through("socks5://127.0.0.1:" + closed);
        WsEvent.Failed failed = fails(url);
        assertEquals(Problem.Kind.PROXY_UNREACHABLE, failed.problem().kind(), failed.toString());
        assertEquals("the proxy 127.0.0.1:" + closed + " cannot be reached: connection refused", english(failed));
        assertFalse(serverEvents.all().stream().anyMatch(e -> e instanceof WsEvent.ClientJoined));
    }
}
