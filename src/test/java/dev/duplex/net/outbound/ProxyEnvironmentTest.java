package dev.duplex.net.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The proxy variables read as curl reads them, from a map (the JVM's own environment is never touched). */
class ProxyEnvironmentTest {
    private static ProxyRoute route(String url, Map<String, String> env) {
        return ProxyEnvironment.route(URI.create(url), ProxyChoice.FROM_ENVIRONMENT, env);
    }

    @Test
    void wssTakesHttpsProxyAndWsTakesHttpProxy() {
        Map<String, String> env = Map.of("https_proxy", "http://secure:3128", "http_proxy", "http://plain:3128");
        ProxyRoute secure = route("wss://example.com/", env);
        assertEquals("secure", secure.proxy().host());
        assertEquals(ProxyRoute.Reason.ENVIRONMENT, secure.reason());
        assertEquals("https_proxy", secure.variable());
        ProxyRoute plain = route("ws://example.com/", env);
        assertEquals("plain", plain.proxy().host());
        assertEquals("http_proxy", plain.variable());
    }

    @Test
    void upperCaseHttpsProxyCountsButUpperCaseHttpProxyDoesNotAsInCurl() {
        assertEquals("HTTPS_PROXY", route("wss://example.com", Map.of("HTTPS_PROXY", "up:8080")).variable());
        ProxyRoute ws = route("ws://example.com", Map.of("HTTP_PROXY", "up:8080"));
        assertTrue(ws.direct());
        assertEquals(ProxyRoute.Reason.NOTHING_SET, ws.reason());
        // lower case wins over upper case
        assertEquals("https_proxy", route("wss://example.com",
                Map.of("HTTPS_PROXY", "up:1", "https_proxy", "low:2")).variable());
    }

    @Test
    void allProxyIsTheFallbackLowerCaseFirst() {
        assertEquals("all_proxy", route("ws://example.com", Map.of("all_proxy", "socks5h://s:1080",
                "ALL_PROXY", "socks5://x:1")).variable());
        ProxyRoute upper = route("wss://example.com", Map.of("ALL_PROXY", "socks5://s:1081"));
        assertEquals("ALL_PROXY", upper.variable());
        assertEquals(ProxyAddress.Kind.SOCKS5, upper.proxy().kind());
        assertEquals(1081, upper.proxy().port());
        // the scheme's own variable comes before all_proxy
        assertEquals("http_proxy", route("ws://example.com", Map.of("all_proxy", "a:1", "http_proxy", "h:2")).variable());
    }

    @Test
    void anEmptyVariableIsUnset() {
        assertEquals("all_proxy", route("wss://example.com", Map.of("https_proxy", "", "all_proxy", "a:1")).variable());
        assertTrue(route("ws://example.com", Map.of("http_proxy", "  ")).direct());
    }

    @Test
    void noProxyListsHostsReachedDirectly() {
        Map<String, String> env = Map.of("http_proxy", "p:3128", "no_proxy", "localhost, .internal.example,example.org");
        ProxyRoute local = route("ws://localhost:8080", env);
        assertTrue(local.direct());
        assertEquals(ProxyRoute.Reason.NO_PROXY, local.reason());
        assertEquals("no_proxy", local.variable());
        assertTrue(route("ws://a.internal.example", env).direct());
        assertTrue(route("ws://internal.example", env).direct(), "a leading dot is ignored, as curl does");
        assertTrue(route("ws://www.example.org", env).direct(), "a name covers the hosts under it");
        assertTrue(route("ws://EXAMPLE.ORG./x", env).direct(), "case and a trailing dot do not matter");
        assertFalse(route("ws://notexample.org", env).direct(), "only whole labels match");
        assertFalse(route("ws://example.com", env).direct());
    }

    @Test
    void noProxyRules() {
        assertTrue(ProxyEnvironment.bypasses("*", "anything.example", 80));
        assertFalse(ProxyEnvironment.bypasses("*.example.com", "a.example.com", 80), "* only alone means all");
        assertTrue(ProxyEnvironment.bypasses("example.com:8080", "example.com", 8080));
        assertFalse(ProxyEnvironment.bypasses("example.com:8080", "example.com", 443), "host:port is that port only");
        assertTrue(ProxyEnvironment.bypasses("127.0.0.1", "127.0.0.1", 1));
        assertFalse(ProxyEnvironment.bypasses("127.0.0.1", "localhost", 1), "an address is not a name: no lookup");
        assertTrue(ProxyEnvironment.bypasses("10.0.0.0/8", "10.1.2.3", 80));
        assertFalse(ProxyEnvironment.bypasses("10.0.0.0/8", "11.1.2.3", 80));
        assertTrue(ProxyEnvironment.bypasses("::1", "::1", 80));
        assertTrue(ProxyEnvironment.bypasses("[::1]:9000", "::1", 9000));
        assertFalse(ProxyEnvironment.bypasses("[::1]:9000", "::1", 9001));
        assertTrue(ProxyEnvironment.bypasses("fd00::/8", "fd12::5", 80));
        assertTrue(ProxyEnvironment.bypasses("a.test b.test", "b.test", 80), "spaces separate too");
        assertFalse(ProxyEnvironment.bypasses(",,", "a.test", 80));
    }

    @Test
    void ipv6UrlsAreMatchedWithoutBrackets() {
        assertTrue(route("ws://[::1]:8080/", Map.of("http_proxy", "p:1", "no_proxy", "::1")).direct());
    }

    @Test
    void upperCaseNoProxyCountsWhenLowerIsUnset() {
        assertTrue(route("wss://h.test", Map.of("https_proxy", "p:1", "NO_PROXY", "h.test")).direct());
        assertEquals("NO_PROXY", route("wss://h.test", Map.of("https_proxy", "p:1", "NO_PROXY", "h.test")).variable());
    }

    @Test
    void aGivenProxyOrNoneIgnoresTheEnvironment() {
        Map<String, String> env = Map.of("https_proxy", "http://env:3128");
        ProxyRoute none = ProxyEnvironment.route(URI.create("wss://x.test"), ProxyChoice.NONE, env);
        assertTrue(none.direct());
        assertEquals(ProxyRoute.Reason.NONE_GIVEN, none.reason());
        ProxyRoute given = ProxyEnvironment.route(URI.create("wss://x.test"),
                ProxyChoice.of(ProxyAddress.parse("socks5h://given:1080")), env);
        assertEquals("given", given.proxy().host());
        assertEquals(ProxyRoute.Reason.GIVEN, given.reason());
    }

    @Test
    void aVariableThatDoesNotReadIsSaidSoNotIgnored() {
        ProxyRoute bad = route("wss://x.test", Map.of("https_proxy", "ftp://p:21"));
        assertNull(bad.proxy());
        assertEquals(ProxyRoute.Reason.BAD_VARIABLE, bad.reason());
        assertTrue(bad.tunnelled());
        assertEquals("https_proxy=ftp://p:21", bad.variable());
    }

    @Test
    void proxyAddressesReadAsCurlReadsThem() {
        ProxyAddress bare = ProxyAddress.parse("proxy.test");
        assertEquals(ProxyAddress.Kind.HTTP, bare.kind());
        assertEquals(1080, bare.port(), "curl's default proxy port");
        ProxyAddress auth = ProxyAddress.parse("http://us%40er:p%3Ass@10.0.0.1:3128");
        assertEquals("us@er", auth.user());
        assertEquals("p:ss", auth.password());
        assertEquals("http://us@er:****@10.0.0.1:3128", auth.shown(), "the password is never shown");
        ProxyAddress v6 = ProxyAddress.parse("socks5://[::1]:1080");
        assertEquals("::1", v6.host());
        assertEquals("[::1]:1080", v6.address());
        assertEquals("form.proxy.scheme", assertThrows(ProxyAddress.InvalidProxyException.class,
                () -> ProxyAddress.parse("https://p:443")).key());
        assertEquals("form.proxy.invalid", assertThrows(ProxyAddress.InvalidProxyException.class,
                () -> ProxyAddress.parse("http://p:99999")).key());
        assertEquals("form.proxy.invalid", assertThrows(ProxyAddress.InvalidProxyException.class,
                () -> ProxyAddress.parse("http://p:1/path")).key());
        assertEquals("http://me:****@p:1/path", assertThrows(ProxyAddress.InvalidProxyException.class,
                () -> ProxyAddress.parse("http://me:secret@p:1/path")).detail(), "a typo never shows the password");
    }
}
