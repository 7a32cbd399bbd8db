package dev.duplex.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The numbers of burst sending: exact percentiles, and replies matched to the message they answer. */
class BurstTest {

    @Test
    void percentilesAreExactByNearestRank() {
        RoundTrips r = new RoundTrips();
        assertEquals(0, r.percentile(0.5), "no sample, no number");
        for (int i = 100; i >= 1; i--) r.add(i * 1_000L); // 1..100 µs, added out of order
        assertEquals(100, r.count());
        assertEquals(50_000, r.percentile(0.5));
        assertEquals(90_000, r.percentile(0.9));
        assertEquals(99_000, r.percentile(0.99));
        assertEquals(100_000, r.max());
        assertEquals(1_000, r.percentile(0.0));
        r.clear();
        r.add(7);
        assertEquals(7, r.percentile(0.99));
    }

    @Test
    void theCounterNumbersEachMessageAndRepliesFindTheirMessage() {
        BurstRun run = new BurstRun("msg {n} of {n}", 3, 0);
        assertEquals("msg 2 of 2", run.message(2));
        java.util.List<String> sent = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        run.start(sent::add, done::countDown);
        try {
            done.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(java.util.List.of("msg 1 of 1", "msg 2 of 2", "msg 3 of 3"), sent);
        long now = BurstRun.nanos(java.time.Instant.now()) + 1_000_000;
        // An exact echo, then a reply that wraps the message (a reply template), then one that answers nothing.
        assertEquals(true, run.replied("msg 2 of 2", now) > 0);
        assertEquals(true, run.replied("我已经收到消息 Received:msg 3 of 3", now) > 0);
        assertEquals(-1, run.replied("msg 2 of 2", now), "each message answers once");
        assertEquals(-1, run.replied("unrelated", now));
        run.stop();
    }
}
