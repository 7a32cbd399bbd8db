package dev.duplex.model.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.decode.binary.ProtoSchema;
import dev.duplex.decode.binary.Unreadable;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The message view's model: the message chosen in a log, shown whole. The log chooses with {@link #show};
 * a line that is not a message leaves nothing chosen. Binary messages are read as {@link #choiceProperty()}
 * says, with the descriptor set of {@link #loadSchema} and its {@link #schemaTypeProperty()} for protobuf;
 * changing either reads the shown message again. Used on the FX thread only.
 */
public final class MessageModel {
    private final ReadOnlyObjectWrapper<MessageDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObjectProperty<BinaryReader.Choice> choice = new SimpleObjectProperty<>(this, "choice", BinaryReader.Choice.AUTO);
    private final ReadOnlyStringWrapper schemaFile = new ReadOnlyStringWrapper(this, "schemaFile", "");
    private final ObservableList<String> schemaTypes = FXCollections.observableArrayList();
    private final StringProperty schemaType = new SimpleStringProperty(this, "schemaType");
    private ProtoSchema schema;
    /** The payload of the message shown, to read again; null when none is. */
    private Payload shownPayload;

    public MessageModel() {
        choice.addListener((o, was, now) -> reread());
        schemaType.addListener((o, was, now) -> reread());
    }

    /** The message shown, or null when the chosen line is not a message. */
    public ReadOnlyObjectProperty<MessageDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** How binary messages are read: Auto, or one format by hand. */
    public ObjectProperty<BinaryReader.Choice> choiceProperty() {
        return choice;
    }

    /** The descriptor set's file name, "" while none is loaded. */
    public ReadOnlyStringProperty schemaFileProperty() {
        return schemaFile.getReadOnlyProperty();
    }

    /** The message types of the descriptor set loaded, sorted. */
    public ObservableList<String> schemaTypes() {
        return FXCollections.unmodifiableObservableList(schemaTypes);
    }

    /** The message type that protobuf messages are read as; one of {@link #schemaTypes()}, or null. */
    public StringProperty schemaTypeProperty() {
        return schemaType;
    }

    /** Shows the event at {@code index} of {@code log}, when it is a message; otherwise nothing. */
    public void show(List<? extends WsEvent> log, int index) {
        WsEvent event = index >= 0 && index < log.size() ? log.get(index) : null;
        Optional<MessageDetail> chosen = event == null ? Optional.empty()
                : MessageDetail.of(event, log, index, choice.get(), chosenSchema());
        shownPayload = event instanceof WsEvent.Received r ? r.payload() : event instanceof WsEvent.Sent s ? s.payload() : null;
        detail.set(chosen.orElse(null));
    }

    /**
     * Reads {@code file} as a descriptor set ({@code protoc --descriptor_set_out}) and, when it is one, reads
     * protobuf with its first message type. Read here, on the FX thread: such a file is a few kilobytes, and the
     * person waits for its types anyway. Returns false, keeping the schema there was, when it is not one.
     */
    public boolean loadSchema(Path file) {
        ProtoSchema loaded;
        try {
            loaded = ProtoSchema.parse(Files.readAllBytes(file));
        } catch (IOException | Unreadable notADescriptorSet) {
            return false;
        }
        schema = loaded;
        schemaFile.set(file.getFileName().toString());
        schemaTypes.setAll(loaded.messageTypes());
        String type = schemaType.get();
        if (type == null || !schemaTypes.contains(type)) schemaType.set(schemaTypes.get(0));
        else reread();
        return true;
    }

    private Optional<BinaryReader.Schema> chosenSchema() {
        String type = schemaType.get();
        return schema == null || type == null ? Optional.empty() : Optional.of(new BinaryReader.Schema(schema, type));
    }

    private void reread() {
        MessageDetail shown = detail.get();
        if (shown != null && shownPayload != null) detail.set(shown.reread(shownPayload, choice.get(), chosenSchema()));
    }

    /** The node that the search for {@code needle} selects after {@code from}, in the tree shown. */
    public Optional<JsonTree.Node> find(JsonTree.Node from, String needle) {
        MessageDetail shown = detail.get();
        if (shown == null || shown.json().isEmpty()) return Optional.empty();
        return JsonTree.next(shown.json().get(), from, needle);
    }
}
