package dev.duplex.net.wire;

import dev.duplex.net.HandshakeRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.function.Function;
import java.util.function.Predicate;

import org.java_websocket.WebSocket;

/**
 * The server side's wire tap: a socket channel that passes every byte Java-WebSocket reads or writes
 * past a {@link WireTap}. It can also put a chosen HTTP answer in place of the library's refusal (the
 * library only knows how to refuse with 404): the server decides which, the channel only sends it.
 */
public class TappedChannel implements ByteChannel {
    /** The socket, or for wss:// the library's TLS channel over it: the tap then sees the plain bytes. */
    private final ByteChannel channel;
    private final WireTap tap;
    /**
     * Asked once, at the library's first write (its answer to the upgrade), with the request as the tap
     * read it: the bytes to send instead, or null to let the library's answer go.
     */
    private final Function<HandshakeRecord, byte[]> answerInstead;
    private volatile ByteBuffer replacement;
    /** The connection these bytes belong to, to close it when a frame breaks the protocol. */
    private volatile WebSocket connection;
    private volatile Predicate<WebSocket> closable = WebSocket::isOpen;
    /** Set by a check of the frames just read: the close it calls for. */
    private volatile Violation violation;

    /** A frame that RFC 6455 says ends the connection, and with which close code. */
    private record Violation(int code, String reason) { }

    /** @param answerInstead see {@link #answerInstead}; null: the library's answers always go */
    public TappedChannel(ByteChannel channel, WireTap tap, Function<HandshakeRecord, byte[]> answerInstead) {
        this.channel = channel;
        this.tap = tap;
        this.answerInstead = answerInstead;
    }

    public void attach(WebSocket conn) {
        attach(conn, WebSocket::isOpen);
    }

    /**
     * @param closable whether a close of {@code conn} now would be seen through: by default that it is
     *                 open; a server that announces its connections says when it has announced this one
     */
    public void attach(WebSocket conn, Predicate<WebSocket> closable) {
        this.closable = closable;
        this.connection = conn;
    }

    /** Called (on the reading thread) by a check of the frames: the bytes being read are not handed on. */
    public void violated(int code, String reason) {
        if (violation == null) violation = new Violation(code, reason);
    }

    /** The next write (the library's own refusal) is replaced by these bytes. */
    public void replaceNextWrite(byte[] bytes) {
        replacement = ByteBuffer.wrap(bytes);
    }

    /**
     * Reads, shows the bytes to the tap, and hands them to the library unless a frame in them breaks the
     * protocol in a way the library would let pass (an unmasked client frame, a close reason that is not
     * UTF-8): then they are withheld and the connection is closed with the code RFC 6455 asks for.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (violation != null) {
            // After a violation nothing more reaches the library; the peer's close answer is read and dropped.
            ByteBuffer scratch = ByteBuffer.allocate(4096);
            return channel.read(scratch) < 0 ? -1 : 0;
        }
        int start = dst.position();
        return afterRead(dst, start, channel.read(dst));
    }

    /** Shows what was just read to the tap, and withholds it if it broke the protocol. */
    int afterRead(ByteBuffer dst, int start, int n) {
        if (n > 0) feed(dst, start, n, true);
        Violation v = violation;
        if (v != null) {
            dst.position(start);
            closeWhenOpen(v, 0);
            return 0;
        }
        return n;
    }

    /**
     * Closes with the violation's code once the connection can be closed for everyone to see: a frame
     * can arrive right behind the handshake, before the library has marked the connection open and its
     * server has announced it, and a close then would be lost, or never reported (and the library would
     * keep the connection as a client for ever).
     */
    private void closeWhenOpen(Violation v, int attempt) {
        WebSocket conn = connection;
        if (conn == null) return;
        if (closable.test(conn) || attempt >= 200) {
            conn.close(v.code(), v.reason());
            return;
        }
        java.util.concurrent.CompletableFuture.runAsync(() -> closeWhenOpen(v, attempt + 1),
                java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!answered) {
            answered = true;
            if (replacement == null && answerInstead != null) {
                byte[] instead = answerInstead.apply(tap.handshake());
                if (instead != null) replacement = ByteBuffer.wrap(instead);
            }
        }
        int written = writeOrReplace(src);
        if (!upgraded) {
            int status = tap.handshake().status();
            // Once the answer said 101 it cannot say anything else: every later write (each echo) skips
            // reading the handshake back, which cost more than the write itself.
            upgraded = status == 101;
            if (!src.hasRemaining() && status > 0 && status != 101) {
                // A refused upgrade ends here; the library would keep the socket until the handshake timeout.
                channel.close();
            }
        }
        return written;
    }

    /** Whether the first write (the answer to the upgrade) has gone out. */
    private boolean answered;
    /** Whether the answer written was 101 Switching Protocols: from then on only frames are written. */
    private boolean upgraded;

    private int writeOrReplace(ByteBuffer src) throws IOException {
        ByteBuffer instead = replacement;
        if (instead != null) {
            replacement = null;
            int start = instead.position();
            // A refusal is a few hundred bytes on a fresh connection: the socket buffer takes it whole.
            while (instead.hasRemaining()) {
                if (channel.write(instead) == 0) Thread.onSpinWait();
            }
            feed(instead, start, instead.position() - start, false);
            int skipped = src.remaining();
            src.position(src.limit());
            return skipped;
        }
        int start = src.position();
        channel.write(src);
        // Count what left src, not what write returns: over wss:// the channel is the library's
        // SSLSocketChannel2, whose write returns the bytes put on the wire (the plain bytes plus each TLS
        // record's header and tag). Fed that count, the tap read past the plain bytes, failed, and the
        // connection went deaf after the 101: every later read was withheld as a "violation".
        int n = src.position() - start;
        if (n > 0) feed(src, start, n, false);
        // A tap that failed on what we wrote ends the connection now, as one that failed on a read does;
        // otherwise the connection would stay open but deaf (every later read withheld).
        Violation v = violation;
        if (v != null) closeWhenOpen(v, 0);
        return n;
    }

    /**
     * Shows bytes to the tap. Nothing the tap does may throw into the library's selector thread (the
     * library would stop serving everyone): a failure of the tap fails this connection only.
     */
    private void feed(ByteBuffer buffer, int start, int length, boolean inbound) {
        try {
            feedTap(buffer, start, length, inbound);
        } catch (RuntimeException e) {
            violated(1011, "Duplex could not follow this connection: " + e);
        }
    }

    private void feedTap(ByteBuffer buffer, int start, int length, boolean inbound) {
        byte[] bytes;
        int offset;
        if (buffer.hasArray()) {
            // The library's buffers are heap buffers: read them in place, no copy.
            bytes = buffer.array();
            offset = buffer.arrayOffset() + start;
        } else {
            bytes = new byte[length];
            offset = 0;
            buffer.duplicate().position(start).get(bytes);
        }
        if (inbound) tap.inbound(bytes, offset, length);
        else tap.outbound(bytes, offset, length);
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
