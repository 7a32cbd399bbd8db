package dev.duplex.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on an ephemeral loopback port, written the way {@link TlsContexts}' class comment says a
 * server should be: the accept loop only accepts, and each connection's handshake runs on a thread of its
 * own under a timeout. It can also be told to do the handshake in the accept loop, to show what that costs.
 * Each connection that completes its handshake is sent "ok" and closed.
 */
final class LoopbackTlsServer implements AutoCloseable {
    static final String GREETING = "ok";

    enum Handshakes { EACH_ON_ITS_OWN_THREAD, IN_THE_ACCEPT_LOOP }

    private final SSLServerSocket server;
    private final Handshakes mode;
    private final int timeoutMillis;
    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-handshake");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<CompletableFuture<String>> accepted = new LinkedBlockingQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptLoop;

    LoopbackTlsServer(ServerIdentity identity) throws IOException {
        this(identity, Handshakes.EACH_ON_ITS_OWN_THREAD, Duration.ofSeconds(30));
    }

    LoopbackTlsServer(ServerIdentity identity, Handshakes mode, Duration handshakeTimeout) throws IOException {
        this.mode = mode;
        this.timeoutMillis = Math.toIntExact(handshakeTimeout.toMillis());
        server = (SSLServerSocket) TlsContexts.server(identity).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSSLParameters(TlsContexts.limitProtocols(server.getSSLParameters()));
        acceptLoop = new Thread(this::acceptLoop, "tls-accept");
        acceptLoop.setDaemon(true);
        acceptLoop.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * The next accepted connection's handshake: completes with the protocol agreed, or exceptionally with
     * why the handshake failed. Waits (boundedly) for the connection to be accepted.
     */
    CompletableFuture<String> nextConnection() throws InterruptedException {
        CompletableFuture<String> next = accepted.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no connection accepted within 10 s");
        }
        return next;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) server.accept(); // no TLS yet: the handshake starts on first use
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            CompletableFuture<String> outcome = new CompletableFuture<>();
            accepted.add(outcome);
            if (mode == Handshakes.IN_THE_ACCEPT_LOOP) {
                serve(socket, outcome);
            } else {
                handshakes.execute(() -> serve(socket, outcome));
            }
        }
    }

    private void serve(SSLSocket socket, CompletableFuture<String> outcome) {
        try (socket) {
            socket.setSoTimeout(timeoutMillis); // bounds the handshake: a silent client is dropped after it
            socket.startHandshake();
            socket.setSoTimeout(0);
            outcome.complete(socket.getSession().getProtocol());
            OutputStream out = socket.getOutputStream();
            out.write(GREETING.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            outcome.completeExceptionally(e);
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : open) {
            s.close(); // unblocks a handshake still waiting on its client
        }
        handshakes.shutdownNow();
        acceptLoop.join(10_000);
    }
}
