package dev.duplex.ui.options;

import dev.duplex.i18n.Texts;
import dev.duplex.model.ClientSession;
import dev.duplex.model.ConnectionModel;
import dev.duplex.net.WsUrl;
import dev.duplex.settings.ConnectionStore;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * A client tab's connection options (Origin, extra headers, subprotocols, permessage-deflate, connect
 * timeout), and saving the connection under a collection and name, or opening a saved one again.
 */
public final class OptionsController {
    private final ConnectionModel model;
    private final ClientSession tab;
    private final Texts texts;

    @FXML private CheckBox sendOriginBox;
    @FXML private TextField originField;
    @FXML private TextArea headersArea;
    @FXML private TextField subprotocolsField;
    @FXML private TextField timeoutField;
    @FXML private CheckBox deflateBox;
    @FXML private TextField collectionField;
    @FXML private TextField connectionNameField;
    @FXML private ComboBox<ConnectionStore.SavedConnection> savedConnectionsBox;
    @FXML private Button openConnectionButton;
    @FXML private Button deleteConnectionButton;

    public OptionsController(ConnectionModel model, ClientSession tab, Texts texts) {
        this.model = model;
        this.tab = tab;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        sendOriginBox.selectedProperty().bindBidirectional(tab.sendOriginProperty());
        originField.textProperty().bindBidirectional(tab.originProperty());
        originField.disableProperty().bind(sendOriginBox.selectedProperty().not());
        // The prompt shows the Origin that goes out when the box is left empty.
        originField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return WsUrl.defaultOrigin(WsUrl.parse(tab.urlProperty().get()));
            } catch (WsUrl.InvalidUrlException e) {
                return texts.get("client.origin.prompt");
            }
        }, tab.urlProperty()));
        headersArea.textProperty().bindBidirectional(tab.headersProperty());
        subprotocolsField.textProperty().bindBidirectional(tab.subprotocolsProperty());
        timeoutField.textProperty().bindBidirectional(tab.connectTimeoutProperty());
        deflateBox.selectedProperty().bindBidirectional(tab.deflateProperty());
        bindSavedConnections();
    }

    private void bindSavedConnections() {
        collectionField.setPromptText(ConnectionModel.DEFAULT_COLLECTION);
        collectionField.textProperty().bindBidirectional(tab.connectionCollectionProperty());
        connectionNameField.textProperty().bindBidirectional(tab.connectionNameProperty());
        savedConnectionsBox.setItems(model.savedConnections());
        savedConnectionsBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionStore.SavedConnection c) {
                return c == null ? "" : c.label() + "  (" + c.url() + ")";
            }

            @Override
            public ConnectionStore.SavedConnection fromString(String s) {
                return null; // not editable
            }
        });
        var none = savedConnectionsBox.valueProperty().isNull();
        openConnectionButton.disableProperty().bind(none);
        deleteConnectionButton.disableProperty().bind(none);
    }

    @FXML
    private void saveConnection() {
        model.saveConnection();
    }

    @FXML
    private void openConnection() {
        model.openConnection(savedConnectionsBox.getValue());
    }

    @FXML
    private void deleteConnection() {
        model.deleteConnection(savedConnectionsBox.getValue());
        savedConnectionsBox.setValue(null);
    }
}
