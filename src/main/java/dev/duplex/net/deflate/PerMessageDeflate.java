package dev.duplex.net.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.extensions.CompressionExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.ControlFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;

/**
 * permessage-deflate (RFC 7692) for the library's draft, on the server or the client, with all four of its
 * parameters. The library's own extension (1.6.0) always answers {@code server_no_context_takeover}, ignores the
 * server's answer on the client, and accepts window sizes it cannot keep; this one negotiates as
 * {@link DeflateNegotiation} does and compresses within what was agreed ({@link WindowedDeflater}). Every data
 * message is compressed, small ones too: a workbench shows what deflate does to each.
 */
public final class PerMessageDeflate extends CompressionExtension {
    private final boolean server;
    private final DeflateParams ours;
    private final int maxMessage;

    private DeflateNegotiation.Agreed agreed;
    private String refusal;
    private WindowedDeflater deflater;
    private final MessageInflater inflater = new MessageInflater();
    private long inflatedSoFar;

    /**
     * @param server     whether we answer offers (else we make one)
     * @param ours       what we ask
     * @param maxMessage the largest message accepted once inflated; a larger one closes with 1009
     */
    public PerMessageDeflate(boolean server, DeflateParams ours, int maxMessage) {
        this.server = server;
        this.ours = ours;
        this.maxMessage = maxMessage;
    }

    @Override
    public boolean acceptProvidedExtensionAsServer(String offers) {
        agreed = server ? DeflateNegotiation.answer(offers, ours) : null;
        return agreed != null;
    }

    @Override
    public String getProvidedExtensionAsServer() {
        return agreed == null ? "" : agreed.header();
    }

    @Override
    public String getProvidedExtensionAsClient() {
        return server ? "" : DeflateNegotiation.offer(ours);
    }

    @Override
    public boolean acceptProvidedExtensionAsClient(String answer) {
        if (server) return false;
        try {
            agreed = DeflateNegotiation.accept(answer, ours);
        } catch (DeflateNegotiation.BadAnswer e) {
            refusal = e.getMessage();
            agreed = null;
        }
        return agreed != null;
    }

    /** On the client: why the server's permessage-deflate answer was refused, or null. */
    public String refusal() {
        return refusal;
    }

    /** What was agreed, or null before the handshake or when declined. */
    public DeflateNegotiation.Agreed agreed() {
        return agreed;
    }

    @Override
    public void isFrameValid(Framedata frame) throws InvalidDataException {
        // RFC 7692 6: RSV1 marks a message's first frame only; RSV2 and RSV3 mean nothing here.
        if (frame.isRSV2() || frame.isRSV3() || (frame.isRSV1() && (frame instanceof ControlFrame || frame instanceof ContinuousFrame))) {
            throw new InvalidFrameException("RSV bits " + (frame.isRSV1() ? 1 : 0) + (frame.isRSV2() ? 1 : 0)
                    + (frame.isRSV3() ? 1 : 0) + " on a " + frame.getOpcode() + " frame");
        }
    }

    @Override
    public void decodeFrame(Framedata frame) throws InvalidDataException {
        // The draft hands us the frames of a message whose first frame had RSV1 set, and nothing else.
        if (!(frame instanceof DataFrame)) return;
        if (!(frame instanceof ContinuousFrame)) inflatedSoFar = 0;
        ByteBuffer in = frame.getPayloadData();
        byte[] compressed = new byte[in.remaining()];
        in.duplicate().get(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3 + 16);
        MessageInflater.Output sink = (b, off, len) -> {
            inflatedSoFar += len;
            if (inflatedSoFar > maxMessage) throw new DataFormatException("over " + maxMessage + " bytes inflated");
            out.write(b, off, len);
        };
        try {
            inflater.feed(compressed, 0, compressed.length, sink);
            if (frame.isFin()) inflater.endMessage(sink);
        } catch (DataFormatException e) {
            boolean tooBig = inflatedSoFar > maxMessage;
            throw new InvalidDataException(tooBig ? CloseFrame.TOOBIG : CloseFrame.PROTOCOL_ERROR,
                    "permessage-deflate: " + e.getMessage());
        }
        FramedataImpl1 f = (FramedataImpl1) frame;
        f.setPayload(ByteBuffer.wrap(out.toByteArray()));
        f.setRSV1(false);
    }

    @Override
    public void encodeFrame(Framedata frame) {
        if (!(frame instanceof DataFrame) || agreed == null) return;
        if (deflater == null) deflater = new WindowedDeflater(agreed.ownWindowBits(), agreed.noContext());
        ByteBuffer in = frame.getPayloadData();
        byte[] plain = new byte[in.remaining()];
        in.duplicate().get(plain);
        FramedataImpl1 f = (FramedataImpl1) frame;
        f.setPayload(ByteBuffer.wrap(deflater.frame(plain, frame.isFin())));
        if (!(frame instanceof ContinuousFrame)) f.setRSV1(true);
    }

    @Override
    public IExtension copyInstance() {
        // The library copies the draft's extensions for each connection: each has its own compressor.
        return new PerMessageDeflate(server, ours, maxMessage);
    }

    @Override
    public void reset() {
        // The draft resets at close, and then stops using this instance: what was agreed may stay readable.
    }

    @Override
    public String toString() {
        return agreed == null ? DeflateParams.NAME : agreed.header();
    }
}
