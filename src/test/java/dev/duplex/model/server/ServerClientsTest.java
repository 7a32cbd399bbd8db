package dev.duplex.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;

/** The clients table counts every message, and shows the counts once per batch, not once per message. */
class ServerClientsTest {
    @Test
    void aBatchOfMessagesIsOneUpdatePerCountWithExactTotals() {
        ServerClients clients = new ServerClients();
        clients.onEvent(new WsEvent.ClientJoined(Instant.EPOCH, "a:1", "/", "", "", 1));
        clients.onEvent(new WsEvent.ClientJoined(Instant.EPOCH, "b:2", "/", "", "", 2));
        clients.publish();
        ServerClient a = clients.rows().get(0);
        ServerClient b = clients.rows().get(1);
        AtomicInteger aChanges = new AtomicInteger();
        AtomicInteger bChanges = new AtomicInteger();
        a.messagesInProperty().addListener((o, before, now) -> aChanges.incrementAndGet());
        b.messagesInProperty().addListener((o, before, now) -> bChanges.incrementAndGet());

        for (int i = 0; i < 1_000; i++) {
            clients.onEvent(new WsEvent.Received(Instant.EPOCH, "a:1", Payload.text("1234")));
            clients.onEvent(new WsEvent.Sent(Instant.EPOCH, "a:1", Payload.text("123456")));
        }
        assertEquals(0, a.messagesInProperty().get(), "nothing shows before the batch is published");
        clients.publish();
        assertEquals(1, aChanges.get());
        assertEquals(0, bChanges.get(), "a row without news is left alone");
        assertEquals(1_000, a.messagesInProperty().get());
        assertEquals(4_000, a.bytesInProperty().get());
        assertEquals(1_000, a.messagesOutProperty().get());
        assertEquals(6_000, a.bytesOutProperty().get());

        clients.onEvent(new WsEvent.Received(Instant.EPOCH, "b:2", Payload.text("x")));
        clients.publish();
        clients.publish();
        assertEquals(1, bChanges.get());
        assertEquals(1, b.messagesInProperty().get());
        assertEquals(1_000, a.messagesInProperty().get());
    }
}
