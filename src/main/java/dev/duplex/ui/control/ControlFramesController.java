package dev.duplex.ui.control;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ControlFrames;
import dev.duplex.options.CloseInput;
import dev.duplex.protocol.CloseRequest;
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
    private final ControlFrames controls;
    private final Texts texts;

    @FXML private TextField pingPayloadField;
    @FXML private TextField pingEveryField;
    @FXML private Button periodicButton;
    @FXML private CheckBox autoPongBox;
    @FXML private CheckBox echoBox;
    @FXML private javafx.scene.control.TextField forgeField;
    @FXML private TextField closeCodeField;
    @FXML private TextField closeReasonField;
    @FXML private Label closeHint;
    @FXML private TextField fragmentSizeField;

    public ControlFramesController(ControlFrames controls, Texts texts) {
        this.controls = controls;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        pingPayloadField.textProperty().bindBidirectional(controls.pingPayloadProperty());
        pingEveryField.textProperty().bindBidirectional(controls.pingEveryProperty());
        periodicButton.textProperty().bind(Bindings.when(controls.pingingProperty())
                .then(texts.get("lab.stopPinging")).otherwise(texts.get("lab.startPinging")));
        autoPongBox.selectedProperty().bindBidirectional(controls.autoPongProperty());
        echoBox.selectedProperty().bindBidirectional(controls.echoProperty());
        forgeField.textProperty().bindBidirectional(controls.forgedProperty());
        closeCodeField.textProperty().bindBidirectional(controls.closeCodeProperty());
        closeReasonField.textProperty().bindBidirectional(controls.closeReasonProperty());
        closeHint.textProperty().bind(Bindings.createStringBinding(
                () -> closeHintText(controls.closeCodeProperty().get(), controls.closeReasonProperty().get()),
                controls.closeCodeProperty(), controls.closeReasonProperty()));
        fragmentSizeField.textProperty().bindBidirectional(controls.fragmentSizeProperty());
    }

    /**
     * Says, as the user types, whether the close goes out as a proper closing handshake or as typed, and
     * why: the protocol's CloseRequest decides, and the code is shown with its meaning.
     */
    private String closeHintText(String typedCode, String typedReason) {
        CloseRequest.Hint hint = new CloseInput(typedCode, typedReason).hint();
        Object[] args = hint.argArray();
        if (hint.way() != CloseRequest.Way.NOT_SENT && args.length > 0 && args[0] instanceof Integer code
                && code != CloseRequest.NO_CODE) {
            args[0] = code + " (" + new EventText(texts).closeMeaning(code) + ")";
        }
        return texts.get(hint.key(), args);
    }

    @FXML
    private void ping() {
        controls.ping();
    }

    @FXML
    private void pong() {
        controls.pong();
    }

    @FXML
    private void togglePeriodicPing() {
        controls.togglePeriodicPing();
    }

    @FXML
    private void closeWith() {
        controls.closeWith();
    }

    @FXML
    private void sendFragmented() {
        controls.sendFragmented();
    }

    @FXML
    private void sendForgedFrame() {
        controls.sendForged(false);
    }

    @FXML
    private void sendSplit() {
        controls.sendSplit();
    }

    @FXML
    private void sendRawBytes() {
        controls.sendForged(true);
    }
}
