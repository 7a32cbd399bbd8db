package dev.duplex.model.environments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.duplex.files.AtomicFiles;
import dev.duplex.model.Background;
import dev.duplex.rules.Environments;
import dev.duplex.rules.RuleFile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The named environments of the whole window (local, staging …), kept in {@link Environments#FILE} in the
 * config folder, the same file {@code connect --env} reads. The text is edited as typed (JSON or YAML) and
 * takes effect when saved: a text that does not read is refused with where, and the last good one stays in
 * use. Each tab chooses one in its Rules. FX thread only; the file is written off it.
 */
public final class EnvironmentsModel {
    private final Path file;
    private final Background io;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Environments> current = new ReadOnlyObjectWrapper<>(this, "current", Environments.NONE);
    private final ReadOnlyObjectWrapper<dev.duplex.decode.Decoded> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper written = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "written");

    /** @param stored the file's text as read at start ("" for none); a text that does not read is said, and kept to edit */
    public EnvironmentsModel(Path configDir, String stored, Background io) {
        this.file = configDir.resolve(Environments.FILE);
        this.io = io;
        text.set(stored);
        use(stored);
        text.addListener((o, was, now) -> written.set(false));
    }

    /** The environments as typed, saved by {@link #save()}. */
    public StringProperty textProperty() { return text; }
    /** The environments in use: the last text that read. */
    public ReadOnlyObjectProperty<Environments> currentProperty() { return current.getReadOnlyProperty(); }
    /** Why the text typed or read was not taken (or the file not written), in the bundles' words; null when it was. */
    public ReadOnlyObjectProperty<dev.duplex.decode.Decoded> problemProperty() { return problem.getReadOnlyProperty(); }
    /** Whether the text as it is now is what the file holds: set once a save has reached the disk. */
    public javafx.beans.property.ReadOnlyBooleanProperty writtenProperty() { return written.getReadOnlyProperty(); }
    /** The names of the environments in use, in the file's order, for the tabs' choice. */
    public ObservableList<String> names() { return FXCollections.unmodifiableObservableList(names); }

    public Path file() {
        return file;
    }

    /** Takes the text typed and writes it to the file, or says why it does not read and keeps the last good one. */
    public boolean save() {
        String typed = text.get() == null ? "" : text.get();
        if (!use(typed)) return false;
        io.run(() -> {
            try {
                AtomicFiles.write(file, out -> out.write(typed.getBytes(StandardCharsets.UTF_8)));
                io.onFx(() -> written.set(typed.equals(text.get())));
            } catch (java.io.IOException e) {
                String why = String.valueOf(e.getMessage());
                io.onFx(() -> problem.set(dev.duplex.decode.Decoded.part("environments.cannotWrite", file.toString(), why)));
            }
        });
        return true;
    }

    private boolean use(String typed) {
        try {
            Environments read = Environments.parse(typed);
            current.set(read);
            names.setAll(read.names());
            problem.set(null);
            return true;
        } catch (RuleFile.BadRules e) {
            problem.set(e.where().isEmpty() ? e.said() : dev.duplex.decode.Decoded.part("rules.badAt", e.where(), e.said()));
            return false;
        }
    }
}
