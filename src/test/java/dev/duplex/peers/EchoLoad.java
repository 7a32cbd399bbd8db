package dev.duplex.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The load client of {@link EchoBenchmark}, the same for every server: the JDK's own WebSocket, one
 * {@link HttpClient} for the whole run. It measures echo throughput (every connection keeps a number of
 * messages out at once) and the round trip of one message at a time; it fails, loudly, when a server
 * answers wrong, not at all, or the connection breaks, so a broken run cannot pass for a slow one.
 */
final class EchoLoad {
    /** One server's figures of one round. */
    /**
     * @param cpuMicrosPerEcho the server's CPU time per echo under load, or -1 where it cannot be read
     * @param stalls           round trips whose echo did not come within {@link #STALL_S} seconds, the
     *                         connection still open
     */
    record Figures(double messagesPerSecond, double cpuMicrosPerEcho, double p50Micros, double p99Micros,
            double maxMicros, int stalls) { }

    /** A round trip this long is a stall, not a slow echo. */
    static final int STALL_S = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String message;
    private final int connections;
    private final int inFlight;

    EchoLoad(int messageBytes, int connections, int inFlight) {
        this.message = "x".repeat(messageBytes);
        this.connections = connections;
        this.inFlight = inFlight;
    }

    /**
     * Throughput over {@code measureMs}, after {@code rampMs} of the same load, with the server's CPU time
     * ({@code serverCpuNanos}, see {@link ServerCpu}) over the same span; then sequential round trips.
     */
    Figures measure(URI url, LongSupplier serverCpuNanos, long rampMs, long measureMs, int warmTrips, int roundTrips)
            throws Exception {
        double[] load = throughput(url, serverCpuNanos, rampMs, measureMs);
        Trips trips = roundTrips(url, warmTrips, roundTrips);
        long[] rtt = trips.sorted();
        return new Figures(load[0], load[1], rtt[roundTrips / 2] / 1e3, rtt[(int) (roundTrips * 0.99)] / 1e3,
                rtt[roundTrips - 1] / 1e3, trips.stalls());
    }

    /** Echoes per second, and the server's CPU µs per echo (-1 when unknown). */
    private double[] throughput(URI url, LongSupplier serverCpuNanos, long rampMs, long measureMs) throws Exception {
        AtomicLong echoes = new AtomicLong();
        CompletableFuture<Throwable> broke = new CompletableFuture<>();
        List<Pipelined> loads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Pipelined p = new Pipelined(message, inFlight, echoes, broke);
            WebSocket ws = http.newWebSocketBuilder().buildAsync(url, p).get(10, TimeUnit.SECONDS);
            p.start(ws);
            loads.add(p);
        }
        endsEarlyIfBroken(broke, rampMs);
        long before = echoes.get();
        long cpu0 = serverCpuNanos.getAsLong();
        long t0 = System.nanoTime();
        endsEarlyIfBroken(broke, measureMs);
        long counted = echoes.get() - before;
        long cpu1 = serverCpuNanos.getAsLong();
        double perSecond = counted / ((System.nanoTime() - t0) / 1e9);
        for (Pipelined p : loads) p.stop();
        if (broke.isDone()) throw new AssertionError("a load connection to " + url + " broke", broke.getNow(null));
        if (counted <= 0) throw new AssertionError("no echo came back from " + url + " in " + measureMs + " ms");
        double cpuPerEcho = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e3 / counted;
        return new double[] {perSecond, cpuPerEcho};
    }

    /** Sequential round trip times, sorted, and how many echoes never came (see {@link Figures#stalls}). */
    private record Trips(long[] sorted, int stalls) { }

    private Trips roundTrips(URI url, int warmTrips, int roundTrips) throws Exception {
        SynchronousQueue<String> back = new SynchronousQueue<>();
        AtomicReference<String> ended = new AtomicReference<>();
        WebSocket ws = open(url, back, ended);
        long[] rtt = new long[roundTrips];
        int stalls = 0;
        try {
            for (int i = 0; i < warmTrips + roundTrips; i++) {
                long s = System.nanoTime();
                ws.sendText(message, true).get(STALL_S, TimeUnit.SECONDS);
                String echo = back.poll(STALL_S, TimeUnit.SECONDS);
                long took = System.nanoTime() - s;
                if (echo == null && ended.get() != null) {
                    throw new AssertionError("round trip " + i + " to " + url + ": the connection " + ended.get());
                }
                if (echo == null) {
                    // Held back with the connection open: Java-WebSocket's lost write wake-up (README, Limits
                    // and hardening), which would hold it until the next ping. Counted, timed as the wait, and
                    // the trips go on over a new connection.
                    stalls++;
                    ws.abort();
                    ws = open(url, back, ended);
                } else if (!message.equals(echo)) {
                    throw new AssertionError("round trip " + i + " to " + url + " came back as " + echo);
                }
                if (i >= warmTrips) rtt[i - warmTrips] = took;
            }
        } finally {
            ws.abort();
        }
        Arrays.sort(rtt);
        return new Trips(rtt, stalls);
    }

    /** A connection for round trips: each whole echo goes to {@code back}; a close or failure to {@code ended}. */
    private WebSocket open(URI url, SynchronousQueue<String> back, AtomicReference<String> ended) throws Exception {
        StringBuilder pieces = new StringBuilder();
        return http.newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                w.request(1);
                pieces.append(data);
                if (last) {
                    String whole = pieces.toString();
                    pieces.setLength(0);
                    try {
                        back.put(whole);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                ended.compareAndSet(null, "was closed by the server: " + code + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                ended.compareAndSet(null, "failed: " + error);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /**
     * The measured window: {@code ms} of load, or less when a load connection breaks first. It waits on that
     * failure with a timeout, so the waiting thread takes no core from the load.
     */
    private static void endsEarlyIfBroken(CompletableFuture<Throwable> broke, long ms) throws Exception {
        try {
            broke.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException unbroken) {
            // the whole window ran: the usual case
        }
    }

    /** One load connection: a fixed number of messages out at all times, sends chained as the JDK client requires. */
    private static final class Pipelined implements WebSocket.Listener {
        private final String message;
        private final int inFlight;
        private final AtomicLong echoes;
        private final CompletableFuture<Throwable> broke;
        private CompletableFuture<WebSocket> sending;
        private volatile WebSocket ws;
        private volatile boolean aborted;

        Pipelined(String message, int inFlight, AtomicLong echoes, CompletableFuture<Throwable> broke) {
            this.message = message;
            this.inFlight = inFlight;
            this.echoes = echoes;
            this.broke = broke;
        }

        /** Ends the load: what the connection says after this is not a fault. */
        void stop() {
            aborted = true;
            ws.abort();
        }

        synchronized void start(WebSocket socket) {
            ws = socket;
            sending = CompletableFuture.completedFuture(socket);
            for (int i = 0; i < inFlight; i++) sendNext();
        }

        private synchronized void sendNext() {
            sending = sending.thenCompose(w -> w.sendText(message, true));
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            w.request(1);
            if (last) {
                echoes.incrementAndGet();
                sendNext();
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            if (!aborted) broke.complete(new IllegalStateException("closed by the server: " + code + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            if (!aborted) broke.complete(error);
        }
    }
}
