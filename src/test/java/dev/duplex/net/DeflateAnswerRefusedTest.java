package dev.duplex.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.deflate.DeflateParams;

/**
 * A server whose permessage-deflate answer breaks RFC 7692 (a parameter we cannot keep to) fails our client at
 * once, with the reason named: the library alone would open and then fail the first compressed frame.
 */
class DeflateAnswerRefusedTest {
    private final Recorder events = new Recorder();
    private final WsClient client = new WsClient(events);

    @AfterEach
    void close() {
        client.close(1000, "");
    }

    @Test
    void anAnswerWithAnUnknownParameterFailsTheConnectionWithItsReason() throws Exception {
        RawServer.Answer answer = key -> new String(RawServer.accept(key), StandardCharsets.US_ASCII)
                .replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate; zlib_level=9\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (RawServer raw = new RawServer(answer, c -> c.readFrame())) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 5_000, List.of(), DeflateParams.DEFAULT));
            WsEvent.Failed failed = events.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.BAD_HANDSHAKE, failed.problem().kind());
            assertTrue(failed.problem().detail().contains("unknown parameter zlib_level"), failed.problem().detail());
            events.next(WsEvent.Closed.class);
        }
    }
}
