package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ServerState;
import dev.duplex.net.ReplyTemplate;
import dev.duplex.net.WsEvent;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The embedded echo server's pane: binds the form and the log to the model, and nothing more. */
public final class ServerController {
    private final ConnectionModel model;
    private final Texts texts;

    @FXML private TextField portField;
    @FXML private ComboBox<String> bindBox;
    @FXML private TextField pathField;
    @FXML private ComboBox<String> replyBox;
    /** Set here, not in FXML: FXML's %key takes the text raw, and this one holds MessageFormat braces. */
    @FXML private Label replyHint;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label stateLabel;
    @FXML private Label clientsLabel;
    @FXML private Label warningLabel;
    @FXML private Label noticeLabel;
    @FXML private ListView<WsEvent> logView;
    @FXML private Label logCountLabel;
    @FXML private CheckBox autoScrollBox;
    @FXML private CheckBox serverAutoPongBox;
    @FXML private TextField maxMessageField;
    @FXML private TextField originsField;
    @FXML private TextField pingIntervalField;
    @FXML private ComboBox<String> clientBox;
    @FXML private TextField pushField;
    @FXML private TextField serverPingPayloadField;
    @FXML private TextField serverCloseCodeField;
    @FXML private TextField serverCloseReasonField;
    @FXML private FramesController framesController;
    @FXML private HandshakeController handshakeController;

    public ServerController(ConnectionModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        portField.textProperty().bindBidirectional(model.portProperty());
        bindBox.getItems().setAll("127.0.0.1", "::1", "0.0.0.0");
        bindBox.getEditor().textProperty().bindBidirectional(model.bindAddressProperty());
        pathField.textProperty().bindBidirectional(model.pathProperty());
        replyBox.getItems().setAll(ReplyTemplate.ECHO.template(), ReplyTemplate.SEED.template());
        replyBox.getEditor().textProperty().bindBidirectional(model.replyTemplateProperty());
        replyHint.setText(texts.get("server.reply.hint"));

        var stopped = model.serverStateProperty().isEqualTo(ServerState.STOPPED);
        for (var field : new javafx.scene.Node[] {portField, bindBox, pathField, replyBox}) {
            field.disableProperty().bind(stopped.not());
        }
        startButton.disableProperty().bind(stopped.not());
        stopButton.disableProperty().bind(model.serverStateProperty().isNotEqualTo(ServerState.RUNNING));

        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.state." + model.serverStateProperty().get(), model.serverUrlProperty().get()),
                model.serverStateProperty(), model.serverUrlProperty()));
        clientsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.clients", model.serverClientsProperty().get()), model.serverClientsProperty()));
        warningLabel.visibleProperty().bind(model.serverAllInterfacesProperty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        Notices.bind(noticeLabel, model.serverNoticeProperty(), texts);
        LogViews.bind(logView, model.serverLog(), EventText.Side.SERVER, texts, logCountLabel, autoScrollBox);

        serverAutoPongBox.selectedProperty().bindBidirectional(model.serverAutoPongProperty());
        pingIntervalField.textProperty().bindBidirectional(model.serverPingIntervalProperty());
        serverAutoPongBox.disableProperty().bind(stopped.not());
        pingIntervalField.disableProperty().bind(stopped.not());
        maxMessageField.textProperty().bindBidirectional(model.serverMaxMessageProperty());
        originsField.textProperty().bindBidirectional(model.serverAllowedOriginsProperty());
        maxMessageField.disableProperty().bind(stopped.not());
        originsField.disableProperty().bind(stopped.not());
        clientBox.setItems(model.serverClientList());
        clientBox.valueProperty().bindBidirectional(model.selectedClientProperty());
        pushField.textProperty().bindBidirectional(model.serverPushProperty());
        serverPingPayloadField.textProperty().bindBidirectional(model.serverPingPayloadProperty());
        serverCloseCodeField.textProperty().bindBidirectional(model.serverCloseCodeProperty());
        serverCloseReasonField.textProperty().bindBidirectional(model.serverCloseReasonProperty());
        framesController.bind(model.serverFrames(), model.serverTotals(), texts);
        handshakeController.bind(model.serverHandshakeProperty(), texts);
    }

    @FXML
    private void push() {
        model.pushToClient();
    }

    @FXML
    private void pingClient() {
        model.pingClient();
    }

    @FXML
    private void closeClient() {
        model.closeClient();
    }

    @FXML
    private void start() {
        model.startServer();
    }

    @FXML
    private void stop() {
        model.stopServer();
    }

    @FXML
    private void clearLog() {
        model.clearServerLog();
    }
}
