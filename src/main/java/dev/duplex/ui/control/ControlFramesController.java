package dev.duplex.ui.control;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ClientSession;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.protocol.Utf8;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * A client tab's control frames: a ping with a payload, a lone pong, pings every N seconds, answering
 * pings automatically or not, a close with any code and reason (the line under it says how it goes out),
 * and the message box sent in fragments of N bytes.
 */
public final class ControlFramesController {
    private final ClientSession tab;
    private final Texts texts;

    @FXML private TextField pingPayloadField;
    @FXML private TextField pingEveryField;
    @FXML private Button periodicButton;
    @FXML private CheckBox autoPongBox;
    @FXML private TextField closeCodeField;
    @FXML private TextField closeReasonField;
    @FXML private Label closeHint;
    @FXML private TextField fragmentSizeField;

    public ControlFramesController(ClientSession tab, Texts texts) {
        this.tab = tab;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        pingPayloadField.textProperty().bindBidirectional(tab.pingPayloadProperty());
        pingEveryField.textProperty().bindBidirectional(tab.pingEveryProperty());
        periodicButton.textProperty().bind(Bindings.when(tab.pingingProperty())
                .then(texts.get("lab.stopPinging")).otherwise(texts.get("lab.startPinging")));
        autoPongBox.selectedProperty().bindBidirectional(tab.autoPongProperty());
        closeCodeField.textProperty().bindBidirectional(tab.closeCodeProperty());
        closeReasonField.textProperty().bindBidirectional(tab.closeReasonProperty());
        closeHint.textProperty().bind(Bindings.createStringBinding(
                () -> closeHintText(tab.closeCodeProperty().get(), tab.closeReasonProperty().get()),
                tab.closeCodeProperty(), tab.closeReasonProperty()));
        fragmentSizeField.textProperty().bindBidirectional(tab.fragmentSizeProperty());
    }

    /**
     * Says, as the user types, whether the close goes out as a proper closing handshake or as typed. The
     * one place the window checks a close request: it is to become a call of the protocol's CloseRequest.
     */
    private String closeHintText(String typedCode, String typedReason) {
        String code = typedCode == null ? "" : typedCode.strip();
        int bytes = Utf8.bytes(typedReason == null ? "" : typedReason).length;
        if (code.isEmpty()) return texts.get("lab.close.noCode");
        try {
            int c = Integer.parseInt(code);
            String meaning = new EventText(texts).closeMeaning(c);
            if (!CloseCodes.sendable(c)) return texts.get("lab.close.invalidCode", c, meaning);
            if (bytes > 123) return texts.get("lab.close.longReason", bytes);
            return texts.get("lab.close.valid", c, meaning, bytes);
        } catch (NumberFormatException e) {
            return texts.get("form.closeCode");
        }
    }

    @FXML
    private void ping() {
        tab.ping();
    }

    @FXML
    private void pong() {
        tab.pong();
    }

    @FXML
    private void togglePeriodicPing() {
        tab.togglePeriodicPing();
    }

    @FXML
    private void closeWith() {
        tab.closeWith();
    }

    @FXML
    private void sendFragmented() {
        tab.sendFragmented();
    }
}
