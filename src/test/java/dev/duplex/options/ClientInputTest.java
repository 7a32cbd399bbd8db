package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.outbound.ProxyAddress;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.tls.Fingerprint;

class ClientInputTest {
    private static final String URL = "ws://127.0.0.1:8080/shiming";

    private static ClientInput of(String url, boolean sendOrigin, String origin, String headers, String subprotocols,
            String timeout) {
        return new ClientInput(url, sendOrigin, origin, headers, subprotocols, false, timeout);
    }

    @Test
    void aUrlAloneConnectsAsABrowserPageOnTheSameHostWould() {
        ClientInput.Connection c = of(URL, true, "", "", "", null).connection().value();
        assertEquals(URI.create(URL), c.url());
        assertEquals(new ClientOptions("http://127.0.0.1:8080", Map.of(), ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS),
                c.options());
        assertEquals("https://h:9443", of("wss://h:9443/", true, null, null, null, null).connection().value()
                .options().origin());
    }

    @Test
    void theOriginIsTypedOrDefaultOrNotSentAtAll() {
        assertEquals("http://example.test", of(URL, true, " http://example.test ", "", "", null).connection().value()
                .options().origin());
        assertNull(of(URL, false, "http://example.test", "", "", null).connection().value().options().origin());
        assertEquals(FieldProblem.of(Field.ORIGIN, "form.origin", "http://a\nb"),
                of(URL, true, "http://a\nb", "", "", null).connection().problem());
    }

    @Test
    void badUrlsSayWhatIsWrongWithTheirOwnKeys() {
        assertEquals(FieldProblem.of(Field.URL, "url.scheme", "ws://localhost:8080"),
                of("http://localhost:8080", true, "", "", "", null).connection().problem());
        assertEquals("url.empty", of("  ", true, "", "", "", null).connection().problem().key());
        assertEquals("url.empty", ClientInput.url(null).problem().key());
        assertEquals("url.fragment", ClientInput.url("ws://h/#x").problem().key());
        assertEquals(URI.create("ws://h/"), ClientInput.url("ws://h").value());
    }

    @Test
    void headerLinesInOneBoxOrOneByOne() {
        ClientInput.Connection c = of(URL, true, "", "X-Test: 1\n\n Authorization: Bearer a:b \r\nX-Test: 2", "", null)
                .connection().value();
        assertEquals(List.of("X-Test", "Authorization"), List.copyOf(c.options().headers().keySet()));
        assertEquals("2", c.options().headers().get("X-Test"), "a name typed twice keeps its last value");
        assertEquals("Bearer a:b", c.options().headers().get("Authorization"));
        assertEquals(List.of("X-A: 1", "X-B: 2"), ClientInput.headerLines(Typed.joinLines(List.of("X-A: 1", " X-B: 2"))).value());
        assertEquals(List.of(), ClientInput.headerLines(null).value());
        for (String bad : new String[] {"no colon", ": v", "two words: v"}) {
            assertEquals(FieldProblem.of(Field.HEADERS, "form.header", bad),
                    of(URL, true, "", "X-Ok: 1\n" + bad, "", null).connection().problem());
        }
    }

    @Test
    void subprotocolsAreOfferedInOrder() {
        assertEquals(List.of("chat.v2", "json", "mqtt"),
                of(URL, true, "", "", " chat.v2, json  mqtt,", null).connection().value().options().subprotocols());
        assertEquals(FieldProblem.of(Field.SUBPROTOCOLS, "form.subprotocols", "a;b"), ClientInput.subprotocols("ok a;b").problem());
    }

    @Test
    void theConnectTimeoutIsFrom1To600000Ms() {
        assertEquals(600_000, of(URL, true, "", "", "", "600000").connection().value().options().connectTimeoutMs());
        for (String bad : new String[] {"0", "600001", "", "10s"}) {
            assertEquals(FieldProblem.of(Field.CONNECT_TIMEOUT, "form.timeout"), of(URL, true, "", "", "", bad)
                    .connection().problem(), bad);
        }
    }

    @Test
    void theFirstBadFieldIsNamedInTheFormsOrder() {
        assertEquals(Field.URL, of("", true, "a\nb", "bad", "a;b", "x").connection().problem().field());
        assertEquals(Field.HEADERS, of(URL, true, "", "bad", "a;b", "x").connection().problem().field());
        assertEquals(Field.SUBPROTOCOLS, of(URL, true, "", "", "a;b", "x").connection().problem().field());
    }

    @Test
    void deflateIsASwitch() {
        assertEquals(true, new ClientInput(URL, true, "", "", "", true, null).connection().value().options().permessageDeflate());
    }

    @Test
    void theReplyWaitAndTrustedFingerprints() {
        assertEquals(1_000, ClientInput.replyWaitMs(null).value());
        assertEquals(0, ClientInput.replyWaitMs("0").value());
        assertEquals(FieldProblem.of(Field.WAIT, "form.wait"), ClientInput.replyWaitMs("-5").problem());
        String hex = "ab".repeat(32);
        assertEquals(List.of(Fingerprint.parse(hex)), ClientInput.trusted(List.of(hex)).value());
        assertEquals(List.of(), ClientInput.trusted(null).value());
        assertEquals(FieldProblem.of(Field.TRUST, "form.fingerprint", "abc"), ClientInput.trusted(List.of(hex, " abc ")).problem());
    }

    @Test
    void theProxyIsTheEnvironmentsNoneOrOneTyped() {
        assertEquals(ProxyChoice.FROM_ENVIRONMENT, ClientInput.proxy(null).value());
        assertEquals(ProxyChoice.FROM_ENVIRONMENT, ClientInput.proxy("  ").value());
        assertEquals(ProxyChoice.NONE, ClientInput.proxy("None").value());
        ProxyChoice given = ClientInput.proxy(" socks5h://u:p@127.0.0.1:9050 ").value();
        assertEquals(ProxyChoice.Mode.GIVEN, given.mode());
        assertEquals(ProxyAddress.Kind.SOCKS5H, given.given().kind());
        assertEquals(9050, given.given().port());
        assertEquals(FieldProblem.of(Field.OUTBOUND_PROXY, "form.proxy.scheme", "socks4"),
                ClientInput.proxy("socks4://h:1").problem());
        assertEquals(FieldProblem.of(Field.OUTBOUND_PROXY, "form.proxy.invalid", "http://h:1 x"),
                ClientInput.proxy("http://h:1 x").problem());
    }
}
