package dev.duplex.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The dispatcher batches, keeps order, and never has more than one drain pending. */
class DispatcherTest {

    @Test
    void aFloodFromAnotherThreadArrivesInOrderInFewBatches() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            Dispatcher dispatcher = new Dispatcher(ui);
            int n = 100_000;
            List<Integer> seen = new ArrayList<>(); // touched only on the "ui" thread
            List<Integer> batchSizes = new ArrayList<>();
            CountDownLatch all = new CountDownLatch(1);
            Consumer<List<Integer>> sink = batch -> {
                batchSizes.add(batch.size());
                seen.addAll(batch);
                if (seen.size() == n) all.countDown();
            };
            Thread producer = new Thread(() -> {
                for (int i = 0; i < n; i++) dispatcher.post(sink, i);
            });
            producer.start();
            assertTrue(all.await(20, TimeUnit.SECONDS), "all events delivered");
            for (int i = 0; i < n; i++) assertEquals(i, seen.get(i));
            assertTrue(dispatcher.drains() < n / 10, "batched: " + dispatcher.drains() + " drains for " + n + " events");
            assertTrue(batchSizes.stream().allMatch(s -> s <= Dispatcher.MAX_BATCH));
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void tasksAndEventsKeepTheirRelativeOrder() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        Dispatcher dispatcher = new Dispatcher(pending::add);
        List<String> log = new ArrayList<>();
        Consumer<List<String>> sinkA = log::addAll;
        dispatcher.post(sinkA, "a1");
        dispatcher.post(sinkA, "a2");
        dispatcher.run(() -> log.add("task"));
        dispatcher.post(sinkA, "a3");
        assertEquals(1, pending.size(), "one drain pending, however many posts");
        pending.remove(0).run();
        assertEquals(List.of("a1", "a2", "task", "a3"), log);
        assertTrue(pending.isEmpty());
    }

    @Test
    void aDrainStopsWhenItsTimeIsUpAndTheNextGoesOnInOrder() {
        List<Runnable> pending = new ArrayList<>();
        long[] now = {0};
        // Each sink call takes 1 ms on this clock; the budget is 3 ms.
        Dispatcher dispatcher = new Dispatcher(pending::add, () -> now[0], 3_000_000);
        List<Integer> seen = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        Consumer<List<Integer>> sink = batch -> {
            calls.add(batch.size());
            seen.addAll(batch);
            now[0] += 1_000_000;
        };
        int n = 10 * Dispatcher.MAX_BATCH;
        for (int i = 0; i < n; i++) dispatcher.post(sink, i);
        assertEquals(1, pending.size());
        pending.remove(0).run();
        assertEquals(3 * Dispatcher.MAX_BATCH, seen.size(), "three calls fit in the budget, then the drain yields");
        assertEquals(1, pending.size(), "and the rest is left to the next drain");
        while (!pending.isEmpty()) pending.remove(0).run();
        assertEquals(n, seen.size());
        for (int i = 0; i < n; i++) assertEquals(i, seen.get(i));
        assertTrue(calls.stream().allMatch(s -> s <= Dispatcher.MAX_BATCH), "calls " + calls);
        assertEquals(4, dispatcher.drains());
    }

    @Test
    void aSlowSinkStillGetsAtLeastSomeItemsPerDrain() {
        List<Runnable> pending = new ArrayList<>();
        long[] now = {0};
        Dispatcher dispatcher = new Dispatcher(pending::add, () -> now[0], 1);
        List<String> seen = new ArrayList<>();
        Consumer<List<String>> a = batch -> {
            seen.addAll(batch);
            now[0] += 1_000_000_000L;
        };
        Consumer<List<String>> b = seen::addAll;
        for (int i = 0; i < Dispatcher.AT_LEAST; i++) dispatcher.post(i % 2 == 0 ? a : b, "e" + i);
        dispatcher.post(a, "late");
        pending.remove(0).run();
        assertEquals(Dispatcher.AT_LEAST, seen.size(), "however slow, a drain takes AT_LEAST items");
        pending.remove(0).run();
        assertEquals("late", seen.get(seen.size() - 1));
        assertTrue(pending.isEmpty());
    }

    @Test
    void aProducerFasterThanTheDrainsWaitsForThemSoTheBacklogStaysBounded() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            Dispatcher dispatcher = new Dispatcher(ui);
            int n = 8 * Dispatcher.HIGH_WATER;
            List<Integer> seen = new ArrayList<>(); // touched only on the "ui" thread
            CountDownLatch all = new CountDownLatch(1);
            // A slow window: each batch costs the UI thread half a millisecond.
            Consumer<List<Integer>> sink = batch -> {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                seen.addAll(batch);
                if (seen.size() == n) all.countDown();
            };
            int[] most = {0};
            Thread producer = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    dispatcher.post(sink, i);
                    most[0] = Math.max(most[0], dispatcher.pending());
                }
            });
            producer.start();
            assertTrue(all.await(60, TimeUnit.SECONDS), "all events delivered");
            producer.join();
            for (int i = 0; i < n; i++) assertEquals(i, seen.get(i));
            assertTrue(most[0] <= Dispatcher.HIGH_WATER + 1, "the backlog reached " + most[0]);
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void aUiThatNeverDrainsHoldsAProducerUpOnceAndNotForEver() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        Dispatcher dispatcher = new Dispatcher(task -> {
            synchronized (pending) {
                pending.add(task);
            }
        });
        int n = 3 * Dispatcher.HIGH_WATER;
        Consumer<List<Integer>> sink = batch -> { };
        java.util.concurrent.CompletableFuture<Void> posted = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) dispatcher.post(sink, i);
        });
        posted.get(20, TimeUnit.SECONDS);
        assertEquals(n, dispatcher.pending(), "everything still queued, nothing lost");
        Runnable drain;
        synchronized (pending) {
            drain = pending.remove(0);
        }
        drain.run();
        assertTrue(dispatcher.pending() < n, "the drain takes them down again");
    }
}
