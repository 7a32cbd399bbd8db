package dev.duplex.ui.proxy;

import dev.duplex.i18n.Texts;
import dev.duplex.model.proxy.HeldMessage;
import dev.duplex.model.proxy.Interceptor;
import dev.duplex.net.Payload;
import dev.duplex.protocol.MessageMode;
import dev.duplex.ui.EnumNames;
import dev.duplex.ui.Notices;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Pause on (off, everything, or the ways, kinds and expression chosen), the queue of held messages oldest
 * first, the selected one in an editor (text, JSON or hex) with Forward and Drop, and Forward all. Injecting
 * and closing a leg are {@link HandController}'s.
 */
public final class InterceptController {
    private static final int PREVIEW = 120;

    private final Interceptor hand;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;

    @FXML private ComboBox<Interceptor.Pause> pauseBox;
    @FXML private CheckBox pauseUpBox;
    @FXML private CheckBox pauseDownBox;
    @FXML private CheckBox pauseTextBox;
    @FXML private CheckBox pauseBinaryBox;
    @FXML private TextField pausePatternField;
    @FXML private Label pauseProblem;
    @FXML private Label heldCountLabel;
    @FXML private Button forwardAllButton;
    @FXML private ListView<HeldMessage> heldList;
    @FXML private ComboBox<MessageMode> editModeBox;
    @FXML private Button prettyButton;
    @FXML private Button forwardButton;
    @FXML private Button dropButton;
    @FXML private TextArea editArea;
    @FXML private Label interceptNotice;

    public InterceptController(Interceptor hand, Texts texts, ViewSubscriptions subscriptions) {
        this.hand = hand;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        pauseBox.getItems().setAll(Interceptor.Pause.values());
        pauseBox.setConverter(EnumNames.converter(texts, "proxy.pause."));
        pauseBox.valueProperty().bindBidirectional(hand.pauseProperty());
        pauseUpBox.selectedProperty().bindBidirectional(hand.upProperty());
        pauseDownBox.selectedProperty().bindBidirectional(hand.downProperty());
        pauseTextBox.selectedProperty().bindBidirectional(hand.textProperty());
        pauseBinaryBox.selectedProperty().bindBidirectional(hand.binaryProperty());
        pausePatternField.textProperty().bindBidirectional(hand.patternProperty());
        var notChosen = hand.pauseProperty().isNotEqualTo(Interceptor.Pause.CHOSEN);
        for (var c : new javafx.scene.Node[] {pauseUpBox, pauseDownBox, pauseTextBox, pauseBinaryBox, pausePatternField}) {
            c.disableProperty().bind(notChosen);
        }
        pauseProblem.textProperty().bind(Bindings.createStringBinding(() -> {
            var p = hand.pauseProblemProperty().get();
            return p == null ? "" : texts.get(p.key(), p.argArray());
        }, hand.pauseProblemProperty()));
        pauseProblem.visibleProperty().bind(pauseProblem.textProperty().isNotEmpty());
        pauseProblem.managedProperty().bind(pauseProblem.visibleProperty());

        heldCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("proxy.held.count", hand.heldCountProperty().get()), hand.heldCountProperty()));
        forwardAllButton.disableProperty().bind(hand.heldCountProperty().isEqualTo(0));
        heldList.setItems(hand.held());
        heldList.setPlaceholder(new Label(texts.get("proxy.held.none")));
        heldList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HeldMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : texts.get("proxy.held.row", m.pair(),
                        texts.get("proxy.way." + m.direction().name()), preview(m.payload())));
            }
        });
        heldList.getSelectionModel().selectedItemProperty().addListener((o, was, m) -> {
            if (m != null) hand.selectedProperty().set(m);
        });
        subscriptions.onValue(hand.selectedProperty(), m -> {
            if (heldList.getSelectionModel().getSelectedItem() != m) {
                if (m == null) heldList.getSelectionModel().clearSelection();
                else heldList.getSelectionModel().select(m);
            }
        });

        editModeBox.getItems().setAll(MessageMode.TEXT, MessageMode.JSON, MessageMode.HEX);
        editModeBox.setConverter(EnumNames.converter(texts, "composer.mode."));
        editModeBox.valueProperty().bindBidirectional(hand.editModeProperty());
        editArea.textProperty().bindBidirectional(hand.editTextProperty());
        var none = hand.selectedProperty().isNull();
        for (var c : new javafx.scene.Node[] {editModeBox, editArea, forwardButton, dropButton}) c.disableProperty().bind(none);
        prettyButton.disableProperty().bind(none.or(hand.editModeProperty().isNotEqualTo(MessageMode.JSON)));
        Notices.bind(interceptNotice, hand.noticeProperty(), texts);
    }

    private String preview(Payload p) {
        if (p.isBinary()) return texts.get("proxy.binary", p.size(), p.hexPreview(24));
        String t = p.text().replace('\n', ' ');
        return t.length() <= PREVIEW ? t : t.substring(0, PREVIEW) + "…";
    }

    @FXML
    private void forwardAll() {
        hand.forwardAll();
    }

    @FXML
    private void forward() {
        hand.forward();
    }

    @FXML
    private void drop() {
        hand.drop();
    }

    @FXML
    private void prettyJson() {
        hand.prettyJson();
    }
}
