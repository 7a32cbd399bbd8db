package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.duplex.net.WsEvent;
import javafx.collections.ListChangeListener;

class LogBufferTest {
    private static List<WsEvent> events(int from, int count) {
        List<WsEvent> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) list.add(new WsEvent.ClientJoined(Instant.EPOCH, "p" + i, "/", "", "", i));
        return list;
    }

    private static int id(WsEvent e) {
        return ((WsEvent.ClientJoined) e).clients();
    }

    @Test
    void keepsTheNewestAndCountsTheDropped() {
        LogBuffer log = new LogBuffer(100);
        log.addAll(events(0, 60));
        log.addAll(events(60, 60));
        assertEquals(100, log.events().size());
        assertEquals(20, log.dropped());
        assertEquals(20, id(log.events().get(0)));
        assertEquals(119, id(log.events().get(99)));
    }

    @Test
    void aBatchBiggerThanTheCapKeepsItsTail() {
        LogBuffer log = new LogBuffer(100);
        log.addAll(events(0, 10));
        log.addAll(events(10, 250));
        assertEquals(100, log.events().size());
        assertEquals(160, log.dropped());
        assertEquals(160, id(log.events().get(0)));
    }

    @Test
    void oneBatchIsAtMostOneRemovalAndOneAddition() {
        LogBuffer log = new LogBuffer(100);
        log.addAll(events(0, 100));
        AtomicInteger changes = new AtomicInteger();
        log.events().addListener((ListChangeListener<WsEvent>) c -> {
            while (c.next()) changes.incrementAndGet();
        });
        log.addAll(events(100, 50));
        assertEquals(2, changes.get());
    }

    @Test
    void loweringTheCapTrimsAtOnceAndClearResets() {
        LogBuffer log = new LogBuffer(1000);
        log.addAll(events(0, 500));
        log.setCap(200);
        assertEquals(200, log.events().size());
        assertEquals(300, log.dropped());
        assertEquals(300, id(log.events().get(0)));
        log.clear();
        assertEquals(0, log.events().size());
        assertEquals(0, log.dropped());
    }

    @Test
    void theListIsReadOnlyOutside() {
        LogBuffer log = new LogBuffer(10);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> log.events().add(events(0, 1).get(0)));
        assertSame(log.events(), log.events());
    }
}
