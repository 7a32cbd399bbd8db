package dev.duplex.model.client;

import java.util.Arrays;

/**
 * The round-trip times of one burst or periodic run: how many, their percentiles and the rate. Every
 * sample is kept (a run is at most {@link dev.duplex.options.LabInput#MAX_BURST} messages, 8 bytes each), so percentiles are
 * exact, not estimated. UI thread only.
 */
public final class RoundTrips {
    private long[] nanos = new long[64];
    private int count;
    private boolean sorted = true;

    void add(long rttNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = rttNanos;
        sorted = false;
    }

    void clear() {
        count = 0;
        sorted = true;
    }

    public int count() {
        return count;
    }

    /**
     * The {@code q} quantile (0.5 for the median, 0.99 for p99) by the nearest-rank method, in nanoseconds;
     * 0 when there is no sample.
     */
    public long percentile(double q) {
        if (count == 0) return 0;
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * count);
        return nanos[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    public long max() {
        return percentile(1.0);
    }
}
