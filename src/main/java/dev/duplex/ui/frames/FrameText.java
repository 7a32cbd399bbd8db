package dev.duplex.ui.frames;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.protocol.PayloadCodec;

/** How a frame reads in the inspector: a row's preview, a copied line, and the detail pane under the table. */
final class FrameText {
    private final Texts texts;
    private final EventText format;

    FrameText(Texts texts) {
        this.texts = texts;
        this.format = new EventText(texts);
    }

    static FrameInfo frame(WsEvent e) {
        return ((WsEvent.Frame) e).frame();
    }

    /** Text frames read as text; compressed (RSV1) and binary ones as hex. */
    static boolean isText(FrameInfo f) {
        return f.opcode() == FrameInfo.TEXT && !f.rsv1();
    }

    static String bits(FrameInfo f) {
        return "" + (f.rsv1() ? '1' : '0') + (f.rsv2() ? '1' : '0') + (f.rsv3() ? '1' : '0');
    }

    /** What a compressed frame inflated to reads as text: in a text message, or a continuation that decodes. */
    static boolean inflatedIsText(FrameInfo f) {
        if (f.opcode() == FrameInfo.TEXT) return true;
        if (f.opcode() != FrameInfo.CONTINUATION) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(f.inflated()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String inflatedText(FrameInfo f, int cut) {
        if (!inflatedIsText(f)) return Payload.binary(f.inflated()).hexPreview(cut / 6);
        String s = new String(f.inflated(), StandardCharsets.UTF_8);
        return s.length() > cut ? s.substring(0, cut) + "…" : s;
    }

    /**
     * The payload column: a close frame's code and meaning, text as text, a compressed frame as what it
     * inflates to (marked), anything else as hex.
     */
    String preview(FrameInfo f) {
        if (f.inflated() != null) return texts.get("frames.inflatedPreview", inflatedText(f, 200));
        if (f.opcode() == FrameInfo.CLOSE) {
            return f.payload().length >= 2 ? f.closeCode() + " " + format.closeMeaning(f.closeCode())
                    + (f.closeReason().isEmpty() ? "" : " \"" + f.closeReason() + "\"") : texts.get("frame.noCode");
        }
        if (isText(f)) {
            String s = new String(f.payload(), StandardCharsets.UTF_8);
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
        return Payload.binary(f.payload()).hexPreview(32);
    }

    /** A row as Copy writes it: time, direction and the frame's line. */
    String line(WsEvent e) {
        return EventText.time(e.at()) + ' ' + (frame(e).inbound() ? "← " : "→ ") + format.frame(frame(e));
    }

    /** The detail pane: the frame's line, its hex dump, its text, and the message its fragments make. */
    String detail(WsEvent e, List<WsEvent> frames) {
        if (e == null) return "";
        FrameInfo f = frame(e);
        StringBuilder sb = new StringBuilder(format.frame(f)).append("\n\n");
        sb.append(PayloadCodec.hexDump(f.payload(), FrameInfo.PAYLOAD_CAP));
        if (f.truncated()) sb.append(texts.get("frames.truncated", f.payload().length, f.payloadLength())).append('\n');
        if (f.inflated() != null) {
            sb.append('\n').append(texts.get("frames.inflated", f.inflated().length)).append('\n');
            sb.append(inflatedIsText(f) ? new String(f.inflated(), StandardCharsets.UTF_8)
                    : PayloadCodec.hexDump(f.inflated(), FrameInfo.PAYLOAD_CAP));
        } else if (isText(f) || f.opcode() == FrameInfo.CONTINUATION) {
            sb.append('\n').append(new String(f.payload(), StandardCharsets.UTF_8));
        }
        String whole = reassembled(e, frames);
        if (whole != null) sb.append("\n\n").append(whole);
        return sb.toString();
    }

    /**
     * For a frame of a fragmented message: the message its fragments make (first frame, continuations,
     * up to the one with FIN, the same way), as far as the list still holds them; else null.
     */
    private String reassembled(WsEvent selected, List<WsEvent> all) {
        FrameInfo f = frame(selected);
        if (f.control() || (f.fin() && f.opcode() != FrameInfo.CONTINUATION)) return null;
        return dev.duplex.model.message.FrameMessage.of(all, all.indexOf(selected)).map(m -> texts.get(
                m.complete() ? "frames.message" : "frames.messagePartial", m.fragments(), m.bytes().length) + "\n"
                + (m.text() ? new String(m.bytes(), StandardCharsets.UTF_8) : Payload.binary(m.bytes()).hexPreview(64)))
                .orElse(null);
    }
}
