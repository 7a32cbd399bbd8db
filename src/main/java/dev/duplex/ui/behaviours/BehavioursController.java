package dev.duplex.ui.behaviours;

import dev.duplex.i18n.Texts;
import dev.duplex.model.server.Behaviours;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * The server's behaviour switches ("misbehave on purpose"): edited freely, applied with Apply; the line
 * below them says what is in force. The checks of what was typed live in the model.
 */
public final class BehavioursController {
    private final Behaviours behaviours;
    private final Texts texts;

    @FXML private CheckBox refuseBox;
    @FXML private TextField refuseStatusField;
    @FXML private TextField refuseBodyField;
    @FXML private TextArea refuseHeadersField;
    @FXML private TextField subprotocolField;
    @FXML private TextField delayField;
    @FXML private TextField dropEveryField;
    @FXML private TextField closeAfterField;
    @FXML private TextField closeAfterCodeField;
    @FXML private TextField closeAfterReasonField;
    @FXML private CheckBox serverAutoPongBox;
    @FXML private Label behaviourStateLabel;

    public BehavioursController(Behaviours behaviours, Texts texts) {
        this.behaviours = behaviours;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        refuseBox.selectedProperty().bindBidirectional(behaviours.refuseUpgradeProperty());
        refuseStatusField.textProperty().bindBidirectional(behaviours.refuseStatusProperty());
        refuseBodyField.textProperty().bindBidirectional(behaviours.refuseBodyProperty());
        refuseHeadersField.textProperty().bindBidirectional(behaviours.refuseHeadersProperty());
        subprotocolField.textProperty().bindBidirectional(behaviours.subprotocolAnswerProperty());
        delayField.textProperty().bindBidirectional(behaviours.replyDelayProperty());
        dropEveryField.textProperty().bindBidirectional(behaviours.dropEveryProperty());
        closeAfterField.textProperty().bindBidirectional(behaviours.closeAfterProperty());
        closeAfterCodeField.textProperty().bindBidirectional(behaviours.closeAfterCodeProperty());
        closeAfterReasonField.textProperty().bindBidirectional(behaviours.closeAfterReasonProperty());
        serverAutoPongBox.selectedProperty().bindBidirectional(behaviours.autoPongProperty());
        for (Node field : new Node[] {refuseStatusField, refuseBodyField, refuseHeadersField}) {
            field.disableProperty().bind(refuseBox.selectedProperty().not());
        }
        behaviourStateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> BehaviourText.describe(behaviours.inForceProperty().get(), texts), behaviours.inForceProperty()));
    }

    @FXML
    private void applyBehaviour() {
        behaviours.apply();
    }
}
