package dev.duplex.model.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.options.ClientInput;

/**
 * What a tab's Application protocol panel gives the protocol's start (the command line's is tested against the
 * real servers): GraphQL's connection_init payload as typed, the empty one with a line when it is not a JSON
 * object, and the login in STOMP's CONNECT with the passcode kept out of its decoded line.
 */
class DecodingSetupTest {
    private static final ClientInput.Connection CONNECTION = new ClientInput.Connection(URI.create("ws://127.0.0.1:1/graphql"),
            new ClientOptions("", Map.of(), 1000));

    @Test
    void theConnectionInitPayloadGoesAsTyped() {
        Decoding decoding = new Decoding();
        decoding.protocolProperty().set("graphql-ws");
        decoding.connectionInitProperty().set("{\"token\": \"abc\"}");
        assertEquals("{\"type\":\"connection_init\",\"payload\":{\"token\": \"abc\"}}", firstSent(decoding, new ArrayList<>()));

        decoding.connectionInitProperty().set("token=abc");
        List<WsEvent> said = new ArrayList<>();
        assertEquals("{\"type\":\"connection_init\",\"payload\":{}}", firstSent(decoding, said));
        assertTrue(said.stream().anyMatch(e -> e instanceof WsEvent.Meant m && m.line().key().equals("decode.connectionInit.bad")), said.toString());
    }

    @Test
    void theLoginGoesInStompsConnect() {
        Decoding decoding = new Decoding();
        decoding.protocolProperty().set("stomp");
        decoding.loginProperty().set("ana");
        decoding.passwordProperty().set("s3cret");
        String connect = firstSent(decoding, new ArrayList<>());
        assertTrue(connect.contains("\nlogin:ana\n") && connect.contains("\npasscode:s3cret\n"), connect);
    }

    private static String firstSent(Decoding decoding, List<WsEvent> said) {
        decoding.prepare(CONNECTION, said);
        List<Payload> sent = new ArrayList<>();
        decoding.follow(List.of(new WsEvent.Opened(Instant.now(), CONNECTION.url(), "")), sent::add);
        decoding.shutdown();
        return sent.get(0).text();
    }
}
