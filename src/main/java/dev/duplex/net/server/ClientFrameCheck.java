package dev.duplex.net.server;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.wire.TappedChannel;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.Utf8;

/**
 * What RFC 6455 requires of a client's frames and Java-WebSocket 1.6.0 lets pass: a client frame must be
 * masked (5.1: else close with 1002), and a close reason must be UTF-8 (7.1.6: else 1007). Run by the wire
 * tap on each frame read, before the library sees its bytes.
 */
final class ClientFrameCheck {
    private ClientFrameCheck() { }

    /** Tells the channel to withhold the frame and close, when the frame breaks one of the rules. */
    static void check(FrameInfo frame, TappedChannel channel) {
        if (!frame.masked()) {
            channel.violated(CloseCodes.PROTOCOL_ERROR, "client frames must be masked");
        } else if (frame.opcode() == FrameInfo.CLOSE && frame.payload().length > 2
                && !Utf8.isValid(frame.payload(), 2, frame.payload().length - 2)) {
            channel.violated(CloseCodes.INVALID_DATA, "close reason is not UTF-8");
        }
    }
}
