package dev.duplex.check;

import static dev.duplex.check.FramingCases.PROTOCOL_ERROR;
import static dev.duplex.check.Script.script;
import static dev.duplex.check.Script.utf8;
import static dev.duplex.check.Wire.CLOSE;
import static dev.duplex.check.Wire.CONTINUATION;
import static dev.duplex.check.Wire.PING;
import static dev.duplex.check.Wire.TEXT;

import java.util.ArrayList;
import java.util.List;

/** Group 7: the closing handshake, close codes and close reasons. */
final class CloseCases {
    private static final byte[] NONE = new byte[0];

    private CloseCases() { }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("7.1.1", "A text message is echoed, then our close 1000 gets a close 1000", "5.5.1, 7.1.2", true,
                script().echoText("Hello, world!")));
        all.add(new Case("7.1.2", "Two close frames: the second is ignored, the first answered", "5.5.1", false,
                script().close(1000, NONE).close(1000, NONE).closes(1000)));
        all.add(new Case("7.1.3", "A close, then a ping: the ping is not answered", "5.5.1", false,
                script().close(1000, NONE).frame(PING, utf8("Hello, world!")).closes(1000)));
        all.add(new Case("7.1.4", "A close, then a text message: it is not echoed", "5.5.1", false,
                script().close(1000, NONE).frame(TEXT, utf8("Hello, world!")).closes(1000)));
        all.add(new Case("7.1.5", "A text start, a close, then the continuation: the message is not echoed", "5.5.1", false,
                script().frame(false, 0, TEXT, utf8("fragment1")).close(1000, NONE)
                        .frame(true, 0, CONTINUATION, utf8("fragment2")).closes(1000)));
        all.add(new Case("7.1.6", "Data after the close, written together with it in one TCP write", "5.5.1", false,
                script().together(Wire.frame(true, 0, CLOSE, Script.closePayload(1000, NONE)),
                        Wire.frame(true, 0, TEXT, FramingCases.filled(1000, '*')), "close 1000 and a text frame of 1000 B, in one write")
                        .closes(1000)));
        all.add(new Case("7.3.1", "A close without payload gets a close (without a code, or 1000)", "5.5.1, 7.4.1", false,
                script().close(-1, NONE).closes(1005, 1000)));
        all.add(new Case("7.3.2", "A close with a 1-byte payload fails the connection", "5.5.1", false,
                script().frame(CLOSE, new byte[] {0x03}).fails(PROTOCOL_ERROR)));
        all.add(new Case("7.3.3", "A close 1000 without reason", "5.5.1", false, script().close(1000, NONE).closes(1000)));
        all.add(new Case("7.3.4", "A close 1000 with a short reason", "5.5.1", false, script().close(1000, utf8("Hello World!")).closes(1000)));
        all.add(new Case("7.3.5", "A close 1000 with a reason of 123 bytes (a payload of 125, the most)", "5.5", false,
                script().close(1000, FramingCases.filled(123, '*')).closes(1000)));
        all.add(new Case("7.3.6", "A close 1000 with a reason of 124 bytes (a payload of 126, too long) fails the connection",
                "5.5", false, script().close(1000, FramingCases.filled(124, '*')).fails(PROTOCOL_ERROR)));
        all.add(new Case("7.5.1", "A close 1000 whose reason is not UTF-8 fails the connection with 1007", "5.5.1, 8.1", false,
                script().close(1000, Utf8Cases.hex("cebae1bdb9cf83cebcceb5eda080656469746564")).fails(Utf8Cases.INVALID_DATA)));
        int n = 0;
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999}) {
            all.add(new Case("7.7." + ++n, "A close with the valid code " + code + " gets a close back (that code, or 1000)",
                    "7.4.1, 7.4.2", false, script().close(code, NONE).closes(code, 1000)));
        }
        for (int code : new int[] {1012, 1013, 1014}) {
            all.add(new Case("7.7." + ++n, "A close with code " + code
                    + " (registered with IANA after RFC 6455; Autobahn counts it invalid): what the server answers",
                    "7.4.2", false, informational(script().close(code, NONE).closes(code, 1000))));
        }
        n = 0;
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535}) {
            all.add(new Case("7.9." + ++n, "A close with the invalid code " + code + " fails the connection", "7.4.1, 7.4.2",
                    false, script().close(code, NONE).fails(PROTOCOL_ERROR)));
        }
        return all;
    }

    /** The probe's findings as information only: nothing here is right or wrong. */
    static Case.Probe informational(Case.Probe probe) {
        return s -> {
            Judged j = probe.run(s);
            return new Judged(Verdict.INFORMATIONAL, j.observed(), j.why());
        };
    }

}
