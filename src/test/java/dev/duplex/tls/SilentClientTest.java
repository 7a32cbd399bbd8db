package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import dev.duplex.tls.LoopbackTlsServer.Handshakes;

/**
 * A client that opens a TCP connection to the TLS port and never sends its ClientHello, against the server
 * pattern of {@link TlsContexts}' class comment (handshakes off the accept loop, under a timeout) and
 * against the mistake it avoids (the handshake in the accept loop). Nothing sleeps: each step waits on the
 * event it is about, with a generous bound for a broken test.
 */
class SilentClientTest {
    private static final ServerIdentity LOCAL = SelfSignedCertificate.generate();
    private static final SSLContext PINNED = TlsContexts.client(Set.of(LOCAL.fingerprint()));

    private static Socket silentClient(LoopbackTlsServer server) throws Exception {
        Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port());
        silent.setSoTimeout(10_000); // a bound for a broken test, not a wait
        return silent;
    }

    @Test
    void aSilentClientDoesNotHoldUpTheNextOneWhenEachHandshakeHasItsOwnThread() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(LOCAL);
                Socket silent = silentClient(server)) {
            CompletableFuture<String> silentHandshake = server.nextConnection(); // accepted, waiting for a hello

            assertEquals(LoopbackTlsServer.GREETING, TlsContextsTest.handshake(PINNED, server, true));
            assertEquals("TLSv1.3", server.nextConnection().get(10, TimeUnit.SECONDS));

            assertFalse(silentHandshake.isDone(), "the silent client's handshake is still waiting, on its own thread");
            silent.close();
            assertThrows(ExecutionException.class, () -> silentHandshake.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void theHandshakeTimeoutDropsASilentClient() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(LOCAL, Handshakes.EACH_ON_ITS_OWN_THREAD,
                Duration.ofMillis(200));
                Socket silent = silentClient(server)) {
            CompletableFuture<String> silentHandshake = server.nextConnection();

            silent.getInputStream().readAllBytes(); // returns once the server has closed the connection

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> silentHandshake.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof SocketTimeoutException, e.getCause().toString());
            // And the server is still serving.
            assertEquals(LoopbackTlsServer.GREETING, TlsContextsTest.handshake(PINNED, server, true));
        }
    }

    @Test
    void withTheHandshakeInTheAcceptLoopASilentClientHoldsUpTheNextUntilItIsDropped() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(LOCAL, Handshakes.IN_THE_ACCEPT_LOOP,
                Duration.ofMillis(300));
                Socket silent = silentClient(server)) {
            CompletableFuture<String> silentHandshake = server.nextConnection();

            assertEquals(LoopbackTlsServer.GREETING, TlsContextsTest.handshake(PINNED, server, true));

            // The second client was served only after the server had given up on the first: without the
            // timeout it would never have been.
            assertTrue(silentHandshake.isCompletedExceptionally(),
                    "the silent client's handshake had to end before the next client could be served");
        }
    }
}
