package dev.duplex.ui.message;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.decode.binary.Unreadable;
import dev.duplex.i18n.Texts;
import dev.duplex.model.message.JsonTree;
import dev.duplex.model.message.MessageDetail;
import dev.duplex.model.message.MessageModel;
import dev.duplex.ui.EnumNames;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The message view's bar for a binary message: how to read it (Auto, or a format by hand), the descriptor set
 * and message type for protobuf, and what the reading gave (which format Auto chose, and what else it would
 * read as; or why it gives no tree). Its nodes are the message view's, from message.fxml.
 */
final class ReadingBar {
    private final MessageModel model;
    private final Texts texts;
    private final Region bar;
    private final TextField schemaField;
    private final ChoiceBox<String> typeChoice;
    private final Label readingLabel;

    ReadingBar(MessageModel model, Texts texts, Region bar, ChoiceBox<BinaryReader.Choice> readingChoice,
            TextField schemaField, ChoiceBox<String> typeChoice, Label readingLabel) {
        this.model = model;
        this.texts = texts;
        this.bar = bar;
        this.schemaField = schemaField;
        this.typeChoice = typeChoice;
        this.readingLabel = readingLabel;
        readingChoice.getItems().setAll(BinaryReader.Choice.values());
        readingChoice.setConverter(EnumNames.converter(texts, "message.binary.choice."));
        readingChoice.valueProperty().bindBidirectional(model.choiceProperty());
        typeChoice.setItems(model.schemaTypes());
        typeChoice.valueProperty().bindBidirectional(model.schemaTypeProperty());
        typeChoice.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.schemaTypes()));
        typeChoice.managedProperty().bind(typeChoice.visibleProperty());
        schemaField.setOnAction(e -> loadSchema());
    }

    /** Loads the descriptor set whose path the field holds; says so when it is not one. */
    void loadSchema() {
        String path = schemaField.getText().strip();
        if (path.isEmpty()) return;
        if (!model.loadSchema(Path.of(path))) {
            readingLabel.setText(texts.get("message.binary.schemaBad", path));
        }
    }

    /** A file chooser for the descriptor set; the file chosen is loaded at once. */
    void chooseSchema() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("message.binary.schemaTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("message.binary.schemaFiles"), "*.desc", "*.pb", "*.protoset", "*.binpb"),
                new FileChooser.ExtensionFilter(texts.get("client.tls.anyFile"), "*"));
        java.io.File chosen = chooser.showOpenDialog(schemaField.getScene().getWindow());
        if (chosen == null) return;
        schemaField.setText(chosen.getPath());
        loadSchema();
    }

    /** Shows the bar for a binary message, with what its reading gave; hides it for a text one. */
    void show(MessageDetail detail) {
        boolean binary = detail != null && detail.binary();
        bar.setVisible(binary);
        bar.setManaged(binary);
        readingLabel.setVisible(binary);
        readingLabel.setManaged(binary);
        if (!binary) return;
        if (detail.reading().isEmpty()) {
            readingLabel.setText(texts.get("message.binary.tooLarge", MessageDetail.MAX_JSON));
            return;
        }
        BinaryReader.Reading reading = detail.reading().get();
        if (reading.format().isPresent()) {
            String read = texts.get(model.choiceProperty().get() == BinaryReader.Choice.AUTO ? "message.binary.auto"
                    : "message.binary.read", formatName(reading.format().get()), detail.size());
            if (!reading.alsoReadsAs().isEmpty()) {
                read += texts.get("message.binary.also", names(reading.alsoReadsAs()));
            }
            readingLabel.setText(read);
            return;
        }
        Unreadable why = reading.failure().orElseThrow();
        if (model.choiceProperty().get() == BinaryReader.Choice.AUTO && why.failure() == Unreadable.Failure.NOT_A_TREE) {
            readingLabel.setText(texts.get("message.binary.none"));
            return;
        }
        String tried = texts.get("message.binary.choice." + model.choiceProperty().get().name());
        readingLabel.setText(texts.get("message.binary.failure." + why.failure().name(), tried, why.offset(), JsonTree.MAX_NODES));
    }

    /** The tree tab's title for a binary message read in {@code format}. */
    String treeTitle(BinaryReader.Format format) {
        return texts.get("message.binary.tree", formatName(format));
    }

    private String formatName(BinaryReader.Format format) {
        if (format == BinaryReader.Format.PROTOBUF_SCHEMA) return texts.get("message.binary.format.PROTOBUF_SCHEMA", typeChoice.getValue());
        return texts.get("message.binary.format." + format.name());
    }

    private String names(List<BinaryReader.Format> formats) {
        return formats.stream().map(this::formatName).collect(Collectors.joining(", "));
    }
}
