package dev.duplex.ui.server;

import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ServerState;
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
    private final ConnectionModel model;
    private final Texts texts;

    @FXML private CheckBox tlsBox;
    @FXML private TextField pkcs12Field;
    @FXML private PasswordField pkcs12PasswordField;
    @FXML private Label fingerprintLabel;
    @FXML private TextField pingIntervalField;
    @FXML private TextField maxMessageField;
    @FXML private TextField originsField;

    public LimitsController(ConnectionModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        tlsBox.selectedProperty().bindBidirectional(model.serverTlsProperty());
        pkcs12Field.textProperty().bindBidirectional(model.serverPkcs12Property());
        pkcs12PasswordField.textProperty().bindBidirectional(model.serverPkcs12PasswordProperty());
        var fingerprint = model.serverFingerprintProperty();
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> fingerprint.get().isEmpty() ? texts.get("server.tls.hint")
                        : texts.get("server.tls.fingerprint", fingerprint.get()),
                fingerprint));
        pingIntervalField.textProperty().bindBidirectional(model.serverPingIntervalProperty());
        maxMessageField.textProperty().bindBidirectional(model.serverMaxMessageProperty());
        originsField.textProperty().bindBidirectional(model.serverAllowedOriginsProperty());
        var running = model.serverStateProperty().isNotEqualTo(ServerState.STOPPED);
        for (Node field : new Node[] {tlsBox, pkcs12Field, pkcs12PasswordField, pingIntervalField, maxMessageField,
                originsField}) {
            field.disableProperty().bind(running);
        }
    }
}
