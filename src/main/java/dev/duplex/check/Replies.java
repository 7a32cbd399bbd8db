package dev.duplex.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of a case, one event at a time: a whole message or a pong, its close frame, the end
 * of the connection, or silence until the case's deadline. Pings from the server are answered. What came
 * is kept, in short words, as the case's "what the server did".
 */
final class Replies {
    /** One event: exactly one of answer and close is set, or neither (ended, or silent). */
    record Event(Script.Answer answer, Wire.Frame close, boolean silent) { }

    private static final int SAID_AT_MOST = 12;

    private final Wire wire;
    private final long timeoutMs;
    private final List<String> said = new ArrayList<>();
    private int unsaid;

    Replies(Wire wire, long timeoutMs) {
        this.wire = wire;
        this.timeoutMs = timeoutMs;
    }

    Event next() throws IOException {
        try {
            while (true) {
                Wire.Frame f = wire.readFrame();
                switch (f.opcode()) {
                    case Wire.PING -> {
                        say("ping " + f.payload().length + " B");
                        wire.writeFrame(true, 0, Wire.PONG, f.payload());
                    }
                    case Wire.CLOSE -> {
                        say("close " + (f.payload().length == 0 ? "without code" : f.closeCode()
                                + (f.closeReason().isEmpty() ? "" : " \"" + shorten(f.closeReason()) + "\"")));
                        try {
                            wire.writeFrame(true, 0, Wire.CLOSE, f.payload().length >= 2 ? Script.closePayload(f.closeCode(), new byte[0]) : new byte[0]);
                        } catch (IOException gone) {
                            // the server may end TCP right after its close
                        }
                        return new Event(null, f, false);
                    }
                    case Wire.TEXT, Wire.BINARY -> {
                        Script.Answer a = new Script.Answer(f.opcode(), rest(f));
                        say(a.describe() + (f.rsv() != 0 ? " rsv=" + f.rsv() : ""));
                        return new Event(a, null, false);
                    }
                    default -> {
                        Script.Answer a = new Script.Answer(f.opcode(), f.payload());
                        say(a.describe());
                        return new Event(a, null, false);
                    }
                }
            }
        } catch (Wire.Silent s) {
            say("nothing (more) within " + timeoutMs + " ms");
            return new Event(null, null, true);
        } catch (Wire.Ended e) {
            say(e.reset ? "TCP reset" : "TCP close without close frame");
            return new Event(null, null, false);
        } catch (IOException e) {
            say("a broken frame: " + e.getMessage());
            return new Event(null, null, false);
        }
    }

    /** The rest of a message whose first frame is {@code first}; pings between fragments are answered. */
    private byte[] rest(Wire.Frame first) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first.payload());
        Wire.Frame f = first;
        while (!f.fin()) {
            f = wire.readFrame();
            if (f.opcode() == Wire.PING) {
                wire.writeFrame(true, 0, Wire.PONG, f.payload());
                f = new Wire.Frame(false, 0, Wire.CONTINUATION, new byte[0]);
                continue;
            }
            if (f.opcode() != Wire.CONTINUATION) throw new IOException("a " + Wire.opcodeName(f.opcode()) + " frame inside a fragmented message");
            all.writeBytes(f.payload());
        }
        return all.toByteArray();
    }

    private void say(String what) {
        if (said.size() < SAID_AT_MOST) said.add(what); else unsaid++;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** What the server did, in short words. */
    String observed() {
        String all = String.join("; ", said);
        return unsaid == 0 ? all : all + "; … " + unsaid + " more";
    }
}
