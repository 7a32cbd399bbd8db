package dev.duplex.options;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.duplex.forge.ForgedSplit;
import dev.duplex.protocol.PayloadCodec;

/**
 * A message split into fragments as typed on {@code connect}'s standard input, and in the window's Forge line:
 * {@code /split SIZES [op=text|binary|0-15] [mask=on|off|HEX8] [ping@N[=HEX]] [pong@N[=HEX]] [close@N[=HEX]]
 * text:…|hex:…}. SIZES are the fragments' sizes in bytes, comma separated ({@code 3,5,*}); a last {@code *},
 * or bytes left over, make one more fragment of the rest. {@code ping@2=6869} sends a ping with payload "hi"
 * after the second fragment; several at one place go in the order typed. The payload comes last, as for
 * {@code /frame}.
 */
public final class SplitInput {
    /** More fragments than this is a typing slip, not a test (a typed payload is short). */
    static final int MOST_FRAGMENTS = 10_000;

    private SplitInput() { }

    public static Checked<ForgedSplit> split(String typed) {
        String t = Typed.text(typed).strip();
        int space = t.indexOf(' ');
        String sizesWord = space < 0 ? t : t.substring(0, space);
        t = space < 0 ? "" : t.substring(space + 1).strip();
        List<Integer> sizes = new ArrayList<>();
        if (sizesWord.isEmpty() || sizesWord.startsWith("text:") || sizesWord.startsWith("hex:") || !sizes(sizesWord, sizes)) {
            return Checked.bad(Field.FRAME, "form.split.sizes", sizesWord);
        }
        int opcode = 1;
        byte[] mask = null;
        boolean random = true;
        List<ForgedSplit.Control> controls = new ArrayList<>();
        byte[] payload = new byte[0];
        while (!t.isEmpty()) {
            Checked<byte[]> tail = FrameInput.payloadWord(t);
            if (tail != null) {
                if (!tail.isOk()) return Checked.bad(tail.problem());
                payload = tail.value();
                break;
            }
            space = t.indexOf(' ');
            String word = space < 0 ? t : t.substring(0, space);
            t = space < 0 ? "" : t.substring(space + 1).strip();
            String lower = word.toLowerCase(Locale.ROOT);
            try {
                if (lower.startsWith("op=")) {
                    opcode = FrameInput.opcode(lower.substring(3));
                } else if (lower.equals("mask=on")) {
                    random = true;
                } else if (lower.equals("mask=off")) {
                    random = false;
                    mask = null;
                } else if (lower.startsWith("mask=")) {
                    mask = PayloadCodec.parseHex(lower.substring(5));
                    random = false;
                    if (mask.length != 4) return Checked.bad(Field.FRAME, "form.split.word", word);
                } else if (lower.contains("@")) {
                    controls.add(control(lower));
                } else {
                    return Checked.bad(Field.FRAME, "form.split.word", word);
                }
            } catch (NumberFormatException | PayloadCodec.FormatException e) {
                return Checked.bad(Field.FRAME, "form.split.word", word);
            }
        }
        long sum = sizes.stream().mapToLong(Integer::longValue).sum();
        if (sum > payload.length) return Checked.bad(Field.FRAME, "form.split.tooLong", sum, payload.length);
        ForgedSplit split = new ForgedSplit(opcode, mask, random, sizes, controls, payload);
        for (ForgedSplit.Control c : controls) {
            if (c.after() > split.fragments()) {
                return Checked.bad(Field.FRAME, "form.split.after", c.after(), split.fragments());
            }
        }
        return Checked.ok(split);
    }

    /** "3,5,*" into [3, 5]: the star (last only) stands for the rest, which the split adds by itself. */
    private static boolean sizes(String word, List<Integer> sizes) {
        String[] parts = word.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("*") && i == parts.length - 1 && i > 0) break;
            if (parts[i].equals("*") && parts.length == 1) break;
            try {
                int n = Integer.parseInt(parts[i]);
                if (n < 0) return false;
                sizes.add(n);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return sizes.size() < MOST_FRAGMENTS;
    }

    /** "ping@2", "pong@1=6869", "close@3=03e8": the kind, after which fragment, the payload in hex. */
    private static ForgedSplit.Control control(String word) throws PayloadCodec.FormatException {
        int at = word.indexOf('@');
        int eq = word.indexOf('=', at);
        int opcode = switch (word.substring(0, at)) {
            case "ping" -> 9;
            case "pong" -> 10;
            case "close" -> 8;
            default -> throw new NumberFormatException(word);
        };
        int after = Integer.parseInt(eq < 0 ? word.substring(at + 1) : word.substring(at + 1, eq));
        if (after < 1) throw new NumberFormatException(word);
        byte[] payload = eq < 0 ? new byte[0] : PayloadCodec.parseHex(word.substring(eq + 1));
        return new ForgedSplit.Control(opcode, after, payload);
    }
}
