package dev.duplex.ui.decode;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.decode.AppProtocols;
import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.decode.Decoding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/** The Application protocol panel of a client tab: the protocol chosen, its heartbeat, and its commands. */
public final class DecodeController {
    private final Decoding decoding;
    private final ObservableValue<ClientState> state;
    private final Texts texts;

    @FXML private ComboBox<String> protocolBox;
    @FXML private CheckBox heartbeatBox;
    @FXML private Label commandsLabel;
    @FXML private javafx.scene.control.TextField loginField;
    @FXML private javafx.scene.control.PasswordField passwordField;
    @FXML private javafx.scene.control.TextField connectionInitField;
    @FXML private javafx.scene.control.TextField virtualHostField;
    @FXML private javafx.scene.control.TextField willField;

    public DecodeController(Decoding decoding, ObservableValue<ClientState> state, Texts texts) {
        this.decoding = decoding;
        this.state = state;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        List<String> names = new ArrayList<>();
        names.add(Decoding.NONE);
        names.addAll(AppProtocols.NAMES);
        protocolBox.getItems().setAll(names);
        protocolBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : name.isEmpty() ? texts.get("decode.choice.none") : texts.has("decode.choice." + name)
                        ? texts.get("decode.choice." + name) : name;
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        });
        protocolBox.valueProperty().bindBidirectional(decoding.protocolProperty());
        heartbeatBox.selectedProperty().bindBidirectional(decoding.heartbeatProperty());
        // The protocol is chosen at connect: changed while connected, it speaks from the next connection.
        protocolBox.disableProperty().bind(state.map(s -> s != ClientState.DISCONNECTED));
        heartbeatBox.disableProperty().bind(protocolBox.disableProperty());
        loginField.textProperty().bindBidirectional(decoding.loginProperty());
        passwordField.textProperty().bindBidirectional(decoding.passwordProperty());
        loginField.disableProperty().bind(protocolBox.disableProperty());
        passwordField.disableProperty().bind(protocolBox.disableProperty());
        connectionInitField.textProperty().bindBidirectional(decoding.connectionInitProperty());
        virtualHostField.textProperty().bindBidirectional(decoding.virtualHostProperty());
        virtualHostField.disableProperty().bind(protocolBox.disableProperty());
        willField.textProperty().bindBidirectional(decoding.willProperty());
        willField.disableProperty().bind(protocolBox.disableProperty());
        connectionInitField.disableProperty().bind(protocolBox.disableProperty());
        commandsLabel.textProperty().bind(decoding.protocolProperty().map(this::commands));
    }

    /** The commands the chosen protocol takes in the message box, or how to pick one. */
    private String commands(String name) {
        if (name == null || name.isEmpty()) return texts.get("decode.commands.none");
        String key = "decode.commands." + name;
        return texts.has(key) ? texts.get(key) : "";
    }
}
