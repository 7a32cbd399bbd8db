package dev.duplex.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * One case of groups 12 and 13: the handshake offers permessage-deflate; if the server takes it, {@code count}
 * messages go compressed (RSV1 on the first frame, the compressed payload cut into frames of {@code frame}
 * bytes when that is not 0), each echoed before the next is sent, and the echo, compressed or not (7.2.3.1
 * lets a sender leave a message plain), must inflate to what was sent. The observation gives the sizes on
 * the wire both ways, so that the ratios of the two sides show.
 */
final class DeflateProbe implements Case.Probe {
    private final DeflateData.Kind kind;
    private final int size;
    private final int frame;
    private final int count;
    private final List<Compression.Offer> offers;

    DeflateProbe(DeflateData.Kind kind, int size, int frame, int count, List<Compression.Offer> offers) {
        this.kind = kind;
        this.size = size;
        this.frame = frame;
        this.count = count;
        this.offers = List.copyOf(offers);
    }

    /** A message as it came: its opcode, whether RSV1 said compressed, its payload as on the wire. */
    private record Got(int opcode, boolean compressed, byte[] payload) { }

    /** The server did something a case ends on: the reason, said as a FAIL. */
    private static final class Broken extends Exception {
        Broken(String why) {
            super(why);
        }
    }

    @Override
    public Judged run(Session s) throws IOException {
        String offer = String.join(", ", offers.stream().map(Compression.Offer::header).toList());
        Session offering = new Session(s.target().with("Sec-WebSocket-Extensions", offer), s.transcript(), s.deadline(), s.timeoutMs());
        Wire opened;
        try {
            opened = offering.open();
        } catch (Wire.Refused r) {
            if (!r.getMessage().startsWith("handshake refused")) throw r;
            // Node's ws answers 400 to offers it cannot take; RFC 7692 5 has a server decline them in its 101.
            return Judged.nonStrict(r.getMessage(), "the handshake was refused for this offer, where RFC 7692 5 has"
                    + " a server decline an offer it cannot take by leaving permessage-deflate out of its 101");
        }
        try (Wire w = opened) {
            String answer = w.handshake().headers().get("sec-websocket-extensions");
            Compression.Agreed agreed;
            try {
                agreed = Compression.agreed(answer, offers);
            } catch (Compression.Refusal r) {
                return Judged.fail("answered Sec-WebSocket-Extensions: " + answer, r.getMessage());
            }
            if (agreed == null) {
                closeCleanly(w, s);
                return new Judged(Verdict.UNIMPLEMENTED, answer == null ? "no Sec-WebSocket-Extensions in the 101 answer"
                        : "answered Sec-WebSocket-Extensions: " + answer, "compression not offered: the server took no permessage-deflate");
            }
            try (Compression c = new Compression(agreed)) {
                return exchange(w, c, s, answer);
            }
        }
    }

    private Judged exchange(Wire w, Compression c, Session s, String answer) throws IOException {
        int opcode = kind.binary() ? Wire.BINARY : Wire.TEXT;
        long ours = 0;
        long theirs = 0;
        int plain = 0;
        int from = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] message = kind.slice(from, size);
            from = (from + size) % kind.length();
            byte[] z = c.compress(message);
            ours += z.length;
            send(w, opcode, z);
            Got got;
            byte[] echo;
            try {
                got = read(w);
                if (got.opcode() != opcode) {
                    throw new Broken("message " + (i + 1) + " came back as " + Wire.opcodeName(got.opcode()) + ", sent as "
                            + Wire.opcodeName(opcode) + " (this case needs an echoing server)");
                }
                echo = got.compressed() ? c.decompress(got.payload(), size + 1) : got.payload();
            } catch (Broken b) {
                return Judged.fail(said(i, ours, theirs, plain) + "; " + answer, b.getMessage());
            } catch (DataFormatException e) {
                return Judged.fail(said(i, ours, theirs, plain), "message " + (i + 1) + "'s echo does not inflate: " + e.getMessage());
            } catch (Wire.Silent e) {
                return Judged.fail(said(i, ours, theirs, plain), "no echo of message " + (i + 1) + " within " + s.timeoutMs()
                        + " ms and the case's allowance (this case needs an echoing server)");
            } catch (Wire.Ended e) {
                return Judged.fail(said(i, ours, theirs, plain), "the connection ended before message " + (i + 1) + " came back");
            }
            theirs += got.payload().length;
            if (!got.compressed()) plain++;
            if (!Arrays.equals(echo, message)) {
                return Judged.fail(said(i, ours, theirs, plain), "message " + (i + 1) + " came back as " + echo.length
                        + " B that are not the " + size + " B sent");
            }
        }
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, count);
        String observed = said(count, ours, theirs, plain) + ", " + micros + " µs a round trip; " + c.agreed().describe();
        w.writeFrame(true, 0, Wire.CLOSE, Script.closePayload(1000, new byte[0]));
        Replies.Event e = new Replies(w, s.timeoutMs()).next();
        if (e.close() == null) return Judged.nonStrict(observed, "our close 1000 got no close back");
        return Judged.pass(observed);
    }

    /** The echoes so far, and the bytes of the compressed payloads both ways. */
    private String said(int echoed, long ours, long theirs, int plain) {
        long raw = (long) echoed * size;
        return echoed + " of " + count + " echoed; " + raw + " B sent as " + ours + " B compressed, echoed as " + theirs + " B"
                + (plain > 0 ? " (" + plain + " of them uncompressed)" : "");
    }

    private void send(Wire w, int opcode, byte[] z) throws IOException {
        if (frame <= 0 || z.length <= frame) {
            w.writeFrame(true, Wire.RSV1, opcode, z);
            return;
        }
        // RSV1 on the first frame only: it marks the message compressed (RFC 7692 6).
        for (int at = 0; at < z.length; at += frame) {
            boolean last = at + frame >= z.length;
            w.writeFrame(last, at == 0 ? Wire.RSV1 : 0, at == 0 ? opcode : Wire.CONTINUATION,
                    Arrays.copyOfRange(z, at, Math.min(z.length, at + frame)));
        }
    }

    /** The next message, its fragments joined; pings are answered. */
    private Got read(Wire w) throws IOException, Broken {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Integer opcode = null;
        boolean compressed = false;
        while (true) {
            Wire.Frame f = w.readFrame();
            if (f.opcode() == Wire.PING) {
                w.writeFrame(true, 0, Wire.PONG, f.payload());
                continue;
            }
            if (f.opcode() == Wire.PONG) continue;
            if (f.opcode() == Wire.CLOSE) {
                throw new Broken("the server closed with " + f.closeCode() + (f.closeReason().isEmpty() ? "" : " \"" + f.closeReason() + "\"")
                        + " instead of echoing");
            }
            if ((f.rsv() & (Wire.RSV2 | Wire.RSV3)) != 0) throw new Broken("a frame with RSV2 or RSV3 set: rsv=" + f.rsv());
            if (opcode == null) {
                if (f.opcode() == Wire.CONTINUATION) throw new Broken("a continuation frame with no message begun");
                opcode = f.opcode();
                compressed = (f.rsv() & Wire.RSV1) != 0;
            } else {
                if (f.opcode() != Wire.CONTINUATION) throw new Broken("a " + Wire.opcodeName(f.opcode()) + " frame inside a fragmented message");
                if ((f.rsv() & Wire.RSV1) != 0) throw new Broken("RSV1 on a continuation frame (RFC 7692 6.1: the first frame only)");
            }
            if (all.size() + f.payload().length > size + (size >> 1) + 1024) throw new Broken("the echo grew beyond what was sent");
            all.writeBytes(f.payload());
            if (f.fin()) return new Got(opcode, compressed, all.toByteArray());
        }
    }

    private static void closeCleanly(Wire w, Session s) {
        try {
            w.writeFrame(true, 0, Wire.CLOSE, Script.closePayload(1000, new byte[0]));
            new Replies(w, s.timeoutMs()).next();
        } catch (IOException gone) {
            // the case's verdict does not rest on it
        }
    }
}
