package dev.duplex.conversation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;

/** Conversations for the format tests, with every kind of frame the wire tap can report. */
final class Samples {
    static final URI URL = URI.create("ws://127.0.0.1:8080/chat?room=dev&name=J%C3%BCrgen");
    /** Odd nanoseconds, so that a format rounding to micro- or milliseconds shows. */
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456789Z");
    static final byte[] KEY = {(byte) 0x37, (byte) 0xfa, (byte) 0x21, (byte) 0x3d};

    static final HandshakeRecord HANDSHAKE = new HandshakeRecord(
            "GET /chat?room=dev&name=J%C3%BCrgen HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:8080\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "Origin: http://127.0.0.1:8080\r\n"
                    + "\r\n",
            "HTTP/1.1 101 Switching Protocols\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                    + "\r\n");

    private Samples() { }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    static byte[] allByteValues() {
        byte[] out = new byte[256];
        for (int i = 0; i < 256; i++) out[i] = (byte) i;
        return out;
    }

    /** The bytes a frame takes on the wire: header, extended length, mask key, payload. */
    static long wire(long payloadLength, boolean masked) {
        long header = 2 + (payloadLength > 65535 ? 8 : payloadLength > 125 ? 2 : 0) + (masked ? 4 : 0);
        return header + payloadLength;
    }

    /** A frame we sent: masked, as a client's must be. */
    static FrameInfo out(int opcode, boolean fin, byte[] payload) {
        return new FrameInfo(false, fin, false, false, false, opcode, KEY.clone(), payload.length,
                wire(payload.length, true), payload);
    }

    /** A frame from the server: not masked. */
    static FrameInfo in(int opcode, boolean fin, byte[] payload) {
        return new FrameInfo(true, fin, false, false, false, opcode, null, payload.length,
                wire(payload.length, false), payload);
    }

    static byte[] closePayload(int code, String reason) {
        byte[] r = utf8(reason);
        byte[] out = new byte[2 + r.length];
        out[0] = (byte) (code >> 8);
        out[1] = (byte) code;
        System.arraycopy(r, 0, out, 2, r.length);
        return out;
    }

    /** Every kind of frame, each a different number of nanoseconds after {@link #T0}. */
    static List<FrameInfo> everyKindOfFrame() {
        List<FrameInfo> f = new ArrayList<>();
        f.add(out(FrameInfo.TEXT, true, utf8("hello, wörld 👋 \"quoted\" back\\slash nul\u0000 ls\u2028 tab\t\r\nend")));
        f.add(in(FrameInfo.TEXT, true, utf8("hello, wörld 👋 \"quoted\" back\\slash nul\u0000 ls\u2028 tab\t\r\nend")));
        f.add(out(FrameInfo.BINARY, true, allByteValues()));
        f.add(in(FrameInfo.BINARY, true, allByteValues()));
        f.add(in(FrameInfo.BINARY, true, new byte[0]));
        f.add(out(FrameInfo.TEXT, true, new byte[0]));
        f.add(out(FrameInfo.PING, true, utf8("ping-1")));
        f.add(in(FrameInfo.PONG, true, utf8("ping-1")));
        f.add(in(FrameInfo.PING, true, new byte[0]));
        // A text message in three fragments, a ping between them.
        f.add(in(FrameInfo.TEXT, false, utf8("frag-")));
        f.add(in(FrameInfo.PING, true, bytes(1, 2)));
        f.add(in(FrameInfo.CONTINUATION, false, utf8("ment")));
        f.add(in(FrameInfo.CONTINUATION, true, utf8("ed ✓")));
        // A binary message in two fragments whose bytes happen to be UTF-8: still binary.
        f.add(out(FrameInfo.BINARY, false, utf8("looks like")));
        f.add(out(FrameInfo.CONTINUATION, true, utf8(" text")));
        // permessage-deflate: RSV1 on the first frame, the payload compressed ("Hello").
        f.add(new FrameInfo(true, true, true, false, false, FrameInfo.TEXT, null, 7, 9,
                bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00)));
        // RSV2 and RSV3, which no extension here uses: a misbehaving peer.
        f.add(new FrameInfo(true, true, false, true, true, FrameInfo.TEXT, null, 2, 4, utf8("ok")));
        // Invalid UTF-8 in a text frame (an overlong '/' and a lone continuation byte).
        f.add(in(FrameInfo.TEXT, true, bytes(0x68, 0xc0, 0xaf, 0x80, 0x69)));
        // A text message whose fragments split 'é' (0xc3 0xa9): each alone is not UTF-8.
        f.add(in(FrameInfo.TEXT, false, bytes('a', 0xc3)));
        f.add(in(FrameInfo.CONTINUATION, true, bytes(0xa9, 'b')));
        // A reserved opcode.
        f.add(in(0x3, true, bytes(1, 2, 3)));
        f.add(in(0xB, true, new byte[0]));
        // A capture cut at the payload cap: the header said 70000 bytes.
        byte[] start = new byte[100];
        for (int i = 0; i < start.length; i++) start[i] = (byte) (i * 7);
        f.add(new FrameInfo(true, true, false, false, false, FrameInfo.BINARY, null, 70_000, wire(70_000, false), start));
        f.add(out(FrameInfo.CLOSE, true, closePayload(1000, "bye ✓")));
        f.add(in(FrameInfo.CLOSE, true, closePayload(1000, "bye ✓")));
        return f;
    }

    static Conversation rich() {
        List<Conversation.Frame> frames = new ArrayList<>();
        long nanos = 1_000_001;
        for (FrameInfo info : everyKindOfFrame()) {
            frames.add(new Conversation.Frame(T0.plusNanos(nanos), info));
            nanos += 10_000_003;
        }
        return new Conversation(URL, new Conversation.Handshake(T0, HANDSHAKE), frames,
                new Conversation.Close(T0.plusSeconds(3).plusNanos(7), 1000, "bye ✓", true, false));
    }
}
