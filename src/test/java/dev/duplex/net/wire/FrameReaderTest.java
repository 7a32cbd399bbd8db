package dev.duplex.net.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

/** The frame reader under the wire taps, on its own: frames however the reads cut them. */
class FrameReaderTest {
    @Test
    void theFrameReaderCutsFramesSplitAcrossReads() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {(byte) 0x81, 126, 0x01, 0x00}); // text, 256 bytes (16-bit length)
        stream.writeBytes(new byte[256]);
        stream.writeBytes(new byte[] {(byte) 0x89, 0}); // empty ping
        stream.writeBytes(new byte[] {(byte) 0x88, 5, 0x03, (byte) 0xE9, 'b', 'y', 'e'}); // close 1001 "bye"
        byte[] all = stream.toByteArray();
        for (int chunk : new int[] {1, 3, 7, all.length}) {
            java.util.List<FrameInfo> frames = new java.util.ArrayList<>();
            FrameReader reader = new FrameReader(true, frames::add);
            for (int off = 0; off < all.length; off += chunk) {
                reader.feed(all, off, Math.min(chunk, all.length - off));
            }
            assertEquals(3, frames.size(), "chunk " + chunk);
            assertEquals(FrameInfo.TEXT, frames.get(0).opcode());
            assertEquals(256, frames.get(0).payloadLength());
            assertEquals(260, frames.get(0).wireLength());
            assertEquals(FrameInfo.PING, frames.get(1).opcode());
            assertEquals(1001, frames.get(2).closeCode());
            assertEquals("bye", frames.get(2).closeReason());
        }
    }
}
