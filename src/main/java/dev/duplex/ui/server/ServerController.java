package dev.duplex.ui.server;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ServerState;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.ui.Notices;
import dev.duplex.ui.frames.FramesController;
import dev.duplex.ui.handshake.HandshakeController;
import dev.duplex.ui.log.LogController;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The embedded echo server's pane: the form (port, bind address, path, reply), Start and Stop, what state
 * it is in, and its log, frames and handshake; its behaviour switches, limits and lab are panels of their own.
 */
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
    @FXML private LogController logController;
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

        var state = model.serverStateProperty();
        var stopped = state.isEqualTo(ServerState.STOPPED);
        for (Node field : new Node[] {portField, bindBox, pathField, replyBox, startButton}) {
            field.disableProperty().bind(stopped.not());
        }
        stopButton.disableProperty().bind(state.isNotEqualTo(ServerState.RUNNING));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.state." + state.get(), model.serverUrlProperty().get()),
                state, model.serverUrlProperty()));
        clientsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.clients", model.serverClientsProperty().get()), model.serverClientsProperty()));
        warningLabel.visibleProperty().bind(model.serverAllInterfacesProperty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        Notices.bind(noticeLabel, model.serverNoticeProperty(), texts);

        logController.bind(model.serverLog(), EventText.Side.SERVER, model::clearServerLog);
        framesController.bind(model.serverFrames(), model.serverTotals());
        handshakeController.bind(model.serverHandshakeProperty());
    }

    @FXML
    private void start() {
        model.startServer();
    }

    @FXML
    private void stop() {
        model.stopServer();
    }
}
