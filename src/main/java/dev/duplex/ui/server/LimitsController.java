package dev.duplex.ui.server;

import dev.duplex.i18n.Texts;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The server's "Limits and pings": wss:// with Duplex's own certificate or a PKCS#12 file (and the
 * fingerprint served), how often to ping clients, the largest message and the allowed Origins. Like the
 * form above it, all of it is taken at Start, so it is locked while the server runs.
 */
public final class LimitsController {
    private final ServerModel server;
    private final Texts texts;

    @FXML private CheckBox tlsBox;
    @FXML private CheckBox deflateBox;
    @FXML private TextField deflateParamsField;
    @FXML private TextField pkcs12Field;
    @FXML private PasswordField pkcs12PasswordField;
    @FXML private Label fingerprintLabel;
    @FXML private TextField pingIntervalField;
    @FXML private TextField maxMessageField;
    @FXML private TextField originsField;

    public LimitsController(ServerModel server, Texts texts) {
        this.server = server;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        tlsBox.selectedProperty().bindBidirectional(server.tlsProperty());
        pkcs12Field.textProperty().bindBidirectional(server.pkcs12Property());
        pkcs12PasswordField.textProperty().bindBidirectional(server.pkcs12PasswordProperty());
        var fingerprint = server.fingerprintProperty();
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> fingerprint.get().isEmpty() ? texts.get("server.tls.hint")
                        : texts.get("server.tls.fingerprint", fingerprint.get()),
                fingerprint));
        // Not locked while running: the server takes it from the next connection on.
        deflateBox.selectedProperty().bindBidirectional(server.deflateProperty());
        deflateParamsField.textProperty().bindBidirectional(server.deflateParamsProperty());
        deflateParamsField.disableProperty().bind(deflateBox.selectedProperty().not());
        pingIntervalField.textProperty().bindBidirectional(server.pingIntervalProperty());
        maxMessageField.textProperty().bindBidirectional(server.maxMessageProperty());
        originsField.textProperty().bindBidirectional(server.allowedOriginsProperty());
        var running = server.stateProperty().isNotEqualTo(ServerState.STOPPED);
        for (Node field : new Node[] {tlsBox, pkcs12Field, pkcs12PasswordField, pingIntervalField, maxMessageField,
                originsField}) {
            field.disableProperty().bind(running);
        }
    }
}
