package dev.duplex.model.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;

/**
 * The message a data frame belongs to, put together from the frames list: its first frame, the continuations
 * the same way up to the one with FIN (control frames between them passed over), inflated where the message
 * was compressed. The frames view shows it in its detail, and opens it in the message view when it is whole.
 *
 * @param cut whether a frame's payload was kept only in part ({@link FrameInfo#PAYLOAD_CAP}), so the bytes are not the message's
 */
public record FrameMessage(WsEvent.Frame first, WsEvent.Frame last, byte[] bytes, boolean text, int fragments,
        boolean complete, boolean cut) {

    /** The message of the data frame at {@code at}, as far as the list still holds it; empty for a control frame. */
    public static Optional<FrameMessage> of(List<? extends WsEvent> all, int at) {
        if (at < 0 || at >= all.size() || !(all.get(at) instanceof WsEvent.Frame selected) || selected.frame().control()) {
            return Optional.empty();
        }
        boolean inbound = selected.frame().inbound();
        int start = at;
        while (start >= 0 && !(isData(all.get(start), inbound) && frame(all.get(start)).opcode() != FrameInfo.CONTINUATION)) {
            start--;
        }
        if (start < 0) return Optional.empty();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int fragments = 0;
        boolean complete = false;
        boolean cut = false;
        WsEvent.Frame last = (WsEvent.Frame) all.get(start);
        for (int i = start; i < all.size(); i++) {
            if (!isData(all.get(i), inbound)) continue;
            FrameInfo part = frame(all.get(i));
            if (i > start && part.opcode() != FrameInfo.CONTINUATION) break;
            message.writeBytes(part.inflated() != null ? part.inflated() : part.payload());
            cut |= part.inflated() == null && part.truncated();
            fragments++;
            last = (WsEvent.Frame) all.get(i);
            if (part.fin()) {
                complete = true;
                break;
            }
        }
        WsEvent.Frame first = (WsEvent.Frame) all.get(start);
        FrameInfo f = first.frame();
        // A compressed text message that could not be inflated is bytes, not text.
        boolean text = f.opcode() == FrameInfo.TEXT && (!f.rsv1() || f.inflated() != null);
        return Optional.of(new FrameMessage(first, last, message.toByteArray(), text, fragments, complete, cut));
    }

    /**
     * The message as the log would hold it, for the message view: received when it came in, sent when it went
     * out, at its last frame's time; empty while it is not whole or a frame of it was cut.
     */
    public Optional<WsEvent> asEvent() {
        if (!complete || cut) return Optional.empty();
        Payload payload = text ? Payload.text(new String(bytes, StandardCharsets.UTF_8)) : Payload.binary(bytes);
        return Optional.of(first.frame().inbound() ? new WsEvent.Received(last.at(), last.peer(), payload)
                : new WsEvent.Sent(last.at(), last.peer(), payload));
    }

    private static boolean isData(WsEvent e, boolean inbound) {
        return e instanceof WsEvent.Frame f && f.frame().inbound() == inbound && !f.frame().control();
    }

    private static FrameInfo frame(WsEvent e) {
        return ((WsEvent.Frame) e).frame();
    }
}
