package dev.duplex.net;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.tls.SelfSignedCertificate;

/**
 * What a client that opens TCP to the wss:// server and never sends its ClientHello costs: the process's
 * CPU time over that client's whole life, from connect until the server drops it at its TLS deadline (the
 * test waits on that: its read returns -1). The library's TLS channel kept its selector spinning on such a
 * client, more than a core, until its write interest was dropped while the handshake waits for the peer.
 * Run with -Pbench.
 */
@Tag("benchmark")
class SilentTlsClientBenchmark {

    /** User plus system CPU time of this process, in ms (Linux: /proc/self/stat, in ticks of 10 ms). */
    private static long cpuMs() throws Exception {
        String[] f = Files.readString(Path.of("/proc/self/stat")).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
    }

    @Test
    void cpuWhileASilentTlsClientIsConnected() throws Exception {
        LabServer server = new LabServer(e -> { });
        server.start(new ServerConfig("127.0.0.1", 0, "", null).withTls(SelfSignedCertificate.generate()));
        try (Socket silent = new Socket("127.0.0.1", server.url().getPort())) {
            long cpuBefore = cpuMs();
            long wallBefore = System.nanoTime();
            silent.setSoTimeout(30_000);
            // Returns once the server drops it: a TLS alert, or the end of the stream.
            silent.getInputStream().read();
            long wallMs = (System.nanoTime() - wallBefore) / 1_000_000;
            long cpu = cpuMs() - cpuBefore;
            System.out.printf(Locale.ROOT, "%nwss:// server with a client that never starts TLS: dropped after %d ms, "
                    + "process CPU meanwhile %d ms (%.0f ms per second; a spinning core would be 1000)%n",
                    wallMs, cpu, cpu * 1000.0 / Math.max(1, wallMs));
        } finally {
            server.stop();
        }
    }
}
