package dev.duplex.ui.rules;

import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.environments.EnvironmentsModel;
import dev.duplex.model.rules.TabRules;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;

/**
 * The Rules panel of a client tab: the environment the tab runs in (and the window's environments, unfolded
 * to edit), the rules as JSON or YAML (both read at connect), and how many passed and failed.
 */
public final class RulesController {
    private final TabRules rules;
    private final EnvironmentsModel environments;
    private final ObservableValue<ClientState> state;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;

    @FXML private ComboBox<String> environmentBox;
    @FXML private ToggleButton editEnvironments;
    @FXML private Parent environmentsEditor;
    @FXML private TextArea rulesArea;
    @FXML private Label countsLabel;
    @FXML private Label hintLabel;

    public RulesController(TabRules rules, EnvironmentsModel environments, ObservableValue<ClientState> state, Texts texts,
            ViewSubscriptions subscriptions) {
        this.rules = rules;
        this.environments = environments;
        this.state = state;
        this.texts = texts;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        rulesArea.textProperty().bindBidirectional(rules.textProperty());
        // Raw, not through MessageFormat: both texts are full of the rules' own braces.
        rulesArea.setPromptText(texts.bundle().getString("rules.prompt"));
        hintLabel.setText(texts.bundle().getString("rules.hint"));
        // Read at connect, like the application protocol: changed while connected, they run from the next one.
        BooleanBinding disconnected = Bindings.createBooleanBinding(() -> state.getValue() == ClientState.DISCONNECTED, state);
        rulesArea.editableProperty().bind(disconnected);
        environmentBox.disableProperty().bind(disconnected.not());
        countsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("rules.summary", rules.passedProperty().get(), rules.failedProperty().get()),
                rules.passedProperty(), rules.failedProperty()));
        environmentsEditor.visibleProperty().bind(editEnvironments.selectedProperty());
        environmentsEditor.managedProperty().bind(editEnvironments.selectedProperty());
        chooseEnvironment();
    }

    /** "(none)" and the window's environments; the tab's choice stays while the names change around it. */
    private void chooseEnvironment() {
        environmentBox.setCellFactory(list -> new NameCell());
        environmentBox.setButtonCell(new NameCell());
        String chosen = rules.environmentProperty().get();
        fill();
        subscriptions.onListChange(environments.names(), (ListChangeListener<String>) change -> fill());
        // Opening a saved connection sets the tab's environment: the box follows.
        subscriptions.onChange(rules.environmentProperty(), (was, now) -> fill());
        environmentBox.setValue(chosen == null ? "" : chosen);
        environmentBox.valueProperty().addListener((o, was, now) -> {
            if (now != null) rules.environmentProperty().set(now);
        });
    }

    private void fill() {
        String chosen = rules.environmentProperty().get();
        java.util.List<String> items = new java.util.ArrayList<>();
        items.add("");
        items.addAll(environments.names());
        // A name chosen before it was taken out of the file stays shown: connect then says it is gone.
        if (chosen != null && !chosen.isEmpty() && !items.contains(chosen)) items.add(chosen);
        environmentBox.getItems().setAll(items);
        environmentBox.setValue(chosen == null ? "" : chosen);
    }

    private final class NameCell extends ListCell<String> {
        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(empty || name == null ? null : name.isEmpty() ? texts.get("rules.environment.none") : name);
        }
    }
}
