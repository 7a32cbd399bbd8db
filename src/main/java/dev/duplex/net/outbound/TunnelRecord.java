package dev.duplex.net.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * The tunnel under one connection, as it was opened: which proxy and why, and each step of the exchange with
 * it (the CONNECT request and the proxy's answer line by line, or the SOCKS5 steps in words). Secrets are
 * masked before they are kept.
 *
 * @param route how the connection went out, and why
 * @param steps the exchange with the proxy, in order
 */
public record TunnelRecord(ProxyRoute route, List<Step> steps) {
    /**
     * One step: a raw line as it crossed ({@code key} null), or a SOCKS5 step named by a text key with its
     * arguments.
     *
     * @param sent true for what we sent, false for what the proxy answered
     */
    public record Step(boolean sent, String line, String key, List<String> args) {
        public static Step line(boolean sent, String line) {
            return new Step(sent, line, null, List.of());
        }

        public static Step said(boolean sent, String key, String... args) {
            return new Step(sent, null, key, List.of(args));
        }
    }

    public TunnelRecord {
        steps = List.copyOf(steps);
    }

    /** Steps kept while the tunnel opens, read from another thread when the connection reports. */
    static final class Steps {
        private final List<Step> steps = new ArrayList<>();

        synchronized void add(Step step) {
            steps.add(step);
        }

        synchronized List<Step> all() {
            return List.copyOf(steps);
        }
    }
}
