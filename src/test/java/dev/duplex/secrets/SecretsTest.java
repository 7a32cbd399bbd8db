package dev.duplex.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.duplex.net.HandshakeRecord;

/** What is masked, and what of it is kept to read a handshake by. */
class SecretsTest {
    @Test
    void headerValuesKeepTheirSchemeAndCookieNames() {
        assertEquals("Bearer ****", Secrets.maskedValue("Authorization", "Bearer abc.def"));
        assertEquals("****", Secrets.maskedValue("authorization", "abc"));
        assertEquals("a=****; b=****", Secrets.maskedValue("Cookie", "a=1; b=2"));
        assertEquals("sid=****; Path=/; HttpOnly", Secrets.maskedValue("Set-Cookie", "sid=xyz; Path=/; HttpOnly"));
        assertEquals("****", Secrets.maskedValue("X-Api-Key", "k"));
        assertEquals("****", Secrets.maskedValue("X-Auth-Token", "k"));
        assertEquals("chat.example", Secrets.maskedValue("Host", "chat.example"), "no secret: as it is");
    }

    @Test
    void queryParametersNamedLikeTokensAndTheOnesGiven() {
        assertEquals("/live?room=7&access_token=****&sig=****#top",
                Secrets.maskedTarget("/live?room=7&access_token=abc&sig=x#top", Set.of()));
        assertEquals("/?room=7&ticket=****&flag", Secrets.maskedTarget("/?room=7&ticket=9&flag", Set.of()));
        assertEquals("/?k2=****", Secrets.maskedTarget("/?k2=abc", Set.of("k2")));
        assertEquals("/plain", Secrets.maskedTarget("/plain", Set.of()));
    }

    @Test
    void aHandshakeIsMaskedInItsRequestLineAndHeadersAndNothingElse() {
        HandshakeRecord r = new HandshakeRecord("GET /?token=abc HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YTpi\r\n"
                + "Cookie: s=1\r\n\r\n", "HTTP/1.1 101 Switching Protocols\r\nSet-Cookie: s=2; Path=/\r\n\r\n");
        HandshakeRecord m = Secrets.masked(r, Set.of());
        assertEquals("GET /?token=**** HTTP/1.1\r\nHost: h\r\nAuthorization: Basic ****\r\nCookie: s=****\r\n\r\n", m.request());
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nSet-Cookie: s=****; Path=/\r\n\r\n", m.response());
        assertEquals(r, Masking.REVEALED.record(r));
    }

    @Test
    void jsonFieldsNamedLikeSecretsAtAnyDepth() {
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.hasSecretField("{\"authToken\": \"x\"}"));
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.hasSecretField("{\"headers\": {\"Authorization\": \"Bearer x\"}}"));
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.hasSecretField("[{\"password\": 1}]"));
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.hasSecretField("{\"client\": \"token in a value\"}"));
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.hasSecretField("not json {"));
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.hasSecretField(""));
    }
}
