package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Group 7, closing (5.5.1, 7.1.5, 7.4): a client must answer the server's close with one close, typically
 * of the same code, and send nothing after it; a close with a code that may not be sent, a 1-byte
 * payload, a payload of more than 125 bytes or a reason that is not UTF-8 must fail the connection.
 */
final class CloseClientCases {
    /** Codes that may be sent (7.4.1, 7.4.2): the client echoes them. */
    private static final int[] VALID = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1011, 3000, 3999, 4000, 4999};
    /** Codes that may not be sent: reserved, never on the wire, or out of range. */
    private static final int[] INVALID = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535};

    private CloseClientCases() { }

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        int n = 1;
        c.add(answered("7." + n++, "A close with no payload: the client answers with a close (no code, or 1000)",
                new byte[0], -1));
        for (int code : VALID) {
            c.add(answered("7." + n++, "A close with code " + code + ": the client answers, echoing " + code,
                    Frames.closePayload(code, new byte[0]), code));
        }
        c.add(new ClientCase("7." + n++, "A close with 1010, a code only a client sends (7.4.1): what the client does", "5.5.1, 7.4.1",
                (w, req) -> {
                    w.frame(true, 0, ClientWire.CLOSE, Frames.closePayload(1010, new byte[0]));
                    Outcome o = Reactions.mustAnswerClose(w, 1010);
                    return Outcome.info((o.verdict() == dev.duplex.check.Verdict.PASS ? "" : "refused it: ") + o.observed());
                }));
        c.add(answered("7." + n++, "A close with 1000 and a reason of 123 bytes: the client answers 1000",
                Frames.closePayload(1000, Frames.utf8("r".repeat(123))), 1000));
        c.add(answered("7." + n++, "A close with 1000 and a UTF-8 reason \u03ba\u1f79\u03c3\u03bc\u03b5: the client answers 1000",
                Frames.closePayload(1000, Frames.hex("ce ba e1 bd b9 cf 83 ce bc ce b5")), 1000));
        c.add(new ClientCase("7." + n++, "A close, then a text message in the same TCP write: the client answers the close and ignores the text",
                "5.5.1", (w, req) -> {
                    w.raw(Frames.concat(Frames.encode(true, 0, ClientWire.CLOSE, Frames.closePayload(1000, new byte[0]), null),
                            FramingClientCases.text("after the close")), "close 1000, then text \"after the close\", one write");
                    return Reactions.mustAnswerClose(w, 1000);
                }));
        c.add(new ClientCase("7." + n++, "A close, then a ping in the same TCP write: the client answers the close, once", "5.5.1",
                (w, req) -> {
                    w.raw(Frames.concat(Frames.encode(true, 0, ClientWire.CLOSE, Frames.closePayload(1000, new byte[0]), null),
                            Frames.encode(true, 0, ClientWire.PING, Frames.utf8("after the close"), null)),
                            "close 1000, then ping \"after the close\", one write");
                    return Reactions.mustAnswerClose(w, 1000);
                }));
        c.add(new ClientCase("7." + n++, "Two closes in one TCP write: the client closes only once", "5.5.1", (w, req) -> {
            byte[] close = Frames.encode(true, 0, ClientWire.CLOSE, Frames.closePayload(1000, new byte[0]), null);
            w.raw(Frames.concat(close, close), "close 1000 twice, one write");
            return Reactions.mustAnswerClose(w, 1000);
        }));
        c.add(new ClientCase("7." + n++, "A close in the middle of a fragmented message: the client answers the close", "5.4, 5.5.1",
                (w, req) -> {
                    w.frame(false, 0, ClientWire.TEXT, Frames.utf8("never "));
                    w.close(1000, "");
                    return Reactions.mustAnswerClose(w, 1000);
                }));
        for (int code : INVALID) {
            c.add(refused("7." + n++, "A close with code " + code + ", which may not be sent", "7.4.1, 7.4.2", 1002,
                    Frames.closePayload(code, new byte[0])));
        }
        c.add(refused("7." + n++, "A close with a 1-byte payload", "5.5.1", 1002, new byte[] {0x03}));
        c.add(refused("7." + n++, "A close whose reason is not UTF-8 (1000, then FF FE)", "5.5.1, 8.1", 1007,
                Frames.concat(Frames.closePayload(1000, new byte[0]), Frames.hex("ff fe"))));
        c.add(refused("7." + n++, "A close whose reason holds a surrogate (ED A0 80)", "5.5.1, 8.1", 1007,
                Frames.concat(Frames.closePayload(1000, Frames.utf8("bad ")), Frames.hex("ed a0 80"))));
        c.add(refused("7." + n, "A close of 126 bytes (a control frame holds 125 at most)", "5.5", 1002,
                Frames.closePayload(1000, Frames.utf8("r".repeat(124)))));
        return c;
    }

    private static ClientCase answered(String id, String title, byte[] payload, int expected) {
        return new ClientCase(id, title, "5.5.1, 7.4.1", (w, req) -> {
            w.frame(true, 0, ClientWire.CLOSE, payload);
            return Reactions.mustAnswerClose(w, expected);
        });
    }

    private static ClientCase refused(String id, String title, String section, int code, byte[] payload) {
        return new ClientCase(id, title + ": the client must fail the connection (" + code + " or drop TCP)", section, (w, req) -> {
            w.frame(true, 0, ClientWire.CLOSE, payload);
            return Reactions.mustFail(w, code, false);
        });
    }
}
