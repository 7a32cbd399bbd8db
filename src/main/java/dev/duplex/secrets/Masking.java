package dev.duplex.secrets;

import java.net.URI;
import java.util.Set;

import dev.duplex.conversation.Conversation;
import dev.duplex.net.HandshakeRecord;

/**
 * Whether a view or a file shows the secrets of a handshake or masks them (see {@link Secrets}), and which
 * query parameters are secrets beyond the usual names (a query-string token helper's).
 *
 * @param reveal      show them as they are
 * @param alsoSecret  more query parameter names to mask, lower case
 */
public record Masking(boolean reveal, Set<String> alsoSecret) {
    /** The default of every view and file: masked. */
    public static final Masking MASKED = new Masking(false, Set.of());
    public static final Masking REVEALED = new Masking(true, Set.of());

    public Masking {
        alsoSecret = alsoSecret == null ? Set.of() : Set.copyOf(alsoSecret);
    }

    public HandshakeRecord record(HandshakeRecord r) {
        return reveal || r == null ? r : Secrets.masked(r, alsoSecret);
    }

    public String url(URI url) {
        return url == null ? "" : reveal ? url.toString() : Secrets.maskedTarget(url.toString(), alsoSecret);
    }

    public String target(String target) {
        return reveal || target == null ? target : Secrets.maskedTarget(target, alsoSecret);
    }

    /** A conversation as a file gets it: its URL and handshake masked, its frames as they are. */
    public Conversation conversation(Conversation c) {
        if (reveal) return c;
        Conversation.Handshake h = c.handshake() == null ? null
                : new Conversation.Handshake(c.handshake().at(), record(c.handshake().record()));
        URI url = c.url() == null ? null : URI.create(url(c.url()));
        return new Conversation(url, h, c.frames(), c.close());
    }
}
