package dev.duplex.check;

import static dev.duplex.check.Script.script;
import static dev.duplex.check.Wire.BINARY;
import static dev.duplex.check.Wire.TEXT;

import java.util.ArrayList;
import java.util.List;

/**
 * Group 9, limits and performance, with sizes that fit a small machine (2 MiB at most; {@code full}: up to
 * 16 MiB, as Autobahn's); and group 10, misc. 9.3 and 9.4 cut a 2 MiB message (4 MiB with {@code full}, as
 * Autobahn's) into fragments from 64 bytes up: 32 768 fragments at the smallest, so a server's limit on
 * fragments a message (ws's 16 384 by default) shows.
 */
final class LimitCases {
    private LimitCases() { }

    static List<Case> all(boolean full) {
        List<Case> all = new ArrayList<>();
        int[] sizes = full ? new int[] {64 << 10, 256 << 10, 1 << 20, 4 << 20, 8 << 20, 16 << 20}
                : new int[] {64 << 10, 256 << 10, 1 << 20};
        for (int kind = 1; kind <= 2; kind++) {
            int op = kind == 1 ? TEXT : BINARY;
            String name = kind == 1 ? "text" : "binary";
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i];
                all.add(new Case("9." + kind + "." + (i + 1), "A " + name + " message of " + size(sizes[i]) + " in one frame",
                        "5.6, 10.4", true, lazy(() -> script().echo(op, payload(op, n)))).longer(allow(sizes[i])));
            }
        }
        int message = full ? 4 << 20 : 2 << 20;
        int[] fragments = {64, 256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20};
        for (int kind = 1; kind <= 2; kind++) {
            int op = kind == 1 ? TEXT : BINARY;
            String name = kind == 1 ? "text" : "binary";
            for (int i = 0; i < fragments.length; i++) {
                int f = fragments[i];
                all.add(new Case("9." + (kind + 2) + "." + (i + 1), "A " + name + " message of " + size(message)
                        + " in fragments of " + size(fragments[i]) + " (" + (message / fragments[i]) + " frames)",
                        "5.4, 10.4", true, lazy(() -> script().fragmented(op, payload(op, message), f))).longer(allow(message) * 2));
            }
        }
        int[] chops = {64, 128, 256, 512, 1024, 2048};
        for (int kind = 1; kind <= 2; kind++) {
            int op = kind == 1 ? TEXT : BINARY;
            for (int i = 0; i < chops.length; i++) {
                int c = chops[i];
                all.add(new Case("9." + (kind + 4) + "." + (i + 1), "A " + (kind == 1 ? "text" : "binary")
                        + " message of 1 MiB in one frame, written to TCP in pieces of " + chops[i] + " bytes", "5.6", true,
                        lazy(() -> script().frameChunked(true, 0, op, payload(op, 1 << 20), c)
                                .expect(op, payload(op, 1 << 20)))).longer(allow(1 << 20) * 2));
            }
        }
        int[] small = {0, 16, 64, 256, 1024, 4096};
        int count = full ? 1000 : 200;
        for (int kind = 1; kind <= 2; kind++) {
            int op = kind == 1 ? TEXT : BINARY;
            for (int i = 0; i < small.length; i++) {
                int n = small[i];
                all.add(new Case("9." + (kind + 6) + "." + (i + 1), count + " " + (kind == 1 ? "text" : "binary")
                        + " messages of " + n + " bytes, each echoed before the next is sent", "5.6", true,
                        roundTrips(op, n, count)).longer(3000));
            }
        }
        byte[] p = FramingCases.filled(65536, '*');
        all.add(new Case("10.1.1", "A text message of 65536 bytes in fragments of 1300 bytes", "5.4", true,
                script().fragmented(TEXT, p, 1300)));
        return all;
    }

    /** A script made when its case runs, so that the big payloads are not all held at once. */
    private static Case.Probe lazy(java.util.function.Supplier<Script> make) {
        return s -> make.get().run(s);
    }

    private static long allow(int bytes) {
        return bytes / 1000; // a millisecond a kilobyte on top of the case's timeout
    }

    private static byte[] payload(int op, int n) {
        return op == TEXT ? FramingCases.filled(n, '*') : FramingCases.binary(n);
    }

    private static String size(int n) {
        return n >= 1 << 20 ? (n >> 20) + " MiB" : n >= 1 << 10 ? (n >> 10) + " KiB" : n + " B";
    }

    /** Sends a message and waits for its echo, {@code count} times, and reports the round trips' time. */
    private static Case.Probe roundTrips(int op, int size, int count) {
        return s -> {
            byte[] p = payload(op, size);
            try (Wire w = s.open()) {
                Replies r = new Replies(w, s.timeoutMs());
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    w.writeFrame(true, 0, op, p);
                    Replies.Event e = r.next();
                    if (e.answer() == null || !e.answer().same(new Script.Answer(op, p))) {
                        return Judged.fail(r.observed(), "message " + (i + 1) + " of " + count + " was not echoed"
                                + " (this case needs an echoing server)");
                    }
                }
                long micros = (System.nanoTime() - start) / 1000 / count;
                w.writeFrame(true, 0, Wire.CLOSE, Script.closePayload(1000, new byte[0]));
                Replies.Event e = r.next();
                String said = count + " echoes, " + micros + " µs a round trip on average";
                if (e.close() == null) return Judged.nonStrict(said + "; " + r.observed(), "our close 1000 got no close back");
                return Judged.pass(said);
            }
        };
    }
}
