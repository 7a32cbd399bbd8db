package dev.duplex.net;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.tls.SelfSignedCertificate;

/**
 * What a client that opens TCP to the wss:// server and never sends its ClientHello costs: the process's
 * CPU time over the same window with and without it. (The library's TLS channel kept its selector spinning
 * on such a client, more than a core, until its write interest was dropped while the handshake waits for
 * the peer.) It measures over fixed windows of time by nature, so it is a benchmark, run with -Pbench.
 */
@Tag("benchmark")
class SilentTlsClientBenchmark {
    private static final long WINDOW_MS = 1_500;

    /** User plus system CPU time of this process, in ms (Linux: /proc/self/stat, in ticks of 10 ms). */
    private static long cpuMs() throws Exception {
        String[] f = Files.readString(Path.of("/proc/self/stat")).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
    }

    private static long cpuOverWindow() throws Exception {
        long before = cpuMs();
        Thread.sleep(WINDOW_MS);
        return cpuMs() - before;
    }

    @Test
    void cpuWithASilentTlsClient() throws Exception {
        EchoServer server = new EchoServer(e -> { });
        server.start(new ServerConfig("127.0.0.1", 0, "", null).withTls(SelfSignedCertificate.generate()));
        try {
            long idle = cpuOverWindow();
            long silent;
            try (Socket client = new Socket("127.0.0.1", server.url().getPort())) {
                // Within the server's 3 s TLS deadline, so the window sees the client connected throughout.
                silent = cpuOverWindow();
            }
            System.out.printf(Locale.ROOT, "%nwss:// server CPU over %d ms: idle %d ms, with a client that never starts TLS %d ms%n",
                    WINDOW_MS, idle, silent);
        } finally {
            server.stop();
        }
    }
}
