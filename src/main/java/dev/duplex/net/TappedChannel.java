package dev.duplex.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;

/**
 * The server side's wire tap: a socket channel that passes every byte Java-WebSocket reads or writes
 * past a {@link WireTap}. It can also put a chosen HTTP answer in place of the library's refusal (the
 * library only knows how to refuse with 404).
 */
final class TappedChannel implements ByteChannel {
    private final SocketChannel channel;
    final WireTap tap;
    private volatile ByteBuffer replacement;

    TappedChannel(SocketChannel channel, WireTap tap) {
        this.channel = channel;
        this.tap = tap;
    }

    /** The next write (the library's own refusal) is replaced by these bytes. */
    void replaceNextWrite(byte[] bytes) {
        replacement = ByteBuffer.wrap(bytes);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = channel.read(dst);
        if (n > 0) feed(dst, start, n, true);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
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
        int n = channel.write(src);
        if (n > 0) feed(src, start, n, false);
        return n;
    }

    private void feed(ByteBuffer buffer, int start, int length, boolean inbound) {
        byte[] copy = new byte[length];
        ByteBuffer view = buffer.duplicate();
        view.position(start);
        view.get(copy);
        if (inbound) tap.inbound(copy, 0, length);
        else tap.outbound(copy, 0, length);
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
