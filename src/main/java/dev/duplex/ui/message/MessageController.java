package dev.duplex.ui.message;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.duplex.decode.binary.BinaryReader;
import dev.duplex.i18n.Texts;
import dev.duplex.model.message.JsonTree;
import dev.duplex.model.message.MessageDetail;
import dev.duplex.model.message.MessageModel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;

/**
 * The message view under a log: shows {@link MessageModel}'s message, and searches and copies from its tree
 * (its JSON's, or a binary message's reading, which {@link ReadingBar} chooses and explains).
 */
public final class MessageController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final MessageModel model;
    private final Texts texts;
    /** The tab the person picked by hand, kept from message to message; null until they pick one. */
    private Tab chosenTab;
    private boolean choosing;

    @FXML private Label summaryLabel;
    @FXML private Label emptyLabel;
    @FXML private TabPane views;
    @FXML private Tab textTab;
    @FXML private Tab jsonTab;
    @FXML private Tab hexTab;
    @FXML private TextArea textArea;
    @FXML private TextArea hexArea;
    @FXML private TextField findField;
    @FXML private Button findButton;
    @FXML private Button copyPathButton;
    @FXML private Button copyValueButton;
    @FXML private Label pathLabel;
    @FXML private TreeView<JsonTree.Node> jsonTree;
    @FXML private HBox readingBox;
    @FXML private ChoiceBox<BinaryReader.Choice> readingChoice;
    @FXML private TextField schemaField;
    @FXML private ChoiceBox<String> typeChoice;
    @FXML private Label readingLabel;
    private ReadingBar readingBar;

    public MessageController(MessageModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        readingBar = new ReadingBar(model, texts, readingBox, readingChoice, schemaField, typeChoice, readingLabel);
        jsonTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(JsonTree.Node node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : JsonTreeItem.label(node));
            }
        });
        jsonTree.getSelectionModel().selectedItemProperty().subscribe(item -> {
            boolean chosen = item != null;
            pathLabel.setText(chosen ? item.getValue().path() : "");
            copyPathButton.setDisable(!chosen);
            copyValueButton.setDisable(!chosen);
        });
        views.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> {
            if (!choosing && tab != null && views.isVisible()) chosenTab = tab;
        });
        // The view lives as long as the log that holds it, and so does the model: a plain listener is enough.
        model.detailProperty().subscribe(this::show);
    }

    private void show(MessageDetail detail) {
        boolean shown = detail != null;
        views.setVisible(shown);
        emptyLabel.setVisible(!shown);
        if (!shown) {
            summaryLabel.setText("");
            return;
        }
        String way = texts.get(detail.received() ? "message.received" : "message.sent");
        String kind = texts.get(detail.binary() ? "message.kind.binary" : "message.kind.text");
        String summary = texts.get("message.summary", way, TIME.format(detail.at()), detail.size(), kind);
        if (detail.roundTrip().isPresent()) {
            summary += texts.get("message.roundTrip", String.format("%.1f", detail.roundTrip().get().toNanos() / 1e6));
        }
        summaryLabel.setText(summary);
        textTab.setDisable(detail.binary());
        textArea.setText(detail.binary() ? "" : detail.text()
                + (detail.textCut() ? "\n" + texts.get("message.textCut", MessageDetail.MAX_TEXT) : ""));
        hexArea.setText(detail.hex() + (detail.hexCut() ? texts.get("message.hexCut", MessageDetail.MAX_HEX, detail.size()) : ""));
        readingBar.show(detail);
        jsonTab.setDisable(detail.json().isEmpty());
        jsonTab.setText(detail.reading().flatMap(BinaryReader.Reading::format).map(readingBar::treeTitle)
                .orElse(texts.get("message.json")));
        if (detail.json().isPresent()) {
            JsonTreeItem root = new JsonTreeItem(detail.json().get());
            root.setExpanded(true);
            jsonTree.setRoot(root);
        } else {
            jsonTree.setRoot(null);
        }
        // The tab the person chose last, while this message has it; else the one that reads it best.
        Tab best = detail.json().isPresent() ? jsonTab : detail.binary() ? hexTab : textTab;
        Tab next = chosenTab != null && !chosenTab.isDisable() ? chosenTab : best;
        choosing = true;
        views.getSelectionModel().select(next);
        choosing = false;
    }

    @FXML
    private void findNext() {
        TreeItem<JsonTree.Node> current = jsonTree.getSelectionModel().getSelectedItem();
        Optional<JsonTree.Node> found = model.find(current == null ? null : current.getValue(), findField.getText());
        if (found.isEmpty()) {
            pathLabel.setText(findField.getText().isBlank() ? "" : texts.get("message.find.none", findField.getText()));
            return;
        }
        TreeItem<JsonTree.Node> item = reveal(found.get());
        if (item == null) return;
        jsonTree.getSelectionModel().select(item);
        int row = jsonTree.getRow(item);
        if (row >= 0) jsonTree.scrollTo(Math.max(0, row - 2));
    }

    /** Opens the tree down to {@code target} and gives its item. */
    private TreeItem<JsonTree.Node> reveal(JsonTree.Node target) {
        List<JsonTree.Node> chain = new ArrayList<>();
        if (!chainTo(jsonTree.getRoot().getValue(), target, chain)) return null;
        TreeItem<JsonTree.Node> item = jsonTree.getRoot();
        for (int i = 1; i < chain.size(); i++) {
            item.setExpanded(true);
            JsonTree.Node next = chain.get(i);
            item = item.getChildren().stream().filter(c -> c.getValue() == next).findFirst().orElse(null);
            if (item == null) return null;
        }
        return item;
    }

    private static boolean chainTo(JsonTree.Node node, JsonTree.Node target, List<JsonTree.Node> chain) {
        chain.add(node);
        if (node == target) return true;
        for (JsonTree.Node child : node.children()) if (chainTo(child, target, chain)) return true;
        chain.remove(chain.size() - 1);
        return false;
    }

    @FXML
    private void chooseSchema() {
        readingBar.chooseSchema();
    }

    @FXML
    private void copyPath() {
        copy(item -> item.path());
    }

    @FXML
    private void copyValue() {
        // A leaf's value as it reads; an object or an array as JSON, to paste into a message.
        copy(item -> item.children().isEmpty() && item.value() != null ? item.value() : JsonTree.toJson(item));
    }

    private void copy(java.util.function.Function<JsonTree.Node, String> what) {
        TreeItem<JsonTree.Node> item = jsonTree.getSelectionModel().getSelectedItem();
        if (item == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(what.apply(item.getValue()));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
