package dev.duplex.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups 12 and 13, permessage-deflate (RFC 7692), numbered as Autobahn's: each case sends messages
 * compressed, one after the other, each echoed before the next, with the sizes and fragment sizes of
 * Autobahn's table. 12.1 to 12.5 differ in what the messages hold and use our default offer; 13.1 to 13.7
 * send JSON-like text under different offers (server_no_context_takeover, server_max_window_bits). A
 * server that takes no permessage-deflate gets UNIMPLEMENTED for each. By default {@value #SMALL_COUNT}
 * messages a case, so that the 216 cases fit a small machine; {@code full}: Autobahn's 1000.
 */
final class DeflateCases {
    static final int SMALL_COUNT = 10;
    private static final int FULL_COUNT = 1000;

    /** Message size and the size of the frames its compressed payload is cut into (0: one frame), as Autobahn's. */
    private static final int[][] SIZES = {
        {16, 0}, {64, 0}, {256, 0}, {1024, 0}, {4096, 0}, {8192, 0}, {16384, 0}, {32768, 0}, {65536, 0},
        {131072, 0}, {8192, 256}, {16384, 256}, {32768, 256}, {65536, 256}, {131072, 256}, {131072, 1024},
        {131072, 4096}, {131072, 32768},
    };

    /** What 13.x offer, as Autobahn's: (server_no_context_takeover, server_max_window_bits), several for 13.7. */
    private static final List<List<Compression.Offer>> OFFERS = List.of(
            List.of(new Compression.Offer(false, 0)),
            List.of(new Compression.Offer(true, 0)),
            List.of(new Compression.Offer(false, 9)),
            List.of(new Compression.Offer(false, 15)),
            List.of(new Compression.Offer(true, 9)),
            List.of(new Compression.Offer(true, 15)),
            List.of(new Compression.Offer(true, 9), new Compression.Offer(true, 0), new Compression.Offer(false, 0)));

    private DeflateCases() { }

    static List<Case> all(boolean full) {
        int count = full ? FULL_COUNT : SMALL_COUNT;
        List<Case> all = new ArrayList<>();
        List<Compression.Offer> plain = OFFERS.get(0);
        for (int k = 0; k < DeflateData.Kind.values().length; k++) {
            DeflateData.Kind kind = DeflateData.Kind.values()[k];
            for (int i = 0; i < SIZES.length; i++) {
                all.add(make("12." + (k + 1) + "." + (i + 1), kind, SIZES[i], count, plain, full));
            }
        }
        for (int o = 0; o < OFFERS.size(); o++) {
            for (int i = 0; i < SIZES.length; i++) {
                all.add(make("13." + (o + 1) + "." + (i + 1), DeflateData.Kind.JSON, SIZES[i], count, OFFERS.get(o), full));
            }
        }
        return all;
    }

    /** What an offer asks of the server, in its parameters' names. */
    private static String describe(Compression.Offer o) {
        if (!o.serverNoContext() && o.serverBits() == 0) return "the default";
        String bits = o.serverBits() > 0 ? "server_max_window_bits=" + o.serverBits() : "";
        return o.serverNoContext() ? "server_no_context_takeover" + (bits.isEmpty() ? "" : " + " + bits) : bits;
    }

    private static Case make(String id, DeflateData.Kind kind, int[] size, int count, List<Compression.Offer> offers, boolean full) {
        StringBuilder title = new StringBuilder().append(count).append(" compressed ").append(kind.binary() ? "binary" : "text")
                .append(" messages of ").append(size[0]).append(" B (").append(kind.what()).append(')');
        if (size[1] > 0) title.append(" in frames of ").append(size[1]).append(" B");
        if (id.startsWith("13.")) {
            title.append(", offering ");
            for (int i = 0; i < offers.size(); i++) title.append(i == 0 ? "" : " or ").append(describe(offers.get(i)));
        }
        title.append(", each echoed");
        // Autobahn gives 60 to 480 s a case for its 1000 messages. Ours: on top of the timeout, 3.3 ms a KiB sent and
        // 5 ms a frame: Node's ws inflates each frame on zlib's thread pool, ten at a time across connections, so
        // with 16 cases at once on 2 cores a 256-byte frame took 4 ms. The cases of 128 KiB messages and the
        // fragmented ones over 16 KiB come over the checker's BIG_MS, so they run one at a time.
        long frames = size[1] > 0 ? size[0] / size[1] : 1;
        long allowance = full ? (size[0] <= 64 ? 60_000 : size[0] <= 1024 ? 240_000 : 480_000)
                : 1_500 + (long) count * size[0] / 300 + count * frames * 5;
        return new Case(id, Integer.parseInt(id.substring(0, 2)), title.toString(), "RFC 7692 7.2", true, allowance,
                new DeflateProbe(kind, size[0], size[1], count, offers));
    }
}
