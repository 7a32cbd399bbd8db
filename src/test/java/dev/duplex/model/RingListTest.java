package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import javafx.collections.ListChangeListener;

/** The ring behind every log: the newest items in order, one change per batch, and every drop counted. */
class RingListTest {
    private long dropped;
    private final RingList<Integer> ring = new RingList<>(100, n -> dropped += n);

    private static List<Integer> range(int from, int count) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) list.add(i);
        return list;
    }

    @Test
    void keepsWhatAQueueOfTheNewestWouldAcrossManyWrapsAndCountsEveryDrop() {
        Deque<Integer> expected = new ArrayDeque<>();
        Random random = new Random(11);
        int next = 0;
        for (int round = 0; round < 2_000; round++) {
            int n = random.nextInt(round % 50 == 0 ? 300 : 40);
            List<Integer> batch = range(next, n);
            next += n;
            ring.append(batch);
            expected.addAll(batch);
            while (expected.size() > 100) expected.removeFirst();
            if (round % 400 == 399) {
                int cap = 20 + random.nextInt(200);
                ring.setCapacity(cap);
                while (expected.size() > cap) expected.removeFirst();
                // And back to 100 for the rounds after: growing keeps every item.
                ring.setCapacity(100);
            }
            assertEquals(new ArrayList<>(expected), new ArrayList<>(ring), "round " + round);
            assertEquals(next, ring.size() + dropped, "shown + dropped = given, round " + round);
        }
    }

    @Test
    void aBatchIsOneChangeThatTakesTheOldestOutAndPutsTheNewIn() {
        ring.append(range(0, 90));
        List<String> seen = new ArrayList<>();
        long[] droppedWhenFired = {-1};
        ring.addListener((ListChangeListener<Integer>) c -> {
            droppedWhenFired[0] = dropped;
            seen.add("change");
            while (c.next()) {
                if (c.wasRemoved()) seen.add("removed " + c.getFrom() + " " + c.getRemoved());
                if (c.wasAdded()) seen.add("added " + c.getFrom() + ".." + c.getTo() + " " + c.getAddedSubList());
            }
        });
        ring.append(range(90, 13));
        assertEquals(List.of("change", "removed 0 [0, 1, 2]", "added 87..100 " + range(90, 13)), seen);
        assertEquals(3, droppedWhenFired[0], "the drop is counted before listeners hear of it");
    }

    @Test
    void aBatchLongerThanTheCapKeepsItsTailAndCountsItsHead() {
        ring.append(range(0, 10));
        ring.append(range(10, 250));
        assertEquals(range(160, 100), new ArrayList<>(ring));
        assertEquals(160, dropped);
    }

    @Test
    void growsOnlyAsItFillsAndEmptiesAsOneChange() {
        RingList<Integer> big = new RingList<>(1_000_000, n -> dropped += n);
        big.append(range(0, 3));
        assertEquals(range(0, 3), new ArrayList<>(big));
        int[] removed = {0};
        big.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) removed[0] += c.getRemovedSize();
        });
        big.empty();
        assertTrue(big.isEmpty());
        assertEquals(3, removed[0]);
        assertEquals(0, dropped, "emptying is not dropping");
        assertFalse(big.iterator().hasNext());
    }
}
