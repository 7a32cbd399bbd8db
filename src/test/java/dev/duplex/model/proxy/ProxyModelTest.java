package dev.duplex.model.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.model.Dispatcher;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.options.Field;

/**
 * The Proxy pane's model over batches of the engine's events, as the dispatcher hands them over: each pair's
 * lists stay within the log limit, the pairs within {@link ProxyModel#MAX_PAIRS} (those over go first), the
 * held list within {@link Interceptor#MAX_SHOWN} while counting them all, and a closed pair's held messages
 * leave the queue. A flood through the proxy therefore costs the window bounded memory.
 */
class ProxyModelTest {
    private static final URI UP = URI.create("ws://127.0.0.1:1/");
    private final ProxyModel model = new ProxyModel(new Dispatcher(Runnable::run), 5);

    private static ProxyEvent arrived(int n) {
        return new ProxyEvent.Arrived(Instant.EPOCH, n, "127.0.0.1:" + (40000 + n), "/", UP);
    }

    private static ProxyEvent message(int n, Direction d, String text) {
        Payload p = Payload.text(text);
        return new ProxyEvent.Message(Instant.EPOCH, n, d, ProxyEvent.Fate.RELAYED, p, p, "");
    }

    private static ProxyEvent frame(int n, Leg leg) {
        return new ProxyEvent.Wire(Instant.EPOCH, n, leg, new WsEvent.Frame(Instant.EPOCH, "p",
                new FrameInfo(true, true, false, false, false, FrameInfo.TEXT, null, 2, 4, new byte[] {'h', 'i'})));
    }

    private static ProxyEvent closed(int n) {
        return new ProxyEvent.Closed(Instant.EPOCH, n, Leg.CLIENT, 1000, "", 1000, "", 0);
    }

    @Test
    void aPairCountsEveryMessageAndKeepsTheNewestLinesAndFramesOfEachLegWithinTheLimit() {
        List<ProxyEvent> batch = new ArrayList<>(List.of(arrived(1)));
        for (int i = 0; i < 20; i++) {
            batch.add(message(1, i % 2 == 0 ? Direction.UP : Direction.DOWN, "m" + i));
            batch.add(frame(1, Leg.CLIENT));
            batch.add(frame(1, Leg.UPSTREAM));
        }
        model.onEvents(batch);
        ProxyPair pair = model.pairs().get(0);
        assertEquals(pair, model.selectedProperty().get(), "the first client is chosen");
        assertEquals(10, pair.messagesUpProperty().get());
        assertEquals(10, pair.messagesDownProperty().get());
        assertEquals(5, pair.log().size());
        assertEquals(16, pair.droppedProperty().get(), "the arrival and the 15 oldest messages");
        assertEquals(5, pair.clientWire().frames().events().size());
        assertEquals(20, pair.upstreamWire().totals().inFrames(), "the totals count every frame");
        model.onEvents(List.of(closed(1)));
        assertEquals(ProxyPair.State.CLOSED, pair.stateProperty().get());
    }

    @Test
    void pairsPastTheMostKeptGoThoseOverFirst() {
        List<ProxyEvent> batch = new ArrayList<>();
        for (int n = 1; n <= ProxyModel.MAX_PAIRS + 50; n++) {
            batch.add(arrived(n));
            if (n <= 30) batch.add(closed(n));
        }
        model.onEvents(batch);
        assertEquals(ProxyModel.MAX_PAIRS, model.pairs().size());
        assertTrue(model.pairs().stream().noneMatch(p -> p.number() <= 30), "the closed ones went first");
        assertEquals(51, model.pairs().get(0).number(), "then the oldest open ones");
        assertEquals(ProxyModel.MAX_PAIRS + 50, model.selectedProperty().get().number(), "#1 went: the newest is chosen");
        model.onEvents(List.of(closed(60), closed(61)));
        model.clearClosed();
        assertEquals(ProxyModel.MAX_PAIRS - 2, model.pairs().size());
    }

    @Test
    void theHeldListIsBoundedButCountsAllAndAClosedPairsHeldMessagesLeaveIt() {
        List<ProxyEvent> batch = new ArrayList<>(List.of(arrived(1), arrived(2)));
        for (int i = 0; i < Interceptor.MAX_SHOWN + 10; i++) {
            batch.add(new ProxyEvent.Held(Instant.EPOCH, 1, i + 1, Direction.UP, Payload.text("held " + i)));
        }
        batch.add(new ProxyEvent.Held(Instant.EPOCH, 2, 5000, Direction.DOWN, Payload.text("two")));
        model.onEvents(batch);
        Interceptor hand = model.interceptor();
        assertEquals(Interceptor.MAX_SHOWN, hand.held().size());
        assertEquals(Interceptor.MAX_SHOWN + 11, hand.heldCountProperty().get());
        assertEquals("held 0", hand.selectedProperty().get().payload().text(), "the oldest is in the editor");
        assertEquals("held 0", hand.editTextProperty().get());
        model.onEvents(List.of(closed(1)));
        assertEquals(0, hand.held().size(), "#2's was never listed: the list was full");
        assertEquals(1, hand.heldCountProperty().get());
    }

    @Test
    void theFormIsCheckedByTheOptionsLayerAndNothingStartsOnAProblem() {
        model.listenProperty().set("127.0.0.1:0");
        model.upstreamProperty().set("ws://127.0.0.1:1/");
        model.delaysProperty().set("up:x=>forever");
        model.start();
        assertEquals(Field.DELAY, model.problemProperty().get().field());
        assertEquals(ProxyModel.State.STOPPED, model.stateProperty().get());
        model.delaysProperty().set("");
        model.removeHeadersProperty().set("Sec-WebSocket-Key");
        model.start();
        assertEquals(Field.REMOVE_HEADER, model.problemProperty().get().field());
        assertFalse(model.input().config().isOk());
    }
}
