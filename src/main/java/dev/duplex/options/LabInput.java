package dev.duplex.options;

import dev.duplex.protocol.Utf8;

/**
 * The client labs' smaller fields as typed: the ping payload and interval, the fragment size, the burst's
 * count and interval. (Close codes and reasons: {@link CloseInput}.)
 */
public final class LabInput {
    /** The most messages one burst sends. */
    public static final int MAX_BURST = 1_000_000;
    /** An hour: the longest wait between a burst's messages. */
    public static final int MAX_BURST_EVERY_MS = 3_600_000;

    /** How many messages a burst sends, and the ms between two (0: all at once). */
    public record Burst(int count, int everyMs) { }

    private LabInput() { }

    /**
     * A ping's (or lone pong's) payload: the UTF-8 of what is typed. Over 125 bytes goes as asked (a peer
     * should then close with 1002): the lab lets a user break the rule on purpose.
     */
    public static byte[] pingPayload(String typed) {
        return Utf8.bytes(Typed.text(typed));
    }

    /** The periodic ping's interval: 0.05 to 3600 seconds, decimals allowed; in ms. */
    public static Checked<Long> pingEveryMs(String typed) {
        return Typed.decimal(typed, 0.05, 3600, 5, Field.PING_EVERY, "form.pingEvery")
                .map(seconds -> Math.round(seconds * 1000));
    }

    /** The size of each fragment when the message box is sent in fragments: 1 byte or more. */
    public static Checked<Integer> fragmentSize(String typed) {
        return Typed.wholeNumber(typed, 1, Integer.MAX_VALUE, 4, Field.FRAGMENT_SIZE, "form.fragmentSize");
    }

    /** A burst: 1 to {@link #MAX_BURST} messages, one every 0 to {@link #MAX_BURST_EVERY_MS} ms. */
    public static Checked<Burst> burst(String count, String everyMs) {
        Checked<Integer> n = Typed.wholeNumber(count, 1, MAX_BURST, 100, Field.BURST_COUNT, "form.burst");
        if (!n.isOk()) return Checked.bad(n.problem());
        return Typed.wholeNumber(everyMs, 0, MAX_BURST_EVERY_MS, 0, Field.BURST_EVERY, "form.burst")
                .map(every -> new Burst(n.value(), every));
    }
}
