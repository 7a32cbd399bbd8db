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
}
