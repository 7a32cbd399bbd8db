package dev.duplex.conversation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A conversation file on disk, of either format, told apart by its name as the save dialogs name them:
 * {@code .har} is HAR (ours, or a browser's), anything else JSON Lines. The window's File menu and
 * {@code duplex replay} read through here, so both take the same files.
 */
public final class ConversationFile {
    private ConversationFile() { }

    /** Whether this file is read (and written) as HAR. */
    public static boolean isHar(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + HarFormat.EXTENSION);
    }

    /**
     * The connections in the file, in order: every WebSocket entry of a HAR (none when it holds none), or the
     * one conversation of a JSON Lines file.
     *
     * @throws ConversationFileException when the file is not one Duplex can read: the line, and what is wrong
     * @throws IOException               when the file cannot be read (missing, a directory, no permission)
     */
    public static List<Conversation> read(Path file) throws IOException, ConversationFileException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return isHar(file) ? HarFormat.read(in) : List.of(JsonLinesFormat.read(in));
        }
    }
}
