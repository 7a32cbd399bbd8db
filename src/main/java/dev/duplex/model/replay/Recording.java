package dev.duplex.model.replay;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.conversation.ConversationFileException;
import dev.duplex.model.Notice;
import dev.duplex.replay.RecordedSession;

/**
 * A recording read for a replay: the file, the session in it (the first WebSocket connection of the file),
 * and how many connections the file held. Read off the FX thread; what keeps a file from being replayed is
 * a {@link Unreadable} with the words for it, the same as {@code duplex replay} says.
 */
record Recording(Path file, RecordedSession session, int connections) {

    /** Why a file cannot be replayed, as a notice for the tab. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Notice notice;

        Unreadable(Notice notice) {
            super(notice.key());
            this.notice = notice;
        }

        Notice notice() {
            return notice;
        }
    }

    /** Reads {@code file}; blocks on the disk. */
    static Recording read(Path file) throws Unreadable {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Conversation> found;
        try {
            found = ConversationFile.read(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable(Notice.of("replay.window.missingFile", name));
        } catch (ConversationFileException e) {
            throw new Unreadable(Notice.of("file.bad", name, e.line(), e.problem()));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(Notice.of("file.cannotRead", name, String.valueOf(e.getMessage())));
        }
        if (found.isEmpty()) throw new Unreadable(Notice.of("file.noWebSocket", name));
        try {
            return new Recording(file, RecordedSession.of(found.get(0)), found.size());
        } catch (RecordedSession.NothingToReplay e) {
            throw new Unreadable(Notice.of("replay.noClientMessages", name));
        }
    }
}
