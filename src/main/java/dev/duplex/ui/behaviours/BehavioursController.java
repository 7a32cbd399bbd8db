package dev.duplex.ui.behaviours;

import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
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
    private final ConnectionModel model;
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

    public BehavioursController(ConnectionModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        refuseBox.selectedProperty().bindBidirectional(model.refuseUpgradeProperty());
        refuseStatusField.textProperty().bindBidirectional(model.refuseStatusProperty());
        refuseBodyField.textProperty().bindBidirectional(model.refuseBodyProperty());
        refuseHeadersField.textProperty().bindBidirectional(model.refuseHeadersProperty());
        subprotocolField.textProperty().bindBidirectional(model.subprotocolAnswerProperty());
        delayField.textProperty().bindBidirectional(model.replyDelayProperty());
        dropEveryField.textProperty().bindBidirectional(model.dropEveryProperty());
        closeAfterField.textProperty().bindBidirectional(model.closeAfterProperty());
        closeAfterCodeField.textProperty().bindBidirectional(model.closeAfterCodeProperty());
        closeAfterReasonField.textProperty().bindBidirectional(model.closeAfterReasonProperty());
        serverAutoPongBox.selectedProperty().bindBidirectional(model.serverAutoPongProperty());
        for (Node field : new Node[] {refuseStatusField, refuseBodyField, refuseHeadersField}) {
            field.disableProperty().bind(refuseBox.selectedProperty().not());
        }
        behaviourStateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> BehaviourText.describe(model.behaviourProperty().get(), texts), model.behaviourProperty()));
    }

    @FXML
    private void applyBehaviour() {
        model.applyBehaviour();
    }
}
