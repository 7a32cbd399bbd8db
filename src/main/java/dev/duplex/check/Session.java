package dev.duplex.check;

import java.io.IOException;

/** What a case's probe works with: the server, the case's transcript and its deadline. */
record Session(Wire.Target target, Transcript transcript, long deadline, long timeoutMs) {
    /** A connection after a correct handshake. */
    Wire open() throws IOException {
        return Wire.open(target, transcript, deadline);
    }

    /** A bare TCP connection. */
    Wire tcp() throws IOException {
        return Wire.tcp(target, transcript, deadline);
    }
}
