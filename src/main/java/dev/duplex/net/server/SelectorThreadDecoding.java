package dev.duplex.net.server;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft_6455;

/**
 * Decodes what a connection read on the selector thread that read it, as Node's one loop does, instead of
 * handing it to one of Java-WebSocket's decoder threads. The library's way costs two wake-ups of a parked
 * thread per echo (selector to decoder, decoder back to the selector to write), and on this project's
 * 2-core machine those wake-ups were most of an echo's round trip. Here the echo is queued on the selector
 * thread itself, which writes it on its next turn without sleeping.
 *
 * <p>The read buffer still belongs to the library's pool, and only a decoder thread can give it back (the
 * pool is private). So the buffer, once decoded, rides to a decoder on a {@link BufferCarrier}, a
 * connection that decodes nothing: the decoder's usual "decode, then return the buffer" returns it, off
 * the echo's path.
 *
 * <p>Used from a server's {@code queue(WebSocketImpl)}, the library's protected hook between read and
 * decode; the hand-off to a decoder is that server's {@code super.queue}.
 */
public final class SelectorThreadDecoding {
    /** The server's {@code super.queue}: gives a connection with a buffer waiting to a decoder thread. */
    public interface ToDecoder {
        void queue(WebSocketImpl conn) throws InterruptedException;
    }

    private final BufferCarrier carrier;
    private final BiConsumer<WebSocketImpl, RuntimeException> failed;

    /**
     * @param server the server whose pool the buffers go back to
     * @param failed what to do when decoding one connection's bytes threw: said and that connection
     *               closed, where the library's decoder only logged it; the other connections go on
     */
    public SelectorThreadDecoding(WebSocketListener server, BiConsumer<WebSocketImpl, RuntimeException> failed) {
        this.carrier = new BufferCarrier(server);
        this.failed = failed;
    }

    /** Decodes the buffer {@code conn} just read, here, then sends the buffer back to the pool. */
    public void decode(WebSocketImpl conn, ToDecoder toDecoder) throws InterruptedException {
        ByteBuffer read = conn.inQueue.poll();
        if (read == null) return;
        try {
            conn.decode(read);
        } catch (RuntimeException e) {
            failed.accept(conn, e);
        } finally {
            carrier.inQueue.put(read);
            toDecoder.queue(carrier);
        }
    }

    /** Not a connection: what a decoder "decodes" from it is a spent buffer, which it then gives back. */
    private static final class BufferCarrier extends WebSocketImpl {
        BufferCarrier(WebSocketListener server) {
            super(server, new Draft_6455());
        }

        @Override
        public void decode(ByteBuffer spent) {
            // nothing: it was decoded on the selector thread; the decoder returns it to the pool next
        }
    }
}
