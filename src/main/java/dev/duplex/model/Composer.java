package dev.duplex.model;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.net.Payload;
import dev.duplex.protocol.JsonText;
import dev.duplex.protocol.PayloadCodec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The client's message box: what is typed, how it is meant (text, JSON, hex, base64), what it comes to
 * on the wire (size, or what is wrong with it) as the user types, the history of sent messages (up and
 * down), and the saved messages. UI thread only.
 */
public final class Composer {

    /** How the message box is read. */
    public enum Mode { TEXT, JSON, HEX, BASE64 }

    /** A message kept under a name, across restarts. */
    public record Saved(String name, Mode mode, String text) { }

    static final int HISTORY_SIZE = 100;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.TEXT);
    /** "12 bytes" or the reason the message cannot be sent as it is. */
    private final ReadOnlyObjectWrapper<Notice> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private final ObservableList<Saved> saved = FXCollections.observableArrayList();

    Composer() {
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

    /** Files larger than this are not loaded into the box: a message box is no place for them. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Puts a file's bytes in the box: as text when they are valid UTF-8, else as hex. */
    public void loadBytes(byte[] data) {
        String decoded = dev.duplex.protocol.Utf8.decodeOrNull(data);
        mode.set(decoded == null ? Mode.HEX : Mode.TEXT);
        text.set(decoded == null ? PayloadCodec.hex(data) : decoded);
    }

    /** Says why a file could not be loaded, where the size usually shows. */
    public void loadFailed(Notice why) {
        status.set(why);
    }

    /** Remembers a sent message for the up and down keys. */
    void remember(String sent) {
        if (!history.isEmpty() && history.get(history.size() - 1).equals(sent)) {
            historyIndex = history.size();
            return;
        }
        history.add(sent);
        if (history.size() > HISTORY_SIZE) history.remove(0);
        historyIndex = history.size();
    }

    /** Up: the message sent before the one shown. */
    public void previous() {
        if (historyIndex > 0) text.set(history.get(--historyIndex));
    }

    /** Down: the message sent after the one shown, or an empty box past the newest. */
    public void next() {
        if (historyIndex < history.size() - 1) {
            text.set(history.get(++historyIndex));
        } else if (historyIndex < history.size()) {
            historyIndex = history.size();
            text.set("");
        }
    }

    public List<String> history() {
        return List.copyOf(history);
    }

    /** Puts back what was saved in an earlier run. */
    public void restore(List<Saved> savedMessages, List<String> sent) {
        saved.setAll(savedMessages);
        history.clear();
        history.addAll(sent.subList(Math.max(0, sent.size() - HISTORY_SIZE), sent.size()));
        historyIndex = history.size();
    }

    /** Saves the box under a name (replacing a message of the same name). */
    public void save(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) return;
        saved.removeIf(s -> s.name().equals(n));
        saved.add(new Saved(n, mode.get(), text.get()));
    }

    public void load(Saved s) {
        mode.set(s.mode());
        text.set(s.text());
    }

    public void delete(Saved s) {
        saved.remove(s);
    }

    public StringProperty textProperty() { return text; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<Notice> statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<Saved> saved() { return saved; }
}
