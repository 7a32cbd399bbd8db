package dev.duplex.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6455 4.2: opening handshakes the server must refuse, and how it refuses them. */
class HandshakeConformanceTest extends ConformanceCase {
    static Stream<Arguments> badHandshakes() {
        String key = RawClient.newKey();
        String good = RawClient.upgradeRequest(key);
        return Stream.of(
                Arguments.of("Sec-WebSocket-Version 12", good.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 12")),
                Arguments.of("no Sec-WebSocket-Key", good.replace("Sec-WebSocket-Key: " + key + "\r\n", "")),
                Arguments.of("POST instead of GET", good.replace("GET / ", "POST / ")),
                Arguments.of("garbage instead of HTTP", "\u0016\u0003\u0001 this is not HTTP at all \u00ff\u0000\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHandshakes")
    void aBadHandshakeIsRefusedWith4xx(String what, String request) throws IOException {
        try (RawClient c = RawClient.tcp(address)) {
            c.writeRaw(request.getBytes(StandardCharsets.ISO_8859_1));
            RawClient.HttpAnswer answer = c.readHttpAnswer();
            saw("handshake: " + what, answer == null ? "no HTTP answer, connection closed" : answer.statusLine());
            if (answer == null) {
                assertTrue(what.startsWith("garbage"), what + ": the server closed without an HTTP answer");
            } else {
                assertTrue(answer.status() >= 400 && answer.status() <= 499, () -> what + ": answered " + answer.statusLine());
            }
        }
    }
    @ParameterizedTest(name = "{0}")
    @MethodSource("badHandshakes")
    void aBadHandshakeEndsTheConnection(String what, String request) throws IOException {
        try (RawClient c = RawClient.tcp(address)) {
            c.writeRaw(request.getBytes(StandardCharsets.ISO_8859_1));
            RawClient.HttpAnswer answer = c.readHttpAnswer();
            boolean ended = c.drainUntilEof();
            saw("handshake: " + what + ", then", ended ? "connection closed" : "connection still open after "
                    + RawClient.READ_BOUND_MS + " ms");
            assertTrue(answer == null || answer.status() != 101, "accepted");
            assertTrue(ended, what + ": the server left the connection open after refusing it");
        }
    }

    /** RFC 6455 4.2.2 and 4.4: a version the server does not speak is refused with the versions it does. */
    @Test
    void anUnsupportedVersionIsAnsweredWithTheSupportedVersion() throws IOException {
        String request = RawClient.upgradeRequest(RawClient.newKey()).replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 12");
        try (RawClient c = RawClient.tcp(address)) {
            c.writeRaw(request.getBytes(StandardCharsets.US_ASCII));
            RawClient.HttpAnswer answer = c.readHttpAnswer();
            saw("handshake: Sec-WebSocket-Version 12, headers", answer == null ? "none" : answer.headers());
            assertTrue(answer != null && answer.status() >= 400 && answer.status() <= 499, "not refused with 4xx");
            assertEquals("13", answer.headers().get("sec-websocket-version"), () -> "headers " + answer.headers());
        }
    }
}
