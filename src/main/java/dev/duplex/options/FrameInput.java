package dev.duplex.options;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.duplex.forge.ForgedFrame;
import dev.duplex.protocol.PayloadCodec;

/**
 * A forged frame as typed on {@code connect}'s standard input:
 * {@code /frame [fin=0|1] [rsv=0-7] [op=0-15|text|binary|close|ping|pong|cont] [mask=on|off|HEX8] [len=N]
 * [form=2|8] [text:…|hex:…]}. The defaults make a proper masked text frame: FIN set, no reserved bits, op text,
 * a random mask, the payload's own length in its shortest form. The payload comes last: after {@code text:}
 * everything to the end of the line, spaces included.
 */
public final class FrameInput {
    private FrameInput() { }

    public static Checked<ForgedFrame> frame(String typed) {
        String t = Typed.text(typed).strip();
        boolean fin = true;
        int rsv = 0;
        int opcode = 1;
        byte[] mask = ForgedFrame.randomMask();
        long len = -1;
        int form = 0;
        byte[] payload = new byte[0];
        while (!t.isEmpty()) {
            Checked<byte[]> tail = payloadWord(t);
            if (tail != null) {
                if (!tail.isOk()) return Checked.bad(tail.problem());
                payload = tail.value();
                break;
            }
            int space = t.indexOf(' ');
            String word = space < 0 ? t : t.substring(0, space);
            t = space < 0 ? "" : t.substring(space + 1).strip();
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : word.substring(eq + 1).toLowerCase(Locale.ROOT);
            try {
                switch (name) {
                    case "fin" -> fin = bit(value);
                    case "rsv" -> rsv = range(value, 7);
                    case "op" -> opcode = opcode(value);
                    case "mask" -> mask = value.equals("on") ? ForgedFrame.randomMask() : value.equals("off") ? null
                            : PayloadCodec.parseHex(value);
                    case "len" -> len = Long.parseLong(value);
                    case "form" -> form = value.equals("2") ? 2 : value.equals("8") ? 8 : -1;
                    default -> {
                        return Checked.bad(Field.FRAME, "form.frame.word", word);
                    }
                }
            } catch (NumberFormatException | PayloadCodec.FormatException e) {
                return Checked.bad(Field.FRAME, "form.frame.word", word);
            }
            if (form < 0 || len < -1 || mask != null && mask.length != 4 || rsv < 0 || opcode < 0) {
                return Checked.bad(Field.FRAME, "form.frame.word", word);
            }
        }
        return Checked.ok(new ForgedFrame(fin, rsv, opcode, mask, len, form, payload));
    }

    /** {@code /raw HEX}: bytes for the socket as they are. */
    public static Checked<byte[]> raw(String typed) {
        try {
            byte[] bytes = PayloadCodec.parseHex(Typed.text(typed));
            return bytes.length == 0 ? Checked.bad(Field.FRAME, "form.frame.rawEmpty") : Checked.ok(bytes);
        } catch (PayloadCodec.FormatException e) {
            return Checked.bad(FieldProblem.of(Field.FRAME, e.key(), e.argArray()));
        }
    }

    private static boolean bit(String v) {
        if (v.equals("1")) return true;
        if (v.equals("0")) return false;
        throw new NumberFormatException(v);
    }

    private static int range(String v, int max) {
        int n = Integer.parseInt(v);
        if (n < 0 || n > max) throw new NumberFormatException(v);
        return n;
    }

    static int opcode(String v) {
        return switch (v) {
            case "cont", "continuation" -> 0;
            case "text" -> 1;
            case "binary" -> 2;
            case "close" -> 8;
            case "ping" -> 9;
            case "pong" -> 10;
            default -> range(v, 15);
        };
    }

    /**
     * The payload that ends a forge line ({@code text:…} to the end of the line, or {@code hex:…}), or null
     * when {@code t} does not start with one.
     */
    static Checked<byte[]> payloadWord(String t) {
        if (t.startsWith("text:")) return Checked.ok(t.substring(5).getBytes(StandardCharsets.UTF_8));
        if (!t.startsWith("hex:")) return null;
        try {
            return Checked.ok(PayloadCodec.parseHex(t.substring(4)));
        } catch (PayloadCodec.FormatException e) {
            return Checked.bad(FieldProblem.of(Field.FRAME, e.key(), e.argArray()));
        }
    }
}
