package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.check.client.Reactions.Message;

/**
 * Group 5, fragmentation (5.4): a message in fragments of any size, empty ones too, must be read whole; a
 * continuation with no message begun, or a new message before the last one ended, must fail the
 * connection with 1002.
 */
final class FragmentClientCases {
    private FragmentClientCases() { }

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        c.add(new ClientCase("5.1", "A text message in two fragments: the client stays (and may echo it whole)", "5.4", (w, req) -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("Hello, "));
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("fragments"));
            return Reactions.mustGoOn(w, List.of(Message.text("Hello, fragments")), List.of(), false);
        }));
        c.add(new ClientCase("5.2", "A binary message in three fragments", "5.4", (w, req) -> {
            w.frame(false, 0, ClientWire.BINARY, new byte[] {1});
            w.frame(false, 0, ClientWire.CONT, new byte[] {2, 3});
            w.frame(true, 0, ClientWire.CONT, new byte[] {4, 5, 6});
            return Reactions.mustGoOn(w, List.of(Message.binary(new byte[] {1, 2, 3, 4, 5, 6})), List.of(), false);
        }));
        c.add(new ClientCase("5.3", "A text message in 20 fragments of one byte, in one TCP write", "5.4", (w, req) -> {
            String s = "twenty one-byte bits";
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                frames.add(Frames.encode(i == s.length() - 1, 0, i == 0 ? ClientWire.TEXT : ClientWire.CONT,
                        Frames.utf8(s.substring(i, i + 1)), null));
            }
            w.raw(Frames.concat(frames.toArray(byte[][]::new)), "\"" + s + "\" in 20 fragments, one write");
            return Reactions.mustGoOn(w, List.of(Message.text(s)), List.of(), false);
        }));
        c.add(new ClientCase("5.4", "A text message whose first and middle fragments are empty", "5.4", (w, req) -> {
            w.frame(false, 0, ClientWire.TEXT, new byte[0]);
            w.frame(false, 0, ClientWire.CONT, new byte[0]);
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("late"));
            return Reactions.mustGoOn(w, List.of(Message.text("late")), List.of(), false);
        }));
        c.add(new ClientCase("5.5", "A text message ended by an empty final fragment", "5.4", (w, req) -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("early"));
            w.frame(true, 0, ClientWire.CONT, new byte[0]);
            return Reactions.mustGoOn(w, List.of(Message.text("early")), List.of(), false);
        }));
        c.add(new ClientCase("5.6", "A text message with a ping between each of its three fragments (a pong to each, or at least the last)", "5.4, 5.5.2", (w, req) -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("a"));
            w.frame(true, 0, ClientWire.PING, Frames.utf8("first"));
            w.frame(false, 0, ClientWire.CONT, Frames.utf8("b"));
            w.frame(true, 0, ClientWire.PING, Frames.utf8("second"));
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("c"));
            return Reactions.mustGoOn(w, List.of(Message.text("abc")), List.of(Frames.utf8("first"), Frames.utf8("second")), true);
        }));
        c.add(FramingClientCases.refusal("5.7", "A continuation frame (FIN 1) with no message begun", "5.4", 1002,
                w -> w.frame(true, 0, ClientWire.CONT, Frames.utf8("orphan"))));
        c.add(FramingClientCases.refusal("5.8", "A continuation frame (FIN 0) with no message begun, then its end", "5.4", 1002, w -> {
            w.frame(false, 0, ClientWire.CONT, Frames.utf8("orphan "));
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("end"));
        }));
        c.add(new ClientCase("5.9", "A continuation right after a whole text message: the client must fail the connection "
                + "(it may echo the whole one first)", "5.4", (w, req) -> {
                    w.raw(Frames.concat(FramingClientCases.text("whole"), Frames.encode(true, 0, ClientWire.CONT, Frames.utf8("more"), null)),
                            "text \"whole\", then a continuation \"more\", one write");
                    return Reactions.mustFail(w, 1002, true, List.of(Message.text("whole")));
                }));
        c.add(FramingClientCases.refusal("5.10", "A new text message inside a fragmented text message", "5.4", 1002, w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("begun "));
            w.frame(true, 0, ClientWire.TEXT, Frames.utf8("another"));
        }));
        c.add(FramingClientCases.refusal("5.11", "A new binary message inside a fragmented text message", "5.4", 1002, w -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("begun "));
            w.frame(true, 0, ClientWire.BINARY, new byte[] {1, 2, 3});
        }));
        c.add(FramingClientCases.refusal("5.12", "A new fragmented binary message inside a fragmented one", "5.4", 1002, w -> {
            w.frame(false, 0, ClientWire.BINARY, new byte[] {1});
            w.frame(false, 0, ClientWire.BINARY, new byte[] {2});
            w.frame(true, 0, ClientWire.CONT, new byte[] {3});
        }));
        return c;
    }
}
