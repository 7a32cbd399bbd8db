package dev.duplex.net.wire;

import java.nio.ByteBuffer;

import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;

/**
 * A frame built by hand and written by Java-WebSocket as it is, without the checks of its own frame
 * classes: {@link ControlFrames} makes them for the control-frame lab, to send what a correct endpoint
 * would not (close code 999 or 1005 on the wire, a close reason over 123 bytes, a ping payload over 125
 * bytes).
 */
final class RawFrame implements Framedata {
    private final Opcode opcode;
    private final ByteBuffer payload;

    RawFrame(Opcode opcode, byte[] payload) {
        this.opcode = opcode;
        this.payload = ByteBuffer.wrap(payload.clone());
    }

    @Override
    public boolean isFin() {
        return true;
    }

    @Override
    public boolean isRSV1() {
        return false;
    }

    @Override
    public boolean isRSV2() {
        return false;
    }

    @Override
    public boolean isRSV3() {
        return false;
    }

    @Override
    public boolean getTransfereMasked() {
        return true;
    }

    @Override
    public Opcode getOpcode() {
        return opcode;
    }

    @Override
    public ByteBuffer getPayloadData() {
        return payload.duplicate();
    }

    @Override
    public void append(Framedata nextframe) {
        throw new UnsupportedOperationException("a raw frame is sent whole");
    }
}
