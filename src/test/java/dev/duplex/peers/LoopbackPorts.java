package dev.duplex.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ports on 127.0.0.1 for the outside programs a test starts (tinyproxy, microsocks, nginx, mosquitto,
 * RabbitMQ): free ones to give them, and the wait until one of theirs takes connections.
 */
final class LoopbackPorts {
    /** How long a program may take to listen once started. */
    static final long BOUND_MS = 10_000;

    private LoopbackPorts() { }

    /** {@code n} loopback ports free now, all different: held open together while chosen. */
    static int[] free(int n) throws IOException {
        ServerSocket[] held = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                held[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) if (s != null) s.close();
        }
    }

    static int free() throws IOException {
        return free(1)[0];
    }

    /**
     * Connects until {@code port} takes the connection (refused at once until the program listens), within
     * {@link #BOUND_MS}; fails with what the program said when it ends first or never listens.
     */
    static void awaitListening(int port, Process process, String name, Supplier<String> said) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MS);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) throw new AssertionError(name + " ended: " + said.get());
                TimeUnit.MILLISECONDS.sleep(10); // between attempts only: this waits on the port, not on a time
            }
        }
        throw new AssertionError(name + " never listened on " + port + ": " + said.get());
    }
}
