package dev.duplex.model.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.net.Payload;
import dev.duplex.protocol.JsonText;
import dev.duplex.protocol.MessageMode;
import dev.duplex.protocol.PayloadCodec;
import dev.duplex.protocol.Utf8;
import dev.duplex.settings.SavedMessage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * A client tab's message box: what is typed, how it is meant (text, JSON, hex, base64), what it comes to
 * on the wire (size, or what is wrong with it) as the user types, and a walk through the app's history of
 * sent messages (up and down). Saved messages and the history live in the app's {@link MessageLibrary},
 * shared by every tab. FX thread only; files are read in the background.
 */
public final class Composer {
    /** Files larger than this are not loaded into the box: a message box is no place for them. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<MessageMode> mode = new SimpleObjectProperty<>(this, "mode", MessageMode.TEXT);
    /** "12 bytes" or the reason the message cannot be sent as it is. */
    private final ReadOnlyObjectWrapper<Notice> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final MessageLibrary library;
    private final Background io;
    /** Where Up and Down are in the library's history; -1 is "past the newest", where every walk starts. */
    private int historyIndex = -1;

    Composer(MessageLibrary library, Background io) {
        this.library = library;
        this.io = io;
        text.addListener((o, a, b) -> updateStatus());
        mode.addListener((o, a, b) -> updateStatus());
        updateStatus();
    }

    /** The message as it would go out, or the notice that says why it cannot. */
    public sealed interface Encoded permits Ready, Invalid { }

    public record Ready(Payload payload) implements Encoded { }

    public record Invalid(Notice why) implements Encoded { }

    public Encoded encode() {
        String t = text.get() == null ? "" : text.get();
        try {
            return switch (mode.get()) {
                case TEXT -> new Ready(Payload.text(t));
                case JSON -> {
                    JsonText.Check check = JsonText.validate(t);
                    yield check.ok() ? new Ready(Payload.text(t)) : new Invalid(Notice.of(check.key(), check.args()));
                }
                case HEX -> new Ready(Payload.binary(PayloadCodec.parseHex(t)));
                case BASE64 -> new Ready(Payload.binary(PayloadCodec.parseBase64(t)));
            };
        } catch (PayloadCodec.FormatException e) {
            return new Invalid(new Notice(e.key(), e.args()));
        }
    }

    /** Pretty-prints a JSON message in place; a message that is not JSON is left as it is. */
    public void formatJson() {
        JsonText.pretty(text.get()).ifPresent(text::set);
    }

    private void updateStatus() {
        Encoded e = encode();
        status.set(e instanceof Ready r ? Notice.of("composer.size", r.payload().size()) : ((Invalid) e).why());
    }

    /**
     * Puts a file in the box, read off the FX thread: as text when it is valid UTF-8, else as hex. A file
     * too large or unreadable is said where the size usually shows.
     */
    public void loadFile(Path file) {
        String name = String.valueOf(file.getFileName());
        io.call(() -> {
            if (Files.size(file) > MAX_FILE_BYTES) return null;
            return Files.readAllBytes(file);
        }, data -> {
            if (data == null) status.set(Notice.of("composer.tooBig", name, MAX_FILE_BYTES));
            else loadBytes(data);
        }, e -> status.set(Notice.of("composer.cannotRead", name,
                String.valueOf(e instanceof IOException ? e.getMessage() : e))));
    }

    void loadBytes(byte[] data) {
        String decoded = Utf8.decodeOrNull(data);
        mode.set(decoded == null ? MessageMode.HEX : MessageMode.TEXT);
        text.set(decoded == null ? PayloadCodec.hex(data) : decoded);
    }

    /** Remembers a sent message for the up and down keys (of every tab). */
    void remember(String sent) {
        library.remember(sent);
        historyIndex = -1;
    }

    /** Up: the message sent before the one shown. */
    public void previous() {
        List<String> history = library.history();
        int at = historyIndex < 0 ? history.size() : Math.min(historyIndex, history.size());
        if (at > 0) {
            historyIndex = at - 1;
            text.set(history.get(historyIndex));
        }
    }

    /** Down: the message sent after the one shown, or an empty box past the newest. */
    public void next() {
        if (historyIndex < 0) return;
        List<String> history = library.history();
        if (historyIndex < history.size() - 1) {
            text.set(history.get(++historyIndex));
        } else {
            historyIndex = -1;
            text.set("");
        }
    }

    /** Saves the box in the app's library under a name (replacing a message of the same name). */
    public void save(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) return;
        library.save(new SavedMessage(n, mode.get(), text.get()));
    }

    public void load(SavedMessage s) {
        mode.set(s.mode());
        text.set(s.text());
    }

    public StringProperty textProperty() { return text; }
    public ObjectProperty<MessageMode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<Notice> statusProperty() { return status.getReadOnlyProperty(); }
    /** The app's saved messages, the same list in every tab. */
    public ObservableList<SavedMessage> saved() { return library.saved(); }
}
