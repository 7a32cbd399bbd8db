package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ClientState;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The client's pane: binds the URL, Origin and message boxes and the event log to the model. */
public final class ClientController {
    private final ConnectionModel model;
    private final Texts texts;

    @FXML private TextField urlField;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private CheckBox sendOriginBox;
    @FXML private TextField originField;
    @FXML private TextField messageField;
    @FXML private Button sendButton;
    @FXML private Label stateLabel;
    @FXML private Label noticeLabel;
    @FXML private ListView<WsEvent> logView;
    @FXML private Label logCountLabel;
    @FXML private CheckBox autoScrollBox;

    public ClientController(ConnectionModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        urlField.textProperty().bindBidirectional(model.urlProperty());
        sendOriginBox.selectedProperty().bindBidirectional(model.sendOriginProperty());
        originField.textProperty().bindBidirectional(model.originProperty());
        originField.disableProperty().bind(sendOriginBox.selectedProperty().not());
        // The prompt shows the Origin that goes out when the box is left empty.
        originField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return WsUrl.defaultOrigin(WsUrl.parse(model.urlProperty().get()));
            } catch (WsUrl.InvalidUrlException e) {
                return texts.get("client.origin.prompt");
            }
        }, model.urlProperty()));
        messageField.textProperty().bindBidirectional(model.messageProperty());

        var state = model.clientStateProperty();
        urlField.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        connectButton.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        disconnectButton.disableProperty().bind(state.isNotEqualTo(ClientState.OPEN)
                .and(state.isNotEqualTo(ClientState.CONNECTING)));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("client.state." + state.get()), state));
        Notices.bind(noticeLabel, model.clientNoticeProperty(), texts);
        LogViews.bind(logView, model.clientLog(), EventText.Side.CLIENT, texts, logCountLabel, autoScrollBox);
    }

    @FXML
    private void connect() {
        model.connect();
    }

    @FXML
    private void disconnect() {
        model.disconnect();
    }

    @FXML
    private void send() {
        model.send();
        messageField.selectAll();
    }

    @FXML
    private void clearLog() {
        model.clearClientLog();
    }
}
