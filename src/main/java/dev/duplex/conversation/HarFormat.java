package dev.duplex.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Conversations as HAR 1.2, the way Chrome DevTools saves a WebSocket ("Save all as HAR with content"): one
 * entry per connection, {@code "_resourceType": "websocket"}, the handshake as its request and response,
 * and the messages in {@code _webSocketMessages}, each {@code {"type": "send"|"receive", "time": seconds
 * since the epoch, "opcode": 1|2, "data": text, or base64 for binary}}. Such a file opens in DevTools, in
 * HAR viewers, and in Duplex again.
 *
 * <p>HAR keeps less than {@link JsonLinesFormat}, as Chrome does:
 * <ul>
 * <li>Messages, not frames. A fragmented message is exported whole, its fragments joined, at the time of
 *     its last frame (when it was complete, which is when a browser reports it); control frames (ping,
 *     pong, close) are left out, as Chrome lists none. A message compressed with permessage-deflate
 *     (RSV1) is exported inflated, as a browser shows it. See {@link Messages} for frames a browser would
 *     have refused. Invalid UTF-8 in a text message becomes U+FFFD, as data must be a string.
 * <li>Message times to the microsecond, as Chrome's; the entry's start to the millisecond.
 * <li>Importing makes one final, unmasked-looking frame per message: the HAR has no masking key, so
 *     {@code maskKey} is null for what was sent, though {@code wireLength} counts the 4 key bytes a
 *     browser puts on every frame it sends. A refused handshake's body and the close are not imported (the
 *     HAR has no close; Chrome's bodies of upgrades are empty).
 * <li>Opcode 1 is text, 2 is base64; any other opcode from 0 to 15 (Chrome writes none) is imported with
 *     its data as text, since there is no telling it was meant otherwise. Chrome's {@code "error"} entries
 *     (opcode -1, an error message as data) are not frames and are skipped.
 * </ul>
 *
 * <p>Reading takes every entry whose {@code _resourceType} is {@code "websocket"} or that has {@code
 * _webSocketMessages}, each as its own conversation, and passes over the rest (pages, documents, scripts,
 * their bodies) without reading their contents.
 *
 * <p>{@link HarWriter} writes, {@link HarReader} reads.
 */
public final class HarFormat {
    /** The file name extension, for save dialogs. */
    public static final String EXTENSION = "har";

    private HarFormat() { }

    /** Writes one conversation as a HAR with one entry to {@code out} (which stays open). */
    public static void write(Conversation conversation, OutputStream out) throws IOException {
        write(List.of(conversation), out);
    }

    /** Writes the conversations as a HAR with an entry each, in order, to {@code out} (which stays open). */
    public static void write(List<Conversation> conversations, OutputStream out) throws IOException {
        HarWriter.write(conversations, out);
    }

    /**
     * The WebSocket connections in a HAR (none when it holds none), read from {@code in} (which stays open).
     *
     * @throws ConversationFileException when the text is not a HAR, or a WebSocket entry in it is damaged: the
     *                              line and column, and what is wrong
     * @throws IOException          when {@code in} fails
     */
    public static List<Conversation> read(InputStream in) throws IOException, ConversationFileException {
        return HarReader.read(in);
    }
}
