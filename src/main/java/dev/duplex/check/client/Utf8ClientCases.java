package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.check.client.Reactions.Message;

/**
 * Group 6, UTF-8 (5.6, 8.1): a text message must be valid UTF-8, whole or across its fragments; invalid
 * sequences (whole, split across fragments, or cut short at the message's end) must fail the connection
 * with 1007; valid ones, split at any byte, must be read.
 */
final class Utf8ClientCases {
    private Utf8ClientCases() { }

    /** Invalid sequences: what they are, and their bytes in hex. */
    private static final String[][] INVALID = {
            {"the byte FF", "48 65 ff 6c 6f"},
            {"an overlong '/' (C0 AF)", "c0 af"},
            {"an overlong NUL in three bytes (E0 80 80)", "61 e0 80 80"},
            {"the surrogate U+D800 (ED A0 80)", "ed a0 80"},
            {"a surrogate pair in CESU-8 (ED A0 BD ED B2 A9)", "ed a0 bd ed b2 a9"},
            {"a code point above U+10FFFF (F4 90 80 80)", "f4 90 80 80"},
            {"a lone continuation byte (80)", "61 80 62"},
            {"a lead byte followed by an ASCII letter (E2 82 61)", "e2 82 61"},
            {"\u03ba\u1f79\u03c3\u03bc\u03b5 then a surrogate, then more text", "ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64"},
    };

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        int n = 1;
        c.add(valid("6." + n++, "Valid text \u03ba\u1f79\u03c3\u03bc\u03b5 (Greek, 2 and 3 bytes a letter)", "ce ba e1 bd b9 cf 83 ce bc ce b5", 0));
        c.add(valid("6." + n++, "Valid text with U+10FFFF, the last code point", "61 f4 8f bf bf", 0));
        c.add(valid("6." + n++, "Valid text with U+FFFF and U+FEFF (a noncharacter and a BOM are still UTF-8)", "ef bf bf ef bb bf", 0));
        for (int split = 1; split <= 3; split++) {
            c.add(valid("6." + n++, "Valid U+1F600 split across two fragments after its byte " + split, "f0 9f 98 80", split));
        }
        c.add(new ClientCase("6." + n++, "Valid \u03ba\u1f79\u03c3\u03bc\u03b5 in fragments of one byte each: the client stays", "5.6, 8.1", (w, req) -> {
            byte[] b = Frames.hex("ce ba e1 bd b9 cf 83 ce bc ce b5");
            for (int i = 0; i < b.length; i++) w.frame(i == b.length - 1, 0, i == 0 ? ClientWire.TEXT : ClientWire.CONT, new byte[] {b[i]});
            return Reactions.mustGoOn(w, List.of(new Message(ClientWire.TEXT, b)), List.of(), false);
        }));
        for (String[] bad : INVALID) {
            byte[] b = Frames.hex(bad[1]);
            c.add(refusal("6." + n++, "A text message holding " + bad[0], w -> w.frame(true, 0, ClientWire.TEXT, b)));
        }
        c.add(refusal("6." + n++, "FF in the second fragment of a text message", w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("fine so far "));
            w.frame(true, 0, ClientWire.CONT, Frames.hex("ff"));
        }));
        c.add(refusal("6." + n++, "The surrogate ED A0 80 split across two fragments (ED | A0 80)", w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.hex("61 ed"));
            w.frame(true, 0, ClientWire.CONT, Frames.hex("a0 80"));
        }));
        c.add(refusal("6." + n++, "The overlong C0 AF split across two fragments", w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.hex("c0"));
            w.frame(true, 0, ClientWire.CONT, Frames.hex("af"));
        }));
        c.add(new ClientCase("6." + n++, "FF in the first fragment of a text message: the client must fail the connection, at once"
                + " or at least at the message's end", "5.6, 8.1", Utf8ClientCases::failFast));
        c.add(refusal("6." + n++, "A whole text message cut short: it ends with E2 82 of a 3-byte sequence", w ->
                w.frame(true, 0, ClientWire.TEXT, Frames.hex("61 62 e2 82"))));
        c.add(refusal("6." + n++, "A fragmented text message whose last fragment ends with the lead byte F0", w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("almost "));
            w.frame(true, 0, ClientWire.CONT, Frames.hex("f0"));
        }));
        c.add(refusal("6." + n, "A fragmented text message ending with an empty fragment after a lead byte", w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.hex("61 e2 82"));
            w.frame(true, 0, ClientWire.CONT, new byte[0]);
        }));
        return c;
    }

    /** A valid text message in hex: whole, or split into two fragments after byte {@code split}. */
    private static ClientCase valid(String id, String title, String hex, int split) {
        return new ClientCase(id, title + ": the client stays (and may echo it)", "5.6, 8.1", (w, req) -> {
            byte[] b = Frames.hex(hex);
            if (split == 0) {
                w.frame(true, 0, ClientWire.TEXT, b);
            } else {
                w.frame(false, 0, ClientWire.TEXT, java.util.Arrays.copyOfRange(b, 0, split));
                w.frame(true, 0, ClientWire.CONT, java.util.Arrays.copyOfRange(b, split, b.length));
            }
            return Reactions.mustGoOn(w, List.of(new Message(ClientWire.TEXT, b)), List.of(), false);
        });
    }

    /** Fails at once: PASS; only at the message's end: NON-STRICT (as Autobahn's fail-fast cases). */
    private static Outcome failFast(ClientWire w, Upgrade req) throws java.io.IOException {
        w.frame(false, 0, ClientWire.TEXT, Frames.hex("61 ff"));
        ClientWire.Frame f;
        try {
            // A client that fails at once may have dropped TCP before this ping: our write failing says so.
            w.ping(Reactions.AFTER);
            f = Reactions.next(w, Math.min(w.deadline(), System.currentTimeMillis() + 1000));
        } catch (ClientWire.Ended e) {
            return Outcome.pass("failed the connection at once: " + e.getMessage());
        } catch (ClientWire.Silent e) {
            f = null;
        }
        if (f != null && f.opcode() == ClientWire.CLOSE) {
            int code = f.closeCode();
            w.close(1000, "");
            return code == 1007 ? Outcome.pass("closed with 1007 at once")
                    : Outcome.nonStrict("closed with " + code + " at once", "the code for invalid UTF-8 is 1007");
        }
        w.frame(true, 0, ClientWire.CONT, Frames.utf8(" end"));
        Outcome atEnd = Reactions.mustFail(w, 1007, false);
        if (atEnd.verdict() == dev.duplex.check.Verdict.FAIL) return atEnd;
        return Outcome.nonStrict(atEnd.observed() + ", at the message's end", "it went on with the message past the invalid byte");
    }

    private static ClientCase refusal(String id, String title, FramingClientCases.Sending sending) {
        return FramingClientCases.refusal(id, title, "5.6, 8.1", 1007, sending);
    }
}
