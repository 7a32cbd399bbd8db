package dev.duplex.ui.composer;

import java.io.File;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Notice;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.client.Composer;
import dev.duplex.protocol.MessageMode;
import dev.duplex.settings.SavedMessage;
import dev.duplex.ui.EnumNames;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * A client tab's message box: the mode it is read in (text, JSON, hex, Base64), Send, the payload's size
 * or what is wrong with it, Format JSON, Load file, and saved messages. Enter sends, Shift+Enter is a new
 * line, Up and Down walk the history. The checks live in the {@link Composer}.
 */
public final class ComposerController {
    private final ClientTab tab;
    private final Composer composer;
    private final Texts texts;

    @FXML private ComboBox<MessageMode> modeBox;
    @FXML private TextArea messageField;
    @FXML private Label sizeLabel;
    @FXML private Button formatButton;
    @FXML private ComboBox<SavedMessage> savedBox;
    @FXML private TextField saveNameField;

    public ComposerController(ClientTab tab, Texts texts) {
        this.tab = tab;
        this.composer = tab.composer();
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        messageField.textProperty().bindBidirectional(composer.textProperty());
        modeBox.getItems().setAll(MessageMode.values());
        modeBox.setConverter(EnumNames.converter(texts, "composer.mode."));
        modeBox.valueProperty().bindBidirectional(composer.modeProperty());
        modeBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(MessageMode mode, boolean empty) {
                super.updateItem(mode, empty);
                setText(empty || mode == null ? null : texts.get("composer.mode." + mode.name()));
            }
        });
        formatButton.disableProperty().bind(composer.modeProperty().isNotEqualTo(MessageMode.JSON));
        sizeLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = composer.statusProperty().get();
            return n == null ? "" : texts.get(n.key(), n.args().toArray());
        }, composer.statusProperty()));
        // A long complaint (bad JSON, a stray character in hex) is cut in the row; hover shows all of it.
        Tooltip sizeTip = new Tooltip();
        sizeTip.textProperty().bind(sizeLabel.textProperty());
        sizeTip.setWrapText(true);
        sizeTip.setMaxWidth(500);
        sizeLabel.setTooltip(sizeTip);
        bindSaved();
        messageField.addEventFilter(KeyEvent.KEY_PRESSED, this::messageKeys);
    }

    private void bindSaved() {
        savedBox.setItems(composer.saved());
        savedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedMessage s) {
                return s == null ? "" : s.name();
            }

            @Override
            public SavedMessage fromString(String name) {
                return null;
            }
        });
        savedBox.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                composer.load(chosen);
                saveNameField.setText(chosen.name());
            }
        });
    }

    /** Enter sends (Shift+Enter is a new line); Up and Down at the first or last line walk the history. */
    private void messageKeys(KeyEvent key) {
        String text = messageField.getText() == null ? "" : messageField.getText();
        int caret = messageField.getCaretPosition();
        if (key.getCode() == KeyCode.ENTER && !key.isShiftDown() && !key.isShortcutDown()) {
            key.consume();
            send();
        } else if (key.getCode() == KeyCode.UP && text.lastIndexOf('\n', Math.max(0, caret - 1)) < 0) {
            key.consume();
            composer.previous();
            messageField.end();
        } else if (key.getCode() == KeyCode.DOWN && text.indexOf('\n', caret) < 0) {
            key.consume();
            composer.next();
            messageField.end();
        }
    }

    /** Sends the box and keeps its text selected, so typing replaces it. */
    @FXML
    private void send() {
        tab.send();
        messageField.selectAll();
    }

    @FXML
    private void formatJson() {
        composer.formatJson();
    }

    @FXML
    private void saveMessage() {
        composer.save(saveNameField.getText());
    }

    /** Loads a file into the box: as text when it is UTF-8 text, else as hex. */
    @FXML
    private void loadFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("composer.load"));
        File file = chooser.showOpenDialog(messageField.getScene().getWindow());
        if (file != null) composer.loadFile(file.toPath());
    }
}
