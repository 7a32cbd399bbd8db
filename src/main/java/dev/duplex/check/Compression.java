package dev.duplex.check;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * permessage-deflate (RFC 7692) as the checker speaks it on one connection, with the JDK's raw deflate: a
 * message is compressed with a sync flush and its 00 00 ff ff tail cut off (7.2.1); a compressed message
 * got has the tail put back before it is inflated (7.2.2). Our side never keeps its context between messages
 * (every offer of ours says client_no_context_takeover). Not thread-safe; {@link #close()} frees the zlib memory.
 */
final class Compression implements AutoCloseable {
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    /**
     * What the server's 101 answer agreed to.
     *
     * @param serverNoContext the server resets its context after each message
     * @param serverBits      the server's LZ77 window, 8 to 15
     * @param clientBits      the window our side may use, 8 to 15
     */
    record Agreed(boolean serverNoContext, int serverBits, int clientBits) {
        /** The parameters as they read in a report. */
        String describe() {
            return "server_no_context_takeover " + (serverNoContext ? "yes" : "no") + ", server window "
                    + serverBits + " bits, client window " + clientBits + " bits";
        }
    }

    /** The server's answer is not a permessage-deflate response RFC 7692 allows for the offer. */
    static final class Refusal extends Exception {
        Refusal(String why) {
            super(why);
        }
    }

    /** One offer of ours: what it asks of the server's side (0: no server_max_window_bits). */
    record Offer(boolean serverNoContext, int serverBits) {
        String header() {
            return "permessage-deflate; client_no_context_takeover; client_max_window_bits"
                    + (serverNoContext ? "; server_no_context_takeover" : "")
                    + (serverBits > 0 ? "; server_max_window_bits=" + serverBits : "");
        }
    }

    private final Deflater deflater;
    private final Inflater inflater = new Inflater(true);
    private final Agreed agreed;

    Compression(Agreed agreed) {
        this.agreed = agreed;
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        // The JDK's Deflater always uses a 32 KiB window. With a smaller one agreed, Huffman coding only makes no
        // back-references at all, so that any window the server keeps can inflate it.
        if (agreed.clientBits() < 15) deflater.setStrategy(Deflater.HUFFMAN_ONLY);
    }

    Agreed agreed() {
        return agreed;
    }

    /**
     * Reads the server's Sec-WebSocket-Extensions answer against our offers: null when it took no
     * permessage-deflate, the parameters when it took one of the offers as RFC 7692 7.1 allows.
     */
    static Agreed agreed(String answer, java.util.List<Offer> offers) throws Refusal {
        if (answer == null || !answer.toLowerCase(Locale.ROOT).contains("permessage-deflate")) return null;
        if (answer.contains(",")) throw new Refusal("more than one extension in the answer: " + answer);
        String[] parts = answer.split(";");
        if (!parts[0].strip().equalsIgnoreCase("permessage-deflate")) throw new Refusal("an extension not offered: " + answer);
        boolean serverNoContext = false;
        int serverBits = 0;
        int clientBits = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : p.substring(eq + 1).strip().replace("\"", "");
            if (!seen.add(name)) throw new Refusal(name + " twice in the answer (RFC 7692 7.1)");
            switch (name) {
                case "server_no_context_takeover", "client_no_context_takeover" -> {
                    if (value != null) throw new Refusal(name + " with a value (RFC 7692 7.1.1)");
                    if (name.startsWith("server")) serverNoContext = true;
                }
                case "server_max_window_bits", "client_max_window_bits" -> {
                    int bits = bits(name, value);
                    if (name.startsWith("server")) serverBits = bits; else clientBits = bits;
                }
                default -> throw new Refusal("an unknown parameter " + name + " (RFC 7692 7.1)");
            }
        }
        for (Offer o : offers) {
            boolean takesNoContext = !o.serverNoContext() || serverNoContext;
            boolean takesBits = o.serverBits() == 0 || serverBits > 0 && serverBits <= o.serverBits();
            if (takesNoContext && takesBits) {
                return new Agreed(serverNoContext, serverBits == 0 ? 15 : serverBits, clientBits == 0 ? 15 : clientBits);
            }
        }
        throw new Refusal("the answer \"" + answer + "\" accepts none of the offers: an accepted offer's"
                + " server_no_context_takeover and server_max_window_bits must be in it (RFC 7692 7.1.1.1, 7.1.2.1)");
    }

    private static int bits(String name, String value) throws Refusal {
        try {
            int bits = Integer.parseInt(value == null ? "" : value);
            if (bits >= 8 && bits <= 15) return bits;
        } catch (NumberFormatException bad) {
            // said below
        }
        throw new Refusal(name + (value == null ? " without a value" : "=" + value) + " in the answer: it takes 8 to 15 (RFC 7692 7.1.2)");
    }

    /** A message compressed as one deflate block run, its 00 00 ff ff tail removed. */
    byte[] compress(byte[] message) {
        deflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 16);
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.reset();
        byte[] all = out.toByteArray();
        int cut = all.length >= 4 && all[all.length - 4] == 0 && all[all.length - 3] == 0
                && all[all.length - 2] == (byte) 0xff && all[all.length - 1] == (byte) 0xff ? all.length - 4 : all.length;
        return java.util.Arrays.copyOf(all, cut);
    }

    /**
     * A compressed message got, inflated with the tail put back; at most {@code limit} bytes of it (a server
     * that sends more is wrong anyway, and a bomb must not fill the heap).
     */
    byte[] decompress(byte[] payload, int limit) throws DataFormatException {
        byte[] in = java.util.Arrays.copyOf(payload, payload.length + TAIL.length);
        System.arraycopy(TAIL, 0, in, payload.length, TAIL.length);
        inflater.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 1 << 20) + 1);
        byte[] buffer = new byte[8192];
        while (out.size() <= limit) {
            int n = inflater.inflate(buffer);
            out.write(buffer, 0, n);
            if (n == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) break;
        }
        // A final block ends the server's stream: its next message starts a new one (7.2.3.3 allows it).
        if (inflater.finished() || agreed.serverNoContext()) inflater.reset();
        return out.toByteArray();
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
