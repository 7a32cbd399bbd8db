package dev.duplex.net.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.duplex.net.HandshakeRecord;

import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the server's wire tap costs the library's selector thread per echo, with no socket in the way: one
 * masked 64-byte client frame read through a {@link TappedChannel} and one 64-byte echo written back, over
 * an in-memory channel, for the tap as the window uses it (frames captured) and as {@code serve} does
 * (checks only). Prints nanoseconds per echo (median of rounds) and writes target/benchmark/wiretap.json.
 * Run with {@code mvn -B test -Pbench -Dtest=WireTapBenchmark}.
 */
@Tag("benchmark")
class WireTapBenchmark {
    private static final int ECHOES_PER_ROUND = 400_000;
    private static final int ROUNDS = 7;

    /** A channel that reads from a prepared buffer and takes whatever is written. */
    private static final class MemoryChannel implements ByteChannel {
        private final ByteBuffer in;

        MemoryChannel(ByteBuffer in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer dst) {
            int n = Math.min(dst.remaining(), in.remaining());
            ByteBuffer slice = in.duplicate();
            slice.limit(slice.position() + n);
            dst.put(slice);
            in.position(in.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() { }
    }

    @Test
    void tapCostPerEcho() throws Exception {
        double captured = nanosPerEcho(true);
        double checksOnly = nanosPerEcho(false);
        System.out.printf(Locale.ROOT, "%nwire tap, per echo (64 B in, 64 B out), median of %d rounds:%n"
                + "  frames captured (the window):  %6.0f ns%n  checks only (serve):           %6.0f ns%n",
                ROUNDS, captured, checksOnly);
        Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "wiretap.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "{\"echoBytes\": 64, \"nanosPerEchoCaptured\": %.0f, "
                + "\"nanosPerEchoChecksOnly\": %.0f}%n", captured, checksOnly));
    }

    private static double nanosPerEcho(boolean capture) throws Exception {
        AtomicLong frames = new AtomicLong();
        WireTap.Sink sink = new WireTap.Sink() {
            @Override
            public void handshake(HandshakeRecord record) { }

            @Override
            public void frame(FrameInfo frame) {
                frames.incrementAndGet();
            }
        };
        WireTap tap = capture ? new WireTap(false, sink) : WireTap.checksOnly(false, sink);
        byte[] request = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] clientFrame = new byte[2 + 4 + 64];
        clientFrame[0] = (byte) 0x81;
        clientFrame[1] = (byte) (0x80 | 64);
        int echoes = ECHOES_PER_ROUND * (ROUNDS + 1);
        ByteBuffer input = ByteBuffer.allocate(request.length + echoes * clientFrame.length).put(request);
        for (int i = 0; i < echoes; i++) input.put(clientFrame);
        TappedChannel channel = new TappedChannel(new MemoryChannel(input.flip()), tap, null);
        channel.read(ByteBuffer.allocate(request.length));
        channel.write(ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        byte[] echo = new byte[2 + 64];
        echo[0] = (byte) 0x81;
        echo[1] = 64;
        ByteBuffer readBuffer = ByteBuffer.allocate(clientFrame.length);
        double[] perEcho = new double[ROUNDS];
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            long t0 = System.nanoTime();
            for (int i = 0; i < ECHOES_PER_ROUND; i++) {
                readBuffer.clear();
                channel.read(readBuffer);
                channel.write(ByteBuffer.wrap(echo));
            }
            if (round > 0) perEcho[round - 1] = (System.nanoTime() - t0) / (double) ECHOES_PER_ROUND;
        }
        // Every client frame was cut (and, captured, every echo too): else the figure measured nothing.
        assertEquals((long) echoes * (capture ? 2 : 1), frames.get());
        Arrays.sort(perEcho);
        return perEcho[ROUNDS / 2];
    }
}
