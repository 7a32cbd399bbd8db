package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.check.client.Reactions.Message;

/**
 * Groups 1 (framing), 3 (reserved bits) and 4 (opcodes): what a server's frames may and may not be. A
 * client must fail the connection on a masked server frame (5.1), a length with its top bit set (5.2),
 * a reserved bit no extension agreed (5.2), and a reserved opcode (5.2); and must read every valid length
 * form and frames cut or packed in any TCP writes.
 */
final class FramingClientCases {
    private FramingClientCases() { }

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        c.add(valid("1.1", "A text message of 5 bytes", "5.2, 5.6", "Hello", null));
        c.add(new ClientCase("1.2", "A binary message of 5 bytes: the client stays (and may echo it)", "5.2, 5.6", (w, req) -> {
            byte[] b = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
            w.frame(true, 0, ClientWire.BINARY, b);
            return Reactions.mustGoOn(w, List.of(Message.binary(b)), List.of(), false);
        }));
        c.add(valid("1.3", "An empty text message", "5.2, 5.6", "", null));
        c.add(valid("1.4", "A text message of 125 bytes (the 7-bit length's last)", "5.2", "*".repeat(125), null));
        c.add(valid("1.5", "A text message of 126 bytes (the 16-bit length)", "5.2", "*".repeat(126), null));
        c.add(valid("1.6", "A text message of 65 535 bytes (the 16-bit length's last)", "5.2", "*".repeat(65_535), null));
        c.add(valid("1.7", "A text message of 65 536 bytes (the 64-bit length)", "5.2", "*".repeat(65_536), null));
        c.add(valid("1.8", "A text message sent one byte per TCP write", "5.2, 5.6", "Hello, byte by byte", "bytes"));
        c.add(new ClientCase("1.9", "Three text messages in one TCP write", "5.2, 5.6", (w, req) -> {
            w.raw(Frames.concat(text("one"), text("two"), text("three")), "three text frames in one write: one, two, three");
            return Reactions.mustGoOn(w, List.of(Message.text("one"), Message.text("two"), Message.text("three")), List.of(), false);
        }));
        c.add(refusal("1.10", "A masked text frame from the server", "5.1", 1002,
                w -> w.raw(Frames.encode(true, 0, ClientWire.TEXT, Frames.utf8("masked"), new byte[] {1, 2, 3, 4}),
                        "text masked 6 bytes: \"masked\"")));
        c.add(refusal("1.11", "A masked ping from the server", "5.1", 1002,
                w -> w.raw(Frames.encode(true, 0, ClientWire.PING, Frames.utf8("masked"), new byte[] {9, 8, 7, 6}),
                        "ping masked 6 bytes: \"masked\"")));
        c.add(refusal("1.12", "A 64-bit length with its top bit set", "5.2", 1002, w -> w.raw(
                Frames.concat(Frames.hex("81 7f 80 00 00 00 00 00 00 05"), Frames.utf8("Hello")),
                "text, length 0x8000000000000005 (top bit set)")));
        c.add(new ClientCase("1.13", "A 5-byte text message in the 16-bit length form (not minimal): what the client does", "5.2",
                (w, req) -> nonMinimal(w, 2)));
        c.add(new ClientCase("1.14", "A 5-byte text message in the 64-bit length form (not minimal): what the client does", "5.2",
                (w, req) -> nonMinimal(w, 8)));

        String[] rsvNames = {"", "RSV3", "RSV2", "RSV2 and RSV3", "RSV1", "RSV1 and RSV3", "RSV1 and RSV2", "RSV1, RSV2 and RSV3"};
        int n = 1;
        for (int rsv : new int[] {4, 2, 1, 7}) {
            int bits = rsv;
            c.add(refusal("3." + n++, "A text frame with " + rsvNames[bits] + " set, no extension agreed", "5.2", 1002,
                    w -> w.frame(true, bits, ClientWire.TEXT, Frames.utf8("reserved"))));
        }
        c.add(refusal("3." + n++, "A ping with RSV1 set", "5.2", 1002, w -> w.frame(true, 4, ClientWire.PING, Frames.utf8("reserved"))));
        c.add(refusal("3." + n++, "A fragmented text message whose last fragment has RSV2 set", "5.2", 1002, w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("first "));
            w.frame(true, 2, ClientWire.CONT, Frames.utf8("last"));
        }));
        c.add(refusal("3." + n, "A close with RSV3 set", "5.2", 1002, w -> w.frame(true, 1, ClientWire.CLOSE, Frames.closePayload(1000, new byte[0]))));

        n = 1;
        for (int op : new int[] {3, 4, 5, 6, 7, 11, 12, 13, 14, 15}) {
            String kind = op < 8 ? "non-control" : "control";
            c.add(refusal("4." + n++, "A frame of reserved " + kind + " opcode " + op, "5.2, 5.5", 1002,
                    w -> w.frame(true, 0, op, Frames.utf8("reserved opcode"))));
        }
        return c;
    }

    /** A valid text message, whole or (bytes) one byte per TCP write; the client must stay and may echo it. */
    private static ClientCase valid(String id, String title, String section, String s, String how) {
        return new ClientCase(id, title + ": the client stays (and may echo it)", section, (w, req) -> {
            if (how == null) {
                w.text(s);
            } else {
                byte[] frame = text(s);
                for (int i = 0; i < frame.length; i++) w.raw(new byte[] {frame[i]}, i == 0 ? "text \"" + s + "\", one byte a write" : "…");
            }
            return Reactions.mustGoOn(w, List.of(Message.text(s)), List.of(), false);
        });
    }

    interface Sending {
        void send(ClientWire w) throws java.io.IOException;
    }

    /** Frames the client must refuse: it fails the connection with {@code code} (or drops TCP). */
    static ClientCase refusal(String id, String title, String section, int code, Sending sending) {
        return new ClientCase(id, title + ": the client must fail the connection", section, (w, req) -> {
            try {
                sending.send(w);
            } catch (ClientWire.Ended e) {
                return Outcome.pass("failed the connection at the first bad frame: " + e.getMessage());
            }
            return Reactions.mustFail(w, code, true);
        });
    }

    private static Outcome nonMinimal(ClientWire w, int lengthBytes) throws java.io.IOException {
        w.raw(Frames.withLengthForm(ClientWire.TEXT, Frames.utf8("Hello"), lengthBytes),
                "text \"Hello\" with a " + (lengthBytes * 8) + "-bit length");
        Outcome o = Reactions.mustGoOn(w, List.of(Message.text("Hello")), List.of(), false);
        return Outcome.info(o.verdict() == dev.duplex.check.Verdict.PASS ? "took it: " + o.observed() : "refused it: " + o.observed());
    }

    static byte[] text(String s) {
        return Frames.encode(true, 0, ClientWire.TEXT, Frames.utf8(s), null);
    }
}
