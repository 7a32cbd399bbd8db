package dev.duplex.net.wire;

import dev.duplex.net.HandshakeRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;

import javax.net.ssl.SSLEngineResult;

import org.java_websocket.SSLSocketChannel2;
import org.java_websocket.WrappedByteChannel;

/**
 * The wire tap of a wss:// connection: it sits above the library's TLS channel, so the handshake view and
 * the frame inspector see the same plain bytes as on ws://. It passes on the library's extra calls for
 * TLS (bytes decrypted ahead, bytes left to write).
 */
public final class TappedTlsChannel extends TappedChannel implements WrappedByteChannel {
    private final SSLSocketChannel2 tls;
    /** The connection's key in the server's selector: write interest is set here while the handshake needs it. */
    public final java.nio.channels.SelectionKey key;

    public TappedTlsChannel(SSLSocketChannel2 tls, WireTap tap, Function<HandshakeRecord, byte[]> answerInstead,
            java.nio.channels.SelectionKey key) {
        super(tls, tap, answerInstead);
        this.tls = tls;
        this.key = key;
    }

    /** Whether the TLS handshake is over (or never started): until then a client has proved nothing. */
    public boolean tlsHandshakeDone() {
        SSLEngineResult.HandshakeStatus s = tls.getSSLEngine().getHandshakeStatus();
        return s == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || s == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /**
     * The library's TLS channel says it needs to write for as long as its handshake is unfinished (its own
     * FIXME): that keeps the selector polling it, which its handshake relies on (a step finished on the
     * task thread is picked up that way). But a client that connects and never sends its ClientHello then
     * keeps the selector spinning, more than a core, until it is dropped. So before the ClientHello (the
     * engine waits for the peer and has no handshake session yet) the answer is "no": the selector drops
     * its write interest, and the ClientHello's arrival (a read) starts the handshake; the server's write
     * watch sets the interest again whenever the handshake has something to write.
     */
    @Override
    public boolean isNeedWrite() {
        javax.net.ssl.SSLEngine engine = tls.getSSLEngine();
        boolean waitingForClientHello = engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP
                && engine.getHandshakeSession() == null;
        return !waitingForClientHello && tls.isNeedWrite();
    }

    @Override
    public void writeMore() throws IOException {
        tls.writeMore();
    }

    @Override
    public boolean isNeedRead() {
        return tls.isNeedRead();
    }

    /** Decrypted bytes the TLS channel read ahead: tapped like any other read. */
    @Override
    public int readMore(ByteBuffer dst) throws IOException {
        int start = dst.position();
        return afterRead(dst, start, tls.readMore(dst));
    }

    @Override
    public boolean isBlocking() {
        return tls.isBlocking();
    }
}
