package dev.duplex.net.deflate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one end asks of permessage-deflate (RFC 7692 7.1), the same four parameters on either end. On the server
 * they shape the answer to a client's offer; on the client, the offer.
 *
 * @param serverNoContextTakeover the server starts each message with an empty window
 * @param clientNoContextTakeover the client starts each message with an empty window
 * @param serverMaxWindowBits     the server's window, 8 to 15 bits, or 0 for none asked (32 KiB)
 * @param clientMaxWindowBits     the client's window, 8 to 15 bits, or 0 for none asked (32 KiB)
 */
public record DeflateParams(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
        int serverMaxWindowBits, int clientMaxWindowBits) {

    public static final String NAME = "permessage-deflate";
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    public static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    public static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** Nothing asked: both windows of 32 KiB, kept from message to message (what browsers offer). */
    public static final DeflateParams DEFAULT = new DeflateParams(false, false, 0, 0);

    public DeflateParams {
        if (serverMaxWindowBits != 0 && !inRange(serverMaxWindowBits)) throw new IllegalArgumentException("server window bits");
        if (clientMaxWindowBits != 0 && !inRange(clientMaxWindowBits)) throw new IllegalArgumentException("client window bits");
    }

    static boolean inRange(int bits) {
        return bits >= 8 && bits <= 15;
    }

    /** A parameter list that is not RFC 7692's: the detail says which parameter and why, in plain words. */
    public static final class BadParams extends Exception {
        BadParams(String why) {
            super(why);
        }
    }

    /**
     * The parameters a person typed, as in the header: {@code server_no_context_takeover; client_max_window_bits=10}
     * (commas work as semicolons, and a leading {@code permessage-deflate} is allowed). Empty is {@link #DEFAULT}.
     */
    public static DeflateParams typed(String text) throws BadParams {
        String t = text == null ? "" : text.strip().replace(',', ';');
        if (t.regionMatches(true, 0, NAME, 0, NAME.length())) t = t.substring(NAME.length());
        ExtensionOffers.Offer offer = ExtensionOffers.parse(NAME + (t.isBlank() ? "" : t.startsWith(";") ? t : "; " + t)).get(0);
        return of(offer, true);
    }

    /**
     * The parameters of one offer or answer, checked as RFC 7692 7.1 asks: known names only, each once, window
     * bits from 8 to 15, and the no-context parameters without a value.
     *
     * @param bareClientBits whether {@code client_max_window_bits} may come without a value (in an offer it may)
     */
    static DeflateParams of(ExtensionOffers.Offer offer, boolean bareClientBits) throws BadParams {
        if (offer.duplicated() != null) throw new BadParams(offer.duplicated() + " is given twice");
        boolean snct = false;
        boolean cnct = false;
        int smwb = 0;
        int cmwb = 0;
        for (Map.Entry<String, String> p : offer.params().entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER -> {
                    if (value != null) throw new BadParams(p.getKey() + " takes no value");
                    if (p.getKey().equals(SERVER_NO_CONTEXT_TAKEOVER)) snct = true; else cnct = true;
                }
                case SERVER_MAX_WINDOW_BITS -> smwb = bits(p.getKey(), value, false);
                case CLIENT_MAX_WINDOW_BITS -> cmwb = bits(p.getKey(), value, bareClientBits);
                default -> throw new BadParams("unknown parameter " + p.getKey());
            }
        }
        return new DeflateParams(snct, cnct, smwb, cmwb);
    }

    /** Bare {@code client_max_window_bits} in an offer reads as 15: "I can limit my window if you ask". */
    private static int bits(String name, String value, boolean bareAllowed) throws BadParams {
        if (value == null) {
            if (bareAllowed) return 15;
            throw new BadParams(name + " needs a value from 8 to 15");
        }
        if (!value.matches("[0-9]{1,2}") || !inRange(Integer.parseInt(value))) {
            throw new BadParams(name + "=" + value + " is not from 8 to 15");
        }
        return Integer.parseInt(value);
    }

    /** The parameters as a header writes them after the name ({@code ; a; b=10}), empty for none. */
    public String parameters() {
        List<String> out = new ArrayList<>();
        if (serverNoContextTakeover) out.add(SERVER_NO_CONTEXT_TAKEOVER);
        if (clientNoContextTakeover) out.add(CLIENT_NO_CONTEXT_TAKEOVER);
        if (serverMaxWindowBits != 0) out.add(SERVER_MAX_WINDOW_BITS + "=" + serverMaxWindowBits);
        if (clientMaxWindowBits != 0) out.add(CLIENT_MAX_WINDOW_BITS + "=" + clientMaxWindowBits);
        return String.join("; ", out);
    }

    @Override
    public String toString() {
        return parameters().isEmpty() ? NAME : NAME + "; " + parameters();
    }
}
