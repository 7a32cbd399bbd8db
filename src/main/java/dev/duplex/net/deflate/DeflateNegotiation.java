package dev.duplex.net.deflate;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7692 7.1's negotiation, on either end: the server's answer to a client's offers, the client's offer and
 * its check of the server's answer. What comes out is how our own compressor must behave; our inflater needs no
 * terms, since a 32 KiB window that is never emptied reads any peer's stream.
 */
public final class DeflateNegotiation {
    private DeflateNegotiation() { }

    /**
     * What was agreed.
     *
     * @param header        the answer as the server sends it (on the client, as the server sent it)
     * @param noContext     our compressor empties its window after each message
     * @param ownWindowBits our compressor's window, 8 to 15 bits
     */
    public record Agreed(String header, boolean noContext, int ownWindowBits) { }

    /**
     * The server's answer to the first acceptable permessage-deflate offer, or null to decline them all. An offer
     * with an unknown, repeated or out-of-range parameter is declined (RFC 7692 7.1); so is one whose parameters
     * cannot be honoured. Every offered parameter is honoured: {@code server_no_context_takeover} and a
     * {@code server_max_window_bits} are answered, the latter with the smaller of the offer and ours.
     */
    public static Agreed answer(String offersHeader, DeflateParams ours) {
        for (ExtensionOffers.Offer offer : ExtensionOffers.parse(offersHeader)) {
            if (!offer.name().equals(DeflateParams.NAME)) continue;
            DeflateParams asked;
            try {
                asked = DeflateParams.of(offer, true);
            } catch (DeflateParams.BadParams e) {
                continue;
            }
            boolean clientBitsOffered = offer.params().containsKey(DeflateParams.CLIENT_MAX_WINDOW_BITS);
            boolean serverNoContext = asked.serverNoContextTakeover() || ours.serverNoContextTakeover();
            boolean clientNoContext = asked.clientNoContextTakeover() || ours.clientNoContextTakeover();
            int serverBits = 0;
            if (asked.serverMaxWindowBits() != 0) {
                serverBits = ours.serverMaxWindowBits() == 0 ? asked.serverMaxWindowBits()
                        : Math.min(asked.serverMaxWindowBits(), ours.serverMaxWindowBits());
            }
            // A client that did not offer client_max_window_bits cannot be told to use a smaller window.
            int clientBits = clientBitsOffered && ours.clientMaxWindowBits() != 0
                    ? Math.min(asked.clientMaxWindowBits(), ours.clientMaxWindowBits()) : 0;
            DeflateParams answered = new DeflateParams(serverNoContext, clientNoContext, serverBits, clientBits);
            // Unasked, our own window is still ours to narrow: any inflater reads a stream made with less.
            int own = serverBits != 0 ? serverBits : ours.serverMaxWindowBits() != 0 ? ours.serverMaxWindowBits() : 15;
            return new Agreed(answered.toString(), serverNoContext, own);
        }
        return null;
    }

    /**
     * The client's offer: our parameters, and always {@code client_max_window_bits} so that the server may narrow
     * our window (our compressor can), as browsers offer it.
     */
    public static String offer(DeflateParams ours) {
        List<String> parts = new ArrayList<>();
        parts.add(DeflateParams.NAME);
        if (ours.serverNoContextTakeover()) parts.add(DeflateParams.SERVER_NO_CONTEXT_TAKEOVER);
        if (ours.clientNoContextTakeover()) parts.add(DeflateParams.CLIENT_NO_CONTEXT_TAKEOVER);
        if (ours.serverMaxWindowBits() != 0) parts.add(DeflateParams.SERVER_MAX_WINDOW_BITS + "=" + ours.serverMaxWindowBits());
        parts.add(DeflateParams.CLIENT_MAX_WINDOW_BITS + (ours.clientMaxWindowBits() != 0 ? "=" + ours.clientMaxWindowBits() : ""));
        return String.join("; ", parts);
    }

    /** A server's answer that breaks RFC 7692 7.1; the message says how. */
    public static final class BadAnswer extends Exception {
        BadAnswer(String why) {
            super(why);
        }
    }

    /**
     * The terms of the server's permessage-deflate answer to {@link #offer}, or null when it answered none.
     *
     * @throws BadAnswer when the answer is not one RFC 7692 lets a client accept
     */
    public static Agreed accept(String answerHeader, DeflateParams ours) throws BadAnswer {
        List<ExtensionOffers.Offer> deflates = ExtensionOffers.parse(answerHeader).stream()
                .filter(o -> o.name().equals(DeflateParams.NAME)).toList();
        if (deflates.isEmpty()) return null;
        if (deflates.size() > 1) throw new BadAnswer("permessage-deflate answered twice");
        ExtensionOffers.Offer offer = deflates.get(0);
        DeflateParams answered;
        try {
            answered = DeflateParams.of(offer, false);
        } catch (DeflateParams.BadParams e) {
            throw new BadAnswer(e.getMessage());
        }
        if (ours.serverNoContextTakeover() && !answered.serverNoContextTakeover()) {
            throw new BadAnswer("server_no_context_takeover was offered but not answered");
        }
        if (ours.serverMaxWindowBits() != 0 && (answered.serverMaxWindowBits() == 0
                || answered.serverMaxWindowBits() > ours.serverMaxWindowBits())) {
            throw new BadAnswer("server_max_window_bits=" + ours.serverMaxWindowBits() + " was offered but "
                    + (answered.serverMaxWindowBits() == 0 ? "not answered" : "answered " + answered.serverMaxWindowBits()));
        }
        int limit = ours.clientMaxWindowBits() != 0 ? ours.clientMaxWindowBits() : 15;
        if (answered.clientMaxWindowBits() > limit) {
            throw new BadAnswer("client_max_window_bits=" + answered.clientMaxWindowBits() + " is more than the " + limit + " offered");
        }
        int own = answered.clientMaxWindowBits() != 0 ? answered.clientMaxWindowBits() : limit;
        return new Agreed(answerHeader.strip(), answered.clientNoContextTakeover() || ours.clientNoContextTakeover(), own);
    }
}
