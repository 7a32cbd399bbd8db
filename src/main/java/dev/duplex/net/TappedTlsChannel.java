package dev.duplex.net;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngineResult;

import org.java_websocket.SSLSocketChannel2;
import org.java_websocket.WrappedByteChannel;

/**
 * The wire tap of a wss:// connection: it sits above the library's TLS channel, so the handshake view and
 * the frame inspector see the same plain bytes as on ws://. It passes on the library's extra calls for
 * TLS (bytes decrypted ahead, bytes left to write).
 */
final class TappedTlsChannel extends TappedChannel implements WrappedByteChannel {
    private final SSLSocketChannel2 tls;

    TappedTlsChannel(SSLSocketChannel2 tls, WireTap tap) {
        super(tls, tap);
        this.tls = tls;
    }

    /** Whether the TLS handshake is over (or never started): until then a client has proved nothing. */
    boolean tlsHandshakeDone() {
        SSLEngineResult.HandshakeStatus s = tls.getSSLEngine().getHandshakeStatus();
        return s == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || s == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    @Override
    public boolean isNeedWrite() {
        return tls.isNeedWrite();
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
