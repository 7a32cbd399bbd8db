package dev.duplex.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Most cases: frames to send, the messages and pongs the server must send back, and how the connection
 * must end. {@link #clean()}: after the answers, our close 1000 gets the server's close. {@link
 * #fails(int...)}: the server must fail the connection (close with one of these codes, or drop TCP), after
 * the answers to the valid frames before the bad one (closing before them is NON-STRICT). {@link
 * #closes(int...)}: the script ends with our close frame, which the server must answer with one of these codes.
 */
final class Script implements Case.Probe {
    private enum Ending { CLEAN, FAILS, CLOSES }

    /** Something the server sends back: a message (TEXT or BINARY) or a pong. */
    record Answer(int opcode, byte[] payload) {
        boolean same(Answer o) {
            return opcode == o.opcode && Arrays.equals(payload, o.payload);
        }

        String describe() {
            String kind = opcode == Wire.PONG ? "pong " : opcode == Wire.TEXT ? "text " : opcode == Wire.BINARY ? "binary "
                    : Wire.opcodeName(opcode) + " ";
            if (opcode != Wire.TEXT || payload.length == 0) return kind + payload.length + " B";
            String t = new String(payload, 0, Math.min(payload.length, 40), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}", ".");
            return kind + payload.length + " B \"" + t + (payload.length > 40 ? "…" : "") + "\"";
        }
    }

    private record Out(byte[] bytes, int chunk, String what) { }

    private final List<Out> outs = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private Ending ending = Ending.CLEAN;
    private int[] codes = {};

    static Script script() {
        return new Script();
    }

    Script frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return frameChunked(fin, rsv, opcode, payload, 0);
    }

    /** A frame written to TCP in pieces of {@code chunk} bytes. */
    Script frameChunked(boolean fin, int rsv, int opcode, byte[] payload, int chunk) {
        outs.add(new Out(Wire.frame(fin, rsv, opcode, payload), chunk, Wire.describe(fin, rsv, opcode, payload)));
        return this;
    }

    /** Two frames in one TCP write. */
    Script together(byte[] first, byte[] second, String what) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        outs.add(new Out(both.toByteArray(), 0, what));
        return this;
    }

    Script frame(int opcode, byte[] payload) {
        return frame(true, 0, opcode, payload);
    }

    /** A whole message in one frame, and its echo expected. */
    Script echo(int opcode, byte[] payload) {
        return frame(opcode, payload).expect(opcode, payload);
    }

    Script echoText(String text) {
        return echo(Wire.TEXT, utf8(text));
    }

    /** A message cut into fragments of {@code size} bytes (at least one frame), and its echo expected. */
    Script fragmented(int opcode, byte[] payload, int size) {
        fragmentsOf(opcode, payload, size);
        return expect(opcode, payload);
    }

    Script fragmentsOf(int opcode, byte[] payload, int size) {
        int n = payload.length == 0 ? 1 : (payload.length + size - 1) / size;
        for (int i = 0; i < n; i++) {
            byte[] part = Arrays.copyOfRange(payload, Math.min(payload.length, i * size), Math.min(payload.length, (i + 1) * size));
            frame(i == n - 1, 0, i == 0 ? opcode : Wire.CONTINUATION, part);
        }
        return this;
    }

    Script ping(byte[] payload) {
        return frame(Wire.PING, payload).expect(Wire.PONG, payload);
    }

    Script close(int code, byte[] reason) {
        return frame(Wire.CLOSE, closePayload(code, reason));
    }

    Script expect(int opcode, byte[] payload) {
        answers.add(new Answer(opcode, payload));
        return this;
    }

    Script clean() {
        ending = Ending.CLEAN;
        return this;
    }

    Script fails(int... allowed) {
        ending = Ending.FAILS;
        codes = allowed;
        return this;
    }

    Script closes(int... allowed) {
        ending = Ending.CLOSES;
        codes = allowed;
        return this;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] closePayload(int code, byte[] reason) {
        if (code < 0) return new byte[0];
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    @Override
    public Judged run(Session s) throws IOException {
        try (Wire w = s.open()) {
            String writeProblem = null;
            for (Out o : outs) {
                try {
                    w.writeChunked(o.bytes(), o.chunk(), o.what());
                } catch (IOException e) {
                    writeProblem = e.getMessage();
                    break;
                }
            }
            Replies r = new Replies(w, s.timeoutMs());
            return switch (ending) {
                case CLEAN -> clean(w, r, writeProblem);
                case FAILS -> failing(r);
                case CLOSES -> closing(r);
            };
        }
    }

    private Judged clean(Wire w, Replies r, String writeProblem) throws IOException {
        for (int i = 0; i < answers.size(); i++) {
            Replies.Event e = r.next();
            Answer want = answers.get(i);
            if (e.answer() == null) {
                String why = e.silent() ? "no " + (want.opcode() == Wire.PONG ? "pong" : "echo") + " within the case's timeout"
                        + (want.opcode() == Wire.PONG ? "" : " (this case needs an echoing server)")
                        : "the connection ended before " + want.describe() + " came back"
                        + (writeProblem == null ? "" : " (sending failed: " + writeProblem + ")");
                return Judged.fail(r.observed(), why);
            }
            if (!e.answer().same(want)) {
                return Judged.fail(r.observed(), "expected " + want.describe() + " back, got " + e.answer().describe()
                        + (want.opcode() == Wire.PONG || e.answer().opcode() == Wire.PONG ? ""
                        : " that is not an echo of it (this case needs an echoing server)"));
            }
        }
        try {
            w.writeFrame(true, 0, Wire.CLOSE, closePayload(1000, new byte[0]));
        } catch (IOException e) {
            return Judged.nonStrict(r.observed(), "the answers came, but our close could not be sent: " + e.getMessage());
        }
        Replies.Event e = r.next();
        if (e.close() != null) {
            return e.close().closeCode() == 1000 ? Judged.pass(r.observed())
                    : Judged.nonStrict(r.observed(), "our close 1000 was answered with " + e.close().closeCode());
        }
        if (e.answer() != null) return Judged.fail(r.observed(), "an unexpected " + e.answer().describe() + " came back");
        return Judged.fail(r.observed(), e.silent() ? "our close 1000 got no close back"
                : "our close 1000 got no close frame back, the TCP connection just ended (5.5.1: it must answer with one)");
    }

    private Judged failing(Replies r) throws IOException {
        List<Answer> got = new ArrayList<>();
        Replies.Event e;
        while ((e = r.next()).answer() != null) {
            Answer a = e.answer();
            if (got.size() >= answers.size() || !a.same(answers.get(got.size()))) {
                return Judged.fail(r.observed(), "the server answered what it should have refused: " + a.describe());
            }
            got.add(a);
        }
        if (e.silent()) return Judged.fail(r.observed(), "the server did not fail the connection within the case's timeout");
        boolean early = got.size() < answers.size();
        String earlyWhy = "the connection was failed before the answers to the valid frames sent first";
        if (e.close() == null) return early ? Judged.nonStrict(r.observed(), earlyWhy) : Judged.pass(r.observed());
        int code = e.close().closeCode();
        boolean expected = Arrays.stream(codes).anyMatch(c -> c == code);
        if (!expected) return Judged.nonStrict(r.observed(), "closed with " + code + ", RFC 6455 asks for " + codesText());
        return early ? Judged.nonStrict(r.observed(), earlyWhy) : Judged.pass(r.observed());
    }

    private Judged closing(Replies r) throws IOException {
        Replies.Event e;
        List<Answer> got = new ArrayList<>();
        while ((e = r.next()).answer() != null) {
            got.add(e.answer());
            if (got.size() > answers.size()) return Judged.fail(r.observed(), "the server answered data sent after the close");
        }
        if (e.silent()) return Judged.fail(r.observed(), "no close came back within the case's timeout");
        if (e.close() == null) {
            return Judged.fail(r.observed(), "the TCP connection ended without a close frame (5.5.1: a close must be answered with one)");
        }
        int code = e.close().closeCode();
        if (Arrays.stream(codes).noneMatch(c -> c == code)) {
            return Judged.nonStrict(r.observed(), "closed with " + code + ", expected " + codesText());
        }
        if (!e.close().closeReason().isEmpty() && !dev.duplex.protocol.Utf8.isValid(e.close().payload(), 2, e.close().payload().length - 2)) {
            return Judged.fail(r.observed(), "the close reason is not valid UTF-8");
        }
        return Judged.pass(r.observed());
    }

    private String codesText() {
        StringBuilder b = new StringBuilder();
        for (int c : codes) b.append(b.length() == 0 ? "" : " or ").append(c);
        return b.length() == 0 ? "none" : b.toString();
    }

    /** Joins fragments of a message. */
    static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
