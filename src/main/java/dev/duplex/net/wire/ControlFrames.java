package dev.duplex.net.wire;

import dev.duplex.protocol.CloseRequest;

import java.nio.ByteBuffer;

import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;

/**
 * The control frames that both ends send by hand (the labs' pings, pongs and raw closes), and the payload
 * of a control frame that came in.
 */
public final class ControlFrames {
    private ControlFrames() { }

    /**
     * A ping with this payload: the library's own frame while the payload is valid, and over 125 bytes a
     * frame of our own, sent as asked (the peer should close with 1002).
     */
    public static Framedata ping(byte[] payload) {
        if (payload.length > 125) return new RawFrame(Opcode.PING, payload);
        PingFrame frame = new PingFrame();
        frame.setPayload(ByteBuffer.wrap(payload.clone()));
        return frame;
    }

    /** A pong with this payload, unsolicited (a heartbeat that needs no answer) or not. */
    public static Framedata pong(byte[] payload) {
        return new RawFrame(Opcode.PONG, payload);
    }

    /**
     * A close frame exactly as given, valid or not: {@code code} -1 sends none (an empty payload, the
     * reason ignored); any other code and any reason length go out as they are.
     */
    public static Framedata close(int code, byte[] reason) {
        return new RawFrame(Opcode.CLOSING, CloseRequest.encodeRaw(code < 0 ? CloseRequest.NO_CODE : code, reason));
    }

    /**
     * A copy of a frame's payload, its buffer left as it was: read a ping's before the pong goes, for
     * the library builds the pong on the same buffer and consumes it.
     */
    public static byte[] payloadOf(Framedata frame) {
        ByteBuffer b = frame.getPayloadData().duplicate();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return data;
    }
}
