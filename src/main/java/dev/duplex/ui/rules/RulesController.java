package dev.duplex.ui.rules;

import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.rules.TabRules;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** The Rules panel of a client tab: the rules as JSON (read at connect) and how many passed and failed. */
public final class RulesController {
    private final TabRules rules;
    private final ObservableValue<ClientState> state;
    private final Texts texts;

    @FXML private TextArea rulesArea;
    @FXML private Label countsLabel;
    @FXML private Label hintLabel;

    public RulesController(TabRules rules, ObservableValue<ClientState> state, Texts texts) {
        this.rules = rules;
        this.state = state;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        rulesArea.textProperty().bindBidirectional(rules.textProperty());
        // Raw, not through MessageFormat: both texts are full of the rules' own braces.
        rulesArea.setPromptText(texts.bundle().getString("rules.prompt"));
        hintLabel.setText(texts.bundle().getString("rules.hint"));
        // Read at connect, like the application protocol: changed while connected, they run from the next one.
        rulesArea.editableProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() == ClientState.DISCONNECTED, state));
        countsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("rules.summary", rules.passedProperty().get(), rules.failedProperty().get()),
                rules.passedProperty(), rules.failedProperty()));
    }
}
