package dev.duplex.net.proxy;

import dev.duplex.net.wire.TappedChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.java_websocket.WrappedByteChannel;

/**
 * Keeps a client's upgrade request away from the library until the upstream has answered it.
 *
 * <p>Why: Java-WebSocket's server answers an upgrade inside {@code onWebsocketHandshakeReceivedAsServer},
 * on the worker thread that decodes that connection (and, round robin, others' too), and the answer must
 * carry the subprotocol the upstream chose, or be a refusal when the upstream refused. Waiting there for
 * the upstream would stall every other client of that worker for as long as the upstream takes (up to the
 * connect timeout, and again for its handshake). So the request is not handed to the library at all until
 * then: reads of this channel take the bytes off the socket and keep them (the library sees 0 bytes, and
 * its selector goes on serving everyone else), the complete head is given to {@link #onHead}, which starts
 * the upstream connection, and {@link #release} later hands the kept bytes to the library, which then
 * decodes the request and answers at once, with nothing left to wait for. No thread waits on the
 * upstream at any point.
 *
 * <p>On a wss:// client leg the channel under it is the TLS one; the library's extra calls for TLS (bytes
 * decrypted ahead, bytes left to write) pass through, and bytes decrypted ahead are held like the rest.
 */
final class HeldRequestChannel implements WrappedByteChannel {
    /** A request head longer than this is handed on as it is, for the library to refuse. */
    private static final int MAX_HEAD = 64 * 1024;

    private final TappedChannel channel;
    private final Consumer<byte[]> onHead;
    private final Consumer<byte[]> deliver;
    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean headSeen;
    private boolean released;

    /**
     * @param channel the socket (through the client leg's wire tap, which sees the request as it is read)
     * @param onHead  given the bytes read so far once they hold the whole request head; on the selector thread
     * @param deliver hands bytes to the library's decoding of this connection, as if just read
     */
    HeldRequestChannel(TappedChannel channel, Consumer<byte[]> onHead, Consumer<byte[]> deliver) {
        this.channel = channel;
        this.onHead = onHead;
        this.deliver = deliver;
    }

    /** The wire tap under this channel, which can put a refusal in place of the library's answer. */
    TappedChannel tapped() {
        return channel;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (released) return channel.read(dst);
        return hold(channel::read, dst.remaining());
    }

    /** The library asks for what a TLS channel decrypted ahead: held as any read until the release. */
    @Override
    public synchronized int readMore(ByteBuffer dst) throws IOException {
        if (!(channel instanceof WrappedByteChannel tls)) return 0;
        if (released) return tls.readMore(dst);
        return hold(tls::readMore, dst.remaining());
    }

    private interface Reader {
        int read(ByteBuffer into) throws IOException;
    }

    /** Reads into the kept bytes instead of the library's buffer, and says "nothing read" to the library. */
    private int hold(Reader reader, int room) throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(Math.max(1024, room));
        int n = reader.read(scratch);
        if (n < 0) return -1; // the client left while its request was held: the library ends the connection
        if (n > 0) {
            held.write(scratch.array(), 0, n);
            if (!headSeen && (headComplete() || held.size() > MAX_HEAD)) {
                headSeen = true;
                onHead.accept(held.toByteArray());
            }
        }
        return 0;
    }

    // A wss:// client leg: the library's extra calls for TLS go to the TLS channel under the tap.

    @Override
    public boolean isNeedWrite() {
        return channel instanceof WrappedByteChannel tls && tls.isNeedWrite();
    }

    @Override
    public void writeMore() throws IOException {
        if (channel instanceof WrappedByteChannel tls) tls.writeMore();
    }

    @Override
    public boolean isNeedRead() {
        return channel instanceof WrappedByteChannel tls && tls.isNeedRead();
    }

    @Override
    public boolean isBlocking() {
        return channel instanceof WrappedByteChannel tls && tls.isBlocking();
    }

    /** Whether the whole request head has come; until then the client may be dropped for taking too long. */
    synchronized boolean headSeen() {
        return headSeen;
    }

    /**
     * Hands the kept bytes to the library and lets every later read through. Under the channel's lock, so
     * that bytes the selector reads meanwhile are either kept and handed on here, or read after these.
     */
    synchronized void release() {
        if (released) return;
        released = true;
        byte[] bytes = held.toByteArray();
        held = null;
        if (bytes.length > 0) deliver.accept(bytes);
    }

    private boolean headComplete() {
        byte[] b = held.toByteArray();
        for (int i = 3; i < b.length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') return true;
        }
        return false;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
