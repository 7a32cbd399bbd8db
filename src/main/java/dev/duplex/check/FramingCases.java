package dev.duplex.check;

import static dev.duplex.check.Script.script;
import static dev.duplex.check.Script.utf8;
import static dev.duplex.check.Wire.BINARY;
import static dev.duplex.check.Wire.CLOSE;
import static dev.duplex.check.Wire.PING;
import static dev.duplex.check.Wire.PONG;
import static dev.duplex.check.Wire.TEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Groups 1 to 4: framing, pings and pongs, reserved bits, reserved opcodes. */
final class FramingCases {
    static final int PROTOCOL_ERROR = 1002;
    private static final int[] SIZES = {0, 125, 126, 127, 128, 65535, 65536};

    private FramingCases() { }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        framing(all);
        pings(all);
        reservedBits(all);
        reservedOpcodes(all);
        return all;
    }

    static byte[] filled(int n, int c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    static byte[] binary(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    private static void framing(List<Case> all) {
        for (int kind = 1; kind <= 2; kind++) {
            int opcode = kind == 1 ? TEXT : BINARY;
            String name = kind == 1 ? "text" : "binary";
            for (int i = 0; i < SIZES.length; i++) {
                int n = SIZES[i];
                byte[] p = kind == 1 ? filled(n, '*') : binary(n);
                all.add(new Case("1." + kind + "." + (i + 1), "A " + name + " message of " + n + " bytes in one frame", "5.2, 5.6",
                        true, script().echo(opcode, p)));
            }
            byte[] p = kind == 1 ? filled(65536, '*') : binary(65536);
            all.add(new Case("1." + kind + ".8", "A " + name + " message of 65536 bytes, written to TCP in pieces of 997 bytes",
                    "5.2, 5.6", true, script().frameChunked(true, 0, opcode, p, 997).expect(opcode, p)));
        }
    }

    private static void pings(List<Case> all) {
        byte[] bin = {0x00, (byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0xfc, (byte) 0xfb, 0x00, (byte) 0xff};
        all.add(new Case("2.1", "A ping without payload gets its pong", "5.5.2", false, script().ping(new byte[0])));
        all.add(new Case("2.2", "A ping with a small text payload gets its pong", "5.5.2", false, script().ping(utf8("Hello, world!"))));
        all.add(new Case("2.3", "A ping with a small binary payload gets its pong", "5.5.2", false, script().ping(bin)));
        all.add(new Case("2.4", "A ping with a payload of 125 bytes (the most) gets its pong", "5.5", false, script().ping(filled(125, 0xfe))));
        all.add(new Case("2.5", "A ping with a payload of 126 bytes (too long for a control frame) fails the connection", "5.5",
                false, script().frame(PING, filled(126, 0xfe)).fails(PROTOCOL_ERROR)));
        all.add(new Case("2.6", "A ping of 125 bytes written to TCP one byte at a time gets its pong", "5.5.2", false,
                script().frameChunked(true, 0, PING, filled(125, 0xfe), 1).expect(PONG, filled(125, 0xfe))));
        all.add(new Case("2.7", "An unsolicited pong without payload is ignored", "5.5.3", false, script().frame(PONG, new byte[0])));
        all.add(new Case("2.8", "An unsolicited pong with a payload is ignored", "5.5.3", false, script().frame(PONG, utf8("unsolicited pong payload"))));
        all.add(new Case("2.9", "An unsolicited pong, then a ping: only the ping's pong comes", "5.5.3", false,
                script().frame(PONG, utf8("unsolicited pong payload")).ping(utf8("ping payload"))));
        Script ten = script();
        Script tenChunked = script();
        for (int i = 0; i < 10; i++) {
            byte[] p = utf8("payload-" + i);
            ten.ping(p);
            tenChunked.frameChunked(true, 0, PING, p, 1).expect(PONG, p);
        }
        all.add(new Case("2.10", "10 pings get 10 pongs with their payloads", "5.5.2", false, ten));
        all.add(new Case("2.11", "10 pings written one byte at a time get 10 pongs", "5.5.2", false, tenChunked));
    }

    private static void reservedBits(List<Case> all) {
        String why = "5.2 (no extension negotiated: RSV bits must be 0)";
        all.add(new Case("3.1", "A text frame with RSV = 1 fails the connection", why, false,
                script().frame(true, 1, TEXT, utf8("Hello, world!")).fails(PROTOCOL_ERROR)));
        all.add(new Case("3.2", "A good text message, a text frame with RSV = 2, a ping: the first is echoed, then the connection fails",
                why, true, script().echoText("Hello, world!").frame(true, 2, TEXT, utf8("Hello, world!"))
                        .frame(PING, new byte[0]).fails(PROTOCOL_ERROR)));
        all.add(new Case("3.3", "As 3.2 with RSV = 3, the frames written one byte at a time", why, true,
                script().frameChunked(true, 0, TEXT, utf8("Hello, world!"), 1).expect(TEXT, utf8("Hello, world!"))
                        .frameChunked(true, 3, TEXT, utf8("Hello, world!"), 1).frameChunked(true, 0, PING, new byte[0], 1)
                        .fails(PROTOCOL_ERROR)));
        all.add(new Case("3.4", "As 3.2 with RSV = 4", why, true, script().echoText("Hello, world!")
                .frame(true, 4, TEXT, utf8("Hello, world!")).frame(PING, new byte[0]).fails(PROTOCOL_ERROR)));
        all.add(new Case("3.5", "A binary frame with RSV = 5 fails the connection", why, false,
                script().frame(true, 5, BINARY, binary(8)).fails(PROTOCOL_ERROR)));
        all.add(new Case("3.6", "A ping with RSV = 6 fails the connection", why, false,
                script().frame(true, 6, PING, utf8("Hello, world!")).fails(PROTOCOL_ERROR)));
        all.add(new Case("3.7", "A close frame with RSV = 7 fails the connection", why, false,
                script().frame(true, 7, CLOSE, Script.closePayload(1000, new byte[0])).fails(PROTOCOL_ERROR)));
    }

    private static void reservedOpcodes(List<Case> all) {
        int[][] sets = {{3, 4, 5, 6, 7}, {11, 12, 13, 14, 15}};
        for (int s = 0; s < 2; s++) {
            int n = 0;
            for (int op : sets[s]) {
                String kind = s == 0 ? "non-control" : "control";
                String section = "5.2 (opcodes " + (s == 0 ? "3-7" : "11-15") + " are reserved)";
                all.add(new Case("4." + (s + 1) + "." + ++n, "A frame with the reserved " + kind + " opcode " + op
                        + " and no payload fails the connection", section, false, script().frame(op, new byte[0]).fails(PROTOCOL_ERROR)));
                all.add(new Case("4." + (s + 1) + "." + ++n, "A frame with the reserved " + kind + " opcode " + op
                        + " and a payload fails the connection", section, false,
                        script().frame(op, utf8("reserved opcode payload")).fails(PROTOCOL_ERROR)));
                all.add(new Case("4." + (s + 1) + "." + ++n, "A good text message, then opcode " + op
                        + " with a payload, then a ping: the first is echoed, then the connection fails", section, true,
                        script().echoText("Hello, world!").frame(op, utf8("reserved opcode payload"))
                                .frame(PING, new byte[0]).fails(PROTOCOL_ERROR)));
            }
        }
    }
}
