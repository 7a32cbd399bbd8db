package dev.duplex.forge;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One message cut into fragments of chosen sizes, with control frames put between them (RFC 6455 5.4 allows
 * control frames in the middle of a fragmented message): the first fragment carries the opcode, the others
 * are continuations, only the last has FIN. Each frame is a {@link ForgedFrame}, so the mask works as the
 * forge's does: a fresh random key a frame, one given key, or none.
 *
 * @param sizes    the fragments' sizes in bytes; the payload's rest, if any, is one more fragment after them
 * @param controls the control frames, each after the fragment it names (1 for after the first), in the order given
 */
public record ForgedSplit(int opcode, byte[] mask, boolean randomMask, List<Integer> sizes, List<Control> controls,
        byte[] payload) {

    /** A control frame (ping, pong, close, or any opcode) with its payload, sent after fragment {@code after}. */
    public record Control(int opcode, int after, byte[] payload) {
        public Control {
            payload = payload.clone();
        }
    }

    public ForgedSplit {
        sizes = List.copyOf(sizes);
        controls = List.copyOf(controls);
        payload = payload.clone();
        long sum = sizes.stream().mapToLong(Integer::longValue).sum();
        if (sum > payload.length) throw new IllegalArgumentException("the sizes add up to more than the payload");
    }

    /** How many fragments the message goes in: the sizes given, and one more when bytes are left over. */
    public int fragments() {
        long sum = sizes.stream().mapToLong(Integer::longValue).sum();
        return sizes.size() + (sum < payload.length || sizes.isEmpty() ? 1 : 0);
    }

    /** What an echo server sends back: a pong a ping, and the message when it is text or binary. */
    public int answers() {
        int pings = (int) controls.stream().filter(c -> c.opcode() == 9).count();
        return pings + (opcode == 1 || opcode == 2 ? 1 : 0);
    }

    /** The frames in the order they go out. */
    public List<ForgedFrame> frames() {
        List<ForgedFrame> frames = new ArrayList<>();
        int count = fragments();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int size = i < sizes.size() ? sizes.get(i) : payload.length - at;
            byte[] piece = java.util.Arrays.copyOfRange(payload, at, at + size);
            at += size;
            frames.add(new ForgedFrame(i == count - 1, 0, i == 0 ? opcode : 0, key(), -1, 0, piece));
            for (Control c : controls) {
                if (c.after() == i + 1) frames.add(new ForgedFrame(true, 0, c.opcode(), key(), -1, 0, c.payload()));
            }
        }
        return frames;
    }

    /** Every frame's bytes, one after the other: written in one go, so that nothing else comes between them. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 16 * fragments());
        for (ForgedFrame f : frames()) out.writeBytes(f.bytes());
        return out.toByteArray();
    }

    private byte[] key() {
        return randomMask ? ForgedFrame.randomMask() : mask;
    }
}
