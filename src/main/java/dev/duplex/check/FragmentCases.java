package dev.duplex.check;

import static dev.duplex.check.FramingCases.PROTOCOL_ERROR;
import static dev.duplex.check.Script.script;
import static dev.duplex.check.Script.utf8;
import static dev.duplex.check.Wire.BINARY;
import static dev.duplex.check.Wire.CLOSE;
import static dev.duplex.check.Wire.CONTINUATION;
import static dev.duplex.check.Wire.PING;
import static dev.duplex.check.Wire.PONG;
import static dev.duplex.check.Wire.TEXT;

import java.util.ArrayList;
import java.util.List;

/** Group 5: fragmentation. */
final class FragmentCases {
    private static final String S = "5.4";

    private FragmentCases() { }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        byte[] one = utf8("fragment1");
        byte[] two = utf8("fragment2");
        byte[] both = utf8("fragment1fragment2");
        all.add(new Case("5.1", "A ping in 2 fragments fails the connection", "5.4, 5.5", false,
                script().frame(false, 0, PING, one).frame(true, 0, CONTINUATION, two).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.2", "A pong in 2 fragments fails the connection", "5.4, 5.5", false,
                script().frame(false, 0, PONG, one).frame(true, 0, CONTINUATION, two).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.3", "A text message in 2 fragments is echoed whole", S, true,
                script().frame(false, 0, TEXT, one).frame(true, 0, CONTINUATION, two).expect(TEXT, both)));
        all.add(new Case("5.4", "A text message in 2 fragments, written one byte at a time", S, true,
                script().frameChunked(false, 0, TEXT, one, 1).frameChunked(true, 0, CONTINUATION, two, 1).expect(TEXT, both)));
        all.add(new Case("5.5", "A binary message in 3 fragments is echoed whole", S, true,
                script().frame(false, 0, BINARY, one).frame(false, 0, CONTINUATION, two).frame(true, 0, CONTINUATION, one)
                        .expect(BINARY, utf8("fragment1fragment2fragment1"))));
        all.add(new Case("5.6", "A ping between two text fragments gets its pong first, then the echo", "5.4, 5.5", true,
                script().frame(false, 0, TEXT, one).frame(PING, utf8("ping payload")).frame(true, 0, CONTINUATION, two)
                        .expect(PONG, utf8("ping payload")).expect(TEXT, both)));
        all.add(new Case("5.7", "As 5.6, written one byte at a time", "5.4, 5.5", true,
                script().frameChunked(false, 0, TEXT, one, 1).frameChunked(true, 0, PING, utf8("ping payload"), 1)
                        .frameChunked(true, 0, CONTINUATION, two, 1).expect(PONG, utf8("ping payload")).expect(TEXT, both)));
        all.add(new Case("5.8", "An unsolicited pong between two text fragments is ignored", "5.4, 5.5.3", true,
                script().frame(false, 0, TEXT, one).frame(PONG, utf8("pong payload")).frame(true, 0, CONTINUATION, two)
                        .expect(TEXT, both)));
        all.add(new Case("5.9", "A final continuation frame with nothing to continue fails the connection", S, false,
                script().frame(true, 0, CONTINUATION, utf8("non-continuation payload")).frame(TEXT, utf8("Hello, world!"))
                        .fails(PROTOCOL_ERROR)));
        all.add(new Case("5.10", "As 5.9, written one byte at a time", S, false,
                script().frameChunked(true, 0, CONTINUATION, utf8("non-continuation payload"), 1)
                        .frameChunked(true, 0, TEXT, utf8("Hello, world!"), 1).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.11", "A non-final continuation frame with nothing to continue, then a final one, fails the connection",
                S, false, script().frame(false, 0, CONTINUATION, one).frame(true, 0, CONTINUATION, two)
                        .frame(TEXT, utf8("Hello, world!")).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.12", "As 5.11, written one byte at a time", S, false,
                script().frameChunked(false, 0, CONTINUATION, one, 1).frameChunked(true, 0, CONTINUATION, two, 1)
                        .frameChunked(true, 0, TEXT, utf8("Hello, world!"), 1).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.13", "A continuation frame, then a text start, fails the connection at the continuation", S, false,
                script().frame(false, 0, CONTINUATION, one).frame(false, 0, TEXT, two).frame(true, 0, CONTINUATION, one)
                        .fails(PROTOCOL_ERROR)));
        all.add(new Case("5.14", "A final continuation, a text start, a final continuation: fails the connection", S, false,
                script().frame(true, 0, CONTINUATION, one).frame(false, 0, TEXT, two).frame(true, 0, CONTINUATION, one)
                        .fails(PROTOCOL_ERROR)));
        all.add(new Case("5.15", "A whole fragmented message, then a continuation without a start: the first is echoed, then the connection fails",
                S, true, script().frame(false, 0, TEXT, one).frame(true, 0, CONTINUATION, two).expect(TEXT, both)
                        .frame(false, 0, CONTINUATION, one).frame(true, 0, TEXT, two).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.16", "A text start followed by a new text frame (not a continuation) fails the connection", S, false,
                script().frame(false, 0, TEXT, one).frame(true, 0, TEXT, two).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.17", "A text start followed by a binary frame fails the connection", S, false,
                script().frame(false, 0, TEXT, one).frame(true, 0, BINARY, two).fails(PROTOCOL_ERROR)));
        all.add(new Case("5.18", "A text start followed by a new text start fails the connection", S, false,
                script().frame(false, 0, TEXT, one).frame(false, 0, TEXT, two).frame(true, 0, CONTINUATION, one).fails(PROTOCOL_ERROR)));
        Script five = script();
        Script fiveChunked = script();
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            byte[] part = utf8("fragment" + i);
            joined.append("fragment").append(i);
            int op = i == 1 ? TEXT : CONTINUATION;
            five.frame(i == 5, 0, op, part);
            fiveChunked.frameChunked(i == 5, 0, op, part, 1);
            if (i == 2 || i == 3) {
                byte[] ping = utf8("pongme " + i);
                five.frame(PING, ping).expect(PONG, ping);
                fiveChunked.frameChunked(true, 0, PING, ping, 1).expect(PONG, ping);
            }
        }
        five.expect(TEXT, utf8(joined.toString()));
        fiveChunked.expect(TEXT, utf8(joined.toString()));
        all.add(new Case("5.19", "A text message in 5 fragments with pings between them: the pongs, then the echo", "5.4, 5.5", true, five));
        all.add(new Case("5.20", "As 5.19, written one byte at a time", "5.4, 5.5", true, fiveChunked));
        all.add(new Case("5.21", "A close between two fragments of a message closes cleanly", "5.4, 5.5.1", false,
                script().frame(false, 0, TEXT, one).close(1000, new byte[0]).closes(1000)));
        all.add(new Case("5.22", "A close frame in 2 fragments fails the connection", "5.4, 5.5", false,
                script().frame(false, 0, CLOSE, Script.closePayload(1000, new byte[0])).frame(true, 0, CONTINUATION, new byte[0])
                        .fails(PROTOCOL_ERROR)));
        byte[] bytes = FramingCases.binary(32);
        all.add(new Case("5.23", "A binary message of 32 bytes in 1-byte fragments is echoed whole", S, true,
                script().fragmented(BINARY, bytes, 1)));
        all.add(new Case("5.24", "A text message in fragments, the last one empty, is echoed whole", S, true,
                script().frame(false, 0, TEXT, one).frame(false, 0, CONTINUATION, two).frame(true, 0, CONTINUATION, new byte[0])
                        .expect(TEXT, both)));
        return all;
    }
}
