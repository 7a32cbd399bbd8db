package dev.duplex.ui.options;

import dev.duplex.i18n.Texts;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.client.ConnectionOptions;
import dev.duplex.model.library.SavedConnections;
import dev.duplex.net.WsUrl;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.settings.ConnectionStore;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * A client tab's connection options (Origin, extra headers, subprotocols, permessage-deflate, connect
 * timeout, proxy), and saving the connection under a collection and name, or opening a saved one again.
 */
public final class OptionsController {
    private final SavedConnections connections;
    private final ClientTab tab;
    private final ConnectionOptions options;
    private final Texts texts;

    @FXML private CheckBox sendOriginBox;
    @FXML private TextField originField;
    @FXML private TextArea headersArea;
    @FXML private TextField subprotocolsField;
    @FXML private TextField timeoutField;
    @FXML private CheckBox deflateBox;
    @FXML private TextField deflateParamsField;
    @FXML private TextField proxyField;
    @FXML private TextField collectionField;
    @FXML private TextField connectionNameField;
    @FXML private CheckBox saveSecretsBox;
    @FXML private ComboBox<ConnectionStore.SavedConnection> savedConnectionsBox;
    @FXML private Button openConnectionButton;
    @FXML private Button deleteConnectionButton;
    @FXML private TextField clientCertField;
    @FXML private TextField clientKeyField;
    @FXML private PasswordField clientPasswordField;
    @FXML private TextField caFileField;

    public OptionsController(SavedConnections connections, ClientTab tab, Texts texts) {
        this.connections = connections;
        this.tab = tab;
        this.options = tab.options();
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        sendOriginBox.selectedProperty().bindBidirectional(options.sendOriginProperty());
        originField.textProperty().bindBidirectional(options.originProperty());
        originField.disableProperty().bind(sendOriginBox.selectedProperty().not());
        // The prompt shows the Origin that goes out when the box is left empty.
        originField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return WsUrl.defaultOrigin(WsUrl.parse(tab.urlProperty().get()));
            } catch (WsUrl.InvalidUrlException e) {
                return texts.get("client.origin.prompt");
            }
        }, tab.urlProperty()));
        headersArea.textProperty().bindBidirectional(options.headersProperty());
        subprotocolsField.textProperty().bindBidirectional(options.subprotocolsProperty());
        timeoutField.textProperty().bindBidirectional(options.connectTimeoutProperty());
        deflateBox.selectedProperty().bindBidirectional(options.deflateProperty());
        deflateParamsField.textProperty().bindBidirectional(options.deflateParamsProperty());
        deflateParamsField.disableProperty().bind(deflateBox.selectedProperty().not());
        proxyField.textProperty().bindBidirectional(options.proxyProperty());
        // Left empty, the field shows what the environment gives this URL, and from which variable.
        proxyField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            ProxyRoute route = tab.routeProperty().get();
            boolean fromEnvironment = route != null && switch (route.reason()) {
                case ENVIRONMENT, NO_PROXY, NOTHING_SET, BAD_VARIABLE -> true;
                default -> false;
            };
            return fromEnvironment ? texts.get("client.proxy.prompt." + route.reason().name(),
                    route.proxy() == null ? "" : route.proxy().shown(), route.variable()) : texts.get("client.proxy.prompt");
        }, tab.routeProperty()));
        bindSavedConnections();
        clientCertField.textProperty().bindBidirectional(options.clientCertProperty());
        clientKeyField.textProperty().bindBidirectional(options.clientKeyProperty());
        clientPasswordField.textProperty().bindBidirectional(options.clientCertPasswordProperty());
        caFileField.textProperty().bindBidirectional(options.caFileProperty());
    }

    @FXML
    private void chooseClientCert() {
        choose(clientCertField, "client.tls.cert", "*.p12", "*.pfx", "*.pem", "*.crt", "*.cer");
    }

    @FXML
    private void chooseClientKey() {
        choose(clientKeyField, "client.tls.key", "*.key", "*.pem");
    }

    @FXML
    private void chooseCaFile() {
        choose(caFileField, "client.tls.ca", "*.pem", "*.crt", "*.cer");
    }

    /** A file chooser for one field; only the path is taken here, the file is read when connecting, off the FX thread. */
    private void choose(TextField field, String title, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(title));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(texts.get(title), patterns),
                new FileChooser.ExtensionFilter(texts.get("client.tls.anyFile"), "*"));
        java.io.File chosen = chooser.showOpenDialog(field.getScene().getWindow());
        if (chosen != null) field.setText(chosen.getPath());
    }

    private void bindSavedConnections() {
        collectionField.setPromptText(SavedConnections.DEFAULT_COLLECTION);
        collectionField.textProperty().bindBidirectional(options.collectionProperty());
        connectionNameField.textProperty().bindBidirectional(options.nameProperty());
        saveSecretsBox.selectedProperty().bindBidirectional(options.saveSecretsProperty());
        savedConnectionsBox.setItems(connections.all());
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
        connections.save(tab);
    }

    @FXML
    private void openConnection() {
        connections.open(savedConnectionsBox.getValue(), tab);
    }

    @FXML
    private void deleteConnection() {
        connections.delete(savedConnectionsBox.getValue(), tab);
        savedConnectionsBox.setValue(null);
    }
}
