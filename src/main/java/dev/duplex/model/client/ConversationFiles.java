package dev.duplex.model.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.conversation.ConversationFileException;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.files.AtomicFiles;
import dev.duplex.model.Background;
import dev.duplex.model.LogBuffer;
import dev.duplex.model.Notice;
import dev.duplex.model.WireLog;
import dev.duplex.net.WsEvent;

/**
 * A client tab's conversation on disk: saved as JSON Lines or HAR (chosen by the file's name), the log
 * saved as text, and a file of either format (a browser's HAR too) opened into the Frames and Handshake
 * views. Files are read and written off the FX thread, and written atomically; the tab's notice says how
 * it went.
 */
final class ConversationFiles {
    private final LogBuffer log;
    private final WireLog wire;
    private final Background io;
    private final Consumer<Notice> notice;
    private final BooleanSupplier disconnected;
    /** Whether a saved file keeps the handshake's secrets; unticked (masked) unless the user says so. */
    private final javafx.beans.property.BooleanProperty includeSecrets =
            new javafx.beans.property.SimpleBooleanProperty(this, "includeSecrets", false);
    /** More query parameters to mask: the tab's query-token helper's. */
    private java.util.function.Supplier<java.util.Set<String>> secretParams = java.util.Set::of;

    ConversationFiles(LogBuffer log, WireLog wire, Background io, Consumer<Notice> notice, BooleanSupplier disconnected) {
        this.log = log;
        this.wire = wire;
        this.io = io;
        this.notice = notice;
        this.disconnected = disconnected;
    }

    javafx.beans.property.BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    void secretParams(java.util.function.Supplier<java.util.Set<String>> params) {
        secretParams = params;
    }

    /** Saves the conversation (handshake, every frame with its time, the close): HAR for .har, else JSON Lines. */
    void save(Path file) {
        Conversation c;
        try {
            c = current();
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null) {
            notice.accept(Notice.of("file.nothing"));
            return;
        }
        Conversation conversation = new dev.duplex.secrets.Masking(includeSecrets.get(), secretParams.get()).conversation(c);
        boolean har = ConversationFile.isHar(file);
        write(file, out -> {
            if (har) HarFormat.write(conversation, out);
            else JsonLinesFormat.write(conversation, out);
        }, Notice.of("file.saved", conversation.frames().size(), file.getFileName().toString()));
    }

    /** Saves lines of text (the log as shown). */
    void saveText(Path file, List<String> lines) {
        write(file, AtomicFiles.lines(lines), Notice.of("file.savedLog", lines.size(), file.getFileName().toString()));
    }

    /** Opens a conversation file into the views; only while disconnected, as a live connection owns them. */
    void open(Path file) {
        if (!disconnected.getAsBoolean()) {
            notice.accept(Notice.of("file.disconnectFirst"));
            return;
        }
        String name = file.getFileName().toString();
        io.call(() -> {
            return ConversationFile.read(file);
        }, found -> {
            if (found.isEmpty()) {
                notice.accept(Notice.of("file.noWebSocket", name));
                return;
            }
            Conversation first = found.get(0);
            show(first);
            notice.accept(Notice.of(found.size() > 1 ? "file.openedFirst" : "file.opened",
                    first.frames().size(), first.url().toString(), found.size()));
        }, e -> notice.accept(e instanceof ConversationFileException bad
                ? Notice.of("file.bad", name, bad.line(), bad.problem())
                : Notice.of("file.cannotRead", name, String.valueOf(e.getMessage()))));
    }

    /**
     * The conversation as it stands: the last handshake, every frame the frame view holds (the newest, up
     * to the log limit), and how the last connection ended; null when there is nothing yet.
     */
    private Conversation current() {
        List<WsEvent> events = new ArrayList<>();
        WsEvent.Opened opened = null;
        WsEvent.Closed closed = null;
        for (WsEvent e : log.events()) {
            if (e instanceof WsEvent.Opened o) {
                opened = o;
                closed = null;
            } else if (e instanceof WsEvent.Closed c) {
                closed = c;
            }
        }
        WsEvent.Handshake handshake = wire.handshakeProperty().get();
        if (opened == null && handshake == null && wire.frames().events().isEmpty()) return null;
        if (handshake != null) events.add(handshake);
        if (opened != null) events.add(opened);
        events.addAll(wire.frames().events());
        if (closed != null) events.add(closed);
        return Conversation.allOf(events).get(0);
    }

    private void show(Conversation c) {
        String peer = c.url().toString();
        List<WsEvent> frames = new ArrayList<>();
        for (Conversation.Frame f : c.frames()) frames.add(f.toEvent(peer));
        wire.replaceWith(frames, c.handshake() == null ? null
                : new WsEvent.Handshake(c.handshake().at(), peer, c.handshake().record()));
    }

    private void write(Path file, AtomicFiles.Content content, Notice done) {
        io.call(() -> {
            AtomicFiles.write(file, content);
            return done;
        }, notice, e -> notice.accept(Notice.of("file.cannotWrite", file.getFileName().toString(),
                String.valueOf(e.getMessage()))));
    }
}
