package dev.duplex.net.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * RFC 7692 7.1's rules for answering and accepting, with offers as browsers and ws write them; and the compressor's
 * own round trip through the inflater, frame by frame (the cross-checks against other peers' zlib are in
 * {@code DeflateParamsAgainstNodeWsTest}).
 */
class DeflateNegotiationTest {
    private static DeflateParams typed(String s) throws DeflateParams.BadParams {
        return DeflateParams.typed(s);
    }

    @Test
    void chromiumsOfferIsAnsweredPlainlyOrWithTheWindowWeAsk() throws Exception {
        String chromium = "permessage-deflate; client_max_window_bits";
        DeflateNegotiation.Agreed plain = DeflateNegotiation.answer(chromium, DeflateParams.DEFAULT);
        assertEquals("permessage-deflate", plain.header());
        assertFalse(plain.noContext());
        assertEquals(15, plain.ownWindowBits());
        DeflateNegotiation.Agreed narrowed = DeflateNegotiation.answer(chromium, typed("client_max_window_bits=10; server_no_context_takeover"));
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10", narrowed.header());
        assertTrue(narrowed.noContext());
    }

    @Test
    void theServersWindowIsTheSmallerOfTheOfferAndOursAndOnlyAnsweredWhenOffered() throws Exception {
        assertEquals("permessage-deflate; server_max_window_bits=9",
                DeflateNegotiation.answer("permessage-deflate; server_max_window_bits=9", typed("server_max_window_bits=12")).header());
        DeflateNegotiation.Agreed ours = DeflateNegotiation.answer("permessage-deflate", typed("server_max_window_bits=12"));
        assertEquals("permessage-deflate", ours.header(), "not offered: not answered, but kept to");
        assertEquals(12, ours.ownWindowBits());
        assertEquals("permessage-deflate", DeflateNegotiation.answer("permessage-deflate", typed("client_max_window_bits=9")).header(),
                "a client that did not offer client_max_window_bits cannot be narrowed");
    }

    @Test
    void aBadOfferIsDeclinedAndTheNextOneTaken() {
        String offers = "permessage-deflate; server_max_window_bits=20, permessage-deflate; foo,"
                + " permessage-deflate; server_no_context_takeover; server_no_context_takeover,"
                + " permessage-deflate; server_max_window_bits, permessage-deflate; client_no_context_takeover";
        assertEquals("permessage-deflate; client_no_context_takeover", DeflateNegotiation.answer(offers, DeflateParams.DEFAULT).header());
        assertNull(DeflateNegotiation.answer("x-webkit-deflate-frame", DeflateParams.DEFAULT));
        assertNull(DeflateNegotiation.answer("", DeflateParams.DEFAULT));
        assertEquals("permessage-deflate; server_max_window_bits=10",
                DeflateNegotiation.answer("permessage-deflate; server_max_window_bits=\"10\"", DeflateParams.DEFAULT).header(),
                "a quoted value is the same value");
    }

    @Test
    void theClientOffersWhatWasAskedAndChecksTheAnswer() throws Exception {
        assertEquals("permessage-deflate; client_max_window_bits", DeflateNegotiation.offer(DeflateParams.DEFAULT));
        DeflateParams all = typed("server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=10");
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=10",
                DeflateNegotiation.offer(all));
        DeflateNegotiation.Agreed agreed = DeflateNegotiation.accept(
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=8", all);
        assertEquals(8, agreed.ownWindowBits());
        assertTrue(agreed.noContext(), "we asked for client_no_context_takeover ourselves");
        assertNull(DeflateNegotiation.accept("", DeflateParams.DEFAULT));
        assertThrows(DeflateNegotiation.BadAnswer.class, () -> DeflateNegotiation.accept("permessage-deflate; client_max_window_bits", DeflateParams.DEFAULT),
                "an answer's client_max_window_bits needs a value");
        assertThrows(DeflateNegotiation.BadAnswer.class, () -> DeflateNegotiation.accept("permessage-deflate; client_max_window_bits=12", typed("client_max_window_bits=10")));
        assertThrows(DeflateNegotiation.BadAnswer.class, () -> DeflateNegotiation.accept("permessage-deflate", all),
                "server_no_context_takeover asked and not answered");
        assertThrows(DeflateNegotiation.BadAnswer.class, () -> DeflateNegotiation.accept("permessage-deflate; mystery", DeflateParams.DEFAULT));
        assertThrows(DeflateNegotiation.BadAnswer.class, () -> DeflateNegotiation.accept("permessage-deflate, permessage-deflate", DeflateParams.DEFAULT));
    }

    @Test
    void typedParametersSayWhatIsWrong() {
        DeflateParams.BadParams e = assertThrows(DeflateParams.BadParams.class, () -> typed("server_max_window_bits=16"));
        assertEquals("server_max_window_bits=16 is not from 8 to 15", e.getMessage());
        assertEquals("unknown parameter zlib", assertThrows(DeflateParams.BadParams.class, () -> typed("zlib")).getMessage());
        assertEquals("client_no_context_takeover takes no value",
                assertThrows(DeflateParams.BadParams.class, () -> typed("client_no_context_takeover=1")).getMessage());
    }

    @Test
    void typedParametersReadAsTheHeaderWritesThem() throws Exception {
        assertEquals(DeflateParams.DEFAULT, typed(""));
        assertEquals(DeflateParams.DEFAULT, typed(null));
        assertEquals(new DeflateParams(true, false, 0, 10), typed("permessage-deflate; server_no_context_takeover, client_max_window_bits=10"));
    }

    /** Frames of every size, empty ones too, through both windows and both context modes, come back whole. */
    @Test
    void whatTheCompressorWritesTheInflaterReadsFrameByFrame() throws Exception {
        Random random = new Random(6455);
        for (int bits : new int[] {8, 9, 12, 15}) {
            for (boolean noContext : new boolean[] {false, true}) {
                WindowedDeflater deflater = new WindowedDeflater(bits, noContext);
                MessageInflater inflater = new MessageInflater();
                for (int m = 0; m < 12; m++) {
                    StringBuilder text = new StringBuilder();
                    int words = m % 5 == 2 ? 0 : random.nextInt(3000);
                    for (int i = 0; i < words; i++) text.append("w").append(random.nextInt(200)).append(' ');
                    byte[] message = text.toString().getBytes(StandardCharsets.UTF_8);
                    int frames = 1 + random.nextInt(4);
                    ByteArrayOutputStream back = new ByteArrayOutputStream();
                    for (int f = 0, at = 0; f < frames; f++) {
                        int end = f == frames - 1 ? message.length : Math.min(message.length, at + message.length / frames);
                        byte[] part = java.util.Arrays.copyOfRange(message, at, end);
                        at = end;
                        byte[] wire = deflater.frame(part, f == frames - 1);
                        inflater.feed(wire, 0, wire.length, back::write);
                        if (f == frames - 1) inflater.endMessage(back::write);
                    }
                    assertEquals(text.toString(), back.toString(StandardCharsets.UTF_8), bits + " bits, message " + m);
                }
            }
        }
    }
}
