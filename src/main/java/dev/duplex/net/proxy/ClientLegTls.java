package dev.duplex.net.proxy;

import dev.duplex.net.server.WriteStallWatch;
import dev.duplex.net.wire.TappedTlsChannel;
import dev.duplex.net.wire.WireTap;
import dev.duplex.tls.ServerIdentity;
import dev.duplex.tls.TlsContexts;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.java_websocket.SSLSocketChannel2;

/**
 * wss:// toward the clients: the proxy's clients meet a TLS server, as the embedded server's do, with the
 * tap above TLS so that the client leg's handshake and frames read as on ws://. An app that only speaks
 * wss:// can then be pointed at Duplex, trusting its certificate.
 */
final class ClientLegTls {
    /** A client that opened TCP and has not finished TLS by then is dropped: it holds a socket. */
    private static final int TLS_HANDSHAKE_MS = 10_000;

    private final SSLContext context;
    private final ExecutorService tasks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplex-proxy-tls");
        t.setDaemon(true);
        return t;
    });

    ClientLegTls(ServerIdentity identity) {
        this.context = TlsContexts.server(identity);
    }

    TappedTlsChannel wrap(SocketChannel socket, SelectionKey key, WireTap tap, WriteStallWatch watch) throws IOException {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(TlsContexts.limitProtocols(engine.getSSLParameters()));
        TappedTlsChannel tls = new TappedTlsChannel(new SSLSocketChannel2(socket, engine, tasks, key), tap, null, key);
        watch.watchTlsHandshake(tls);
        CompletableFuture.runAsync(() -> {
            if (tls.tlsHandshakeDone()) return;
            try {
                tls.close();
            } catch (IOException ignored) {
                // already gone
            }
            key.selector().wakeup();
        }, CompletableFuture.delayedExecutor(TLS_HANDSHAKE_MS, TimeUnit.MILLISECONDS));
        return tls;
    }

    void shutdown() {
        tasks.shutdownNow();
    }
}
