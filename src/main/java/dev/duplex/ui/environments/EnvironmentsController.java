package dev.duplex.ui.environments;

import dev.duplex.i18n.Texts;
import dev.duplex.model.environments.EnvironmentsModel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** The environments' editor: the file as typed, Save, and why it was refused or where it went. */
public final class EnvironmentsController {
    private final EnvironmentsModel environments;
    private final Texts texts;
    private final dev.duplex.ui.ViewSubscriptions subscriptions;

    @FXML private TextArea environmentsArea;
    @FXML private Label hintLabel;
    @FXML private Label statusLabel;
    @FXML private Button saveButton;

    /** @param subscriptions what the view listens to on the window's model, let go of when the view goes */
    public EnvironmentsController(EnvironmentsModel environments, Texts texts, dev.duplex.ui.ViewSubscriptions subscriptions) {
        this.environments = environments;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        environmentsArea.textProperty().bindBidirectional(environments.textProperty());
        // Raw, not through MessageFormat: the hint is full of the file's own braces.
        hintLabel.setText(texts.bundle().getString("environments.hint"));
        environmentsArea.setPromptText("local: {host: 127.0.0.1:8080, user: ana}\nstaging: {host: staging.example.com, user: bob}");
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            dev.duplex.decode.Decoded problem = environments.problemProperty().get();
            if (problem != null) return dev.duplex.i18n.EventText.decoded(texts, problem);
            return environments.writtenProperty().get() ? texts.get("environments.saved", environments.file().toString()) : "";
        }, environments.problemProperty(), environments.writtenProperty()));
        javafx.css.PseudoClass problem = javafx.css.PseudoClass.getPseudoClass("problem");
        subscriptions.onValue(environments.problemProperty(), now -> statusLabel.pseudoClassStateChanged(problem, now != null));
    }

    @FXML
    private void save() {
        environments.save();
    }
}
