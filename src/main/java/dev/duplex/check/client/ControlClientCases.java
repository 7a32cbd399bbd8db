package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.check.client.Reactions.Message;

/**
 * Group 2, pings and pongs: a ping must be answered with a pong carrying its payload (5.5.2, 5.5.3), even
 * between the fragments of a message (5.4); an unsolicited pong is ignored (5.5.3); a control frame of more
 * than 125 bytes, or fragmented, must fail the connection (5.5).
 */
final class ControlClientCases {
    private ControlClientCases() { }

    static List<ClientCase> all() {
        List<ClientCase> c = new ArrayList<>();
        c.add(pinged("2.1", "A ping with no payload", new byte[0]));
        c.add(pinged("2.2", "A ping with a text payload", Frames.utf8("Hello, ping")));
        c.add(pinged("2.3", "A ping of 125 bytes (the most a control frame holds)", Frames.utf8("p".repeat(125))));
        byte[] everyByte = new byte[125];
        for (int i = 0; i < everyByte.length; i++) everyByte[i] = (byte) (i * 2 + 1);
        c.add(pinged("2.4", "A ping with a binary payload of 125 odd byte values", everyByte));
        c.add(new ClientCase("2.5", "A ping sent one byte per TCP write: the client answers its payload", "5.5.2, 5.5.3", (w, req) -> {
            byte[] frame = Frames.encode(true, 0, ClientWire.PING, Frames.utf8("slow ping"), null);
            for (int i = 0; i < frame.length; i++) w.raw(new byte[] {frame[i]}, i == 0 ? "ping \"slow ping\", one byte a write" : "…");
            return Reactions.mustGoOn(w, List.of(), List.of(Frames.utf8("slow ping")), false);
        }));
        c.add(new ClientCase("2.6", "Ten pings in one TCP write: a pong to each, or at least to the last", "5.5.3", (w, req) -> {
            List<byte[]> frames = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                payloads.add(Frames.utf8("ping " + i));
                frames.add(Frames.encode(true, 0, ClientWire.PING, payloads.get(i - 1), null));
            }
            w.raw(Frames.concat(frames.toArray(byte[][]::new)), "ten pings in one write: \"ping 1\" to \"ping 10\"");
            return Reactions.mustGoOn(w, List.of(), payloads, true);
        }));
        c.add(new ClientCase("2.7", "An unsolicited pong with no payload: the client ignores it", "5.5.3", (w, req) -> {
            w.frame(true, 0, ClientWire.PONG, new byte[0]);
            return Reactions.mustGoOn(w, List.of(), List.of(), false);
        }));
        c.add(new ClientCase("2.8", "An unsolicited pong of 125 bytes: the client ignores it", "5.5.3", (w, req) -> {
            w.frame(true, 0, ClientWire.PONG, Frames.utf8("u".repeat(125)));
            return Reactions.mustGoOn(w, List.of(), List.of(), false);
        }));
        c.add(new ClientCase("2.9", "A ping between the fragments of a text message: a pong at once, then the message", "5.4, 5.5.2", (w, req) -> {
            w.frame(false, 0, ClientWire.TEXT, Frames.utf8("frag"));
            w.frame(true, 0, ClientWire.PING, Frames.utf8("in the middle"));
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("ment"));
            return Reactions.mustGoOn(w, List.of(Message.text("fragment")), List.of(Frames.utf8("in the middle")), false);
        }));
        c.add(new ClientCase("2.10", "An unsolicited pong between the fragments of a binary message", "5.4, 5.5.3", (w, req) -> {
            w.frame(false, 0, ClientWire.BINARY, new byte[] {1, 2});
            w.frame(true, 0, ClientWire.PONG, Frames.utf8("between"));
            w.frame(true, 0, ClientWire.CONT, new byte[] {3, 4});
            return Reactions.mustGoOn(w, List.of(Message.binary(new byte[] {1, 2, 3, 4})), List.of(), false);
        }));
        c.add(FramingClientCases.refusal("2.11", "A ping of 126 bytes", "5.5", 1002,
                w -> w.frame(true, 0, ClientWire.PING, Frames.utf8("p".repeat(126)))));
        c.add(FramingClientCases.refusal("2.12", "A pong of 126 bytes", "5.5", 1002,
                w -> w.frame(true, 0, ClientWire.PONG, Frames.utf8("p".repeat(126)))));
        c.add(FramingClientCases.refusal("2.13", "A fragmented ping (FIN 0, then a continuation)", "5.4, 5.5", 1002, w -> {
            w.frame(false, 0, ClientWire.PING, Frames.utf8("frag"));
            w.frame(true, 0, ClientWire.CONT, Frames.utf8("mented"));
        }));
        c.add(FramingClientCases.refusal("2.14", "A ping with FIN 0 and nothing after it", "5.5", 1002,
                w -> w.frame(false, 0, ClientWire.PING, Frames.utf8("never finished"))));
        return c;
    }

    private static ClientCase pinged(String id, String title, byte[] payload) {
        return new ClientCase(id, title + ": the client answers a pong with its payload", "5.5.2, 5.5.3", (w, req) -> {
            w.frame(true, 0, ClientWire.PING, payload);
            return Reactions.mustGoOn(w, List.of(), List.of(payload), false);
        });
    }
}
