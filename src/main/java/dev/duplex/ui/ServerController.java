package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ServerState;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.WsEvent;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.duplex.model.ServerClient;

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
    @FXML private TextField pushField;
    @FXML private TableView<ServerClient> clientTable;
    @FXML private TableColumn<ServerClient, String> peerColumn;
    @FXML private TableColumn<ServerClient, String> pathColumn;
    @FXML private TableColumn<ServerClient, String> originColumn;
    @FXML private TableColumn<ServerClient, String> subprotocolColumn;
    @FXML private TableColumn<ServerClient, String> sinceColumn;
    @FXML private TableColumn<ServerClient, String> inColumn;
    @FXML private TableColumn<ServerClient, String> outColumn;
    @FXML private CheckBox refuseBox;
    @FXML private TextField refuseStatusField;
    @FXML private TextField refuseBodyField;
    @FXML private TextArea refuseHeadersField;
    @FXML private TextField subprotocolField;
    @FXML private TextField delayField;
    @FXML private TextField dropEveryField;
    @FXML private TextField closeAfterField;
    @FXML private TextField closeAfterCodeField;
    @FXML private TextField closeAfterReasonField;
    @FXML private Label behaviourStateLabel;
    @FXML private CheckBox tlsBox;
    @FXML private TextField pkcs12Field;
    @FXML private javafx.scene.control.PasswordField pkcs12PasswordField;
    @FXML private Label fingerprintLabel;
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
        pingIntervalField.disableProperty().bind(stopped.not());
        bindBehaviour();
        tlsBox.selectedProperty().bindBidirectional(model.serverTlsProperty());
        pkcs12Field.textProperty().bindBidirectional(model.serverPkcs12Property());
        pkcs12PasswordField.textProperty().bindBidirectional(model.serverPkcs12PasswordProperty());
        for (var field : new javafx.scene.Node[] {tlsBox, pkcs12Field, pkcs12PasswordField}) {
            field.disableProperty().bind(stopped.not());
        }
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.serverFingerprintProperty().get().isEmpty() ? texts.get("server.tls.hint")
                        : texts.get("server.tls.fingerprint", model.serverFingerprintProperty().get()),
                model.serverFingerprintProperty()));
        maxMessageField.textProperty().bindBidirectional(model.serverMaxMessageProperty());
        originsField.textProperty().bindBidirectional(model.serverAllowedOriginsProperty());
        maxMessageField.disableProperty().bind(stopped.not());
        originsField.disableProperty().bind(stopped.not());
        bindClientTable();
        pushField.textProperty().bindBidirectional(model.serverPushProperty());
        serverPingPayloadField.textProperty().bindBidirectional(model.serverPingPayloadProperty());
        serverCloseCodeField.textProperty().bindBidirectional(model.serverCloseCodeProperty());
        serverCloseReasonField.textProperty().bindBidirectional(model.serverCloseReasonProperty());
        framesController.bind(model.serverFrames(), model.serverTotals(), texts);
        handshakeController.bind(model.serverHandshakeProperty(), texts);
    }

    /** The behaviour switches: edited freely, applied with Apply; the line below says what is in force. */
    private void bindBehaviour() {
        refuseBox.selectedProperty().bindBidirectional(model.refuseUpgradeProperty());
        refuseStatusField.textProperty().bindBidirectional(model.refuseStatusProperty());
        refuseBodyField.textProperty().bindBidirectional(model.refuseBodyProperty());
        refuseHeadersField.textProperty().bindBidirectional(model.refuseHeadersProperty());
        subprotocolField.textProperty().bindBidirectional(model.subprotocolAnswerProperty());
        delayField.textProperty().bindBidirectional(model.replyDelayProperty());
        dropEveryField.textProperty().bindBidirectional(model.dropEveryProperty());
        closeAfterField.textProperty().bindBidirectional(model.closeAfterProperty());
        closeAfterCodeField.textProperty().bindBidirectional(model.closeAfterCodeProperty());
        closeAfterReasonField.textProperty().bindBidirectional(model.closeAfterReasonProperty());
        for (var field : new javafx.scene.Node[] {refuseStatusField, refuseBodyField, refuseHeadersField}) {
            field.disableProperty().bind(refuseBox.selectedProperty().not());
        }
        behaviourStateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> BehaviourText.describe(model.behaviourProperty().get(), texts), model.behaviourProperty()));
    }

    /** One row per connected client; choosing a row chooses whom Send, Ping and Close act on. */
    private void bindClientTable() {
        clientTable.setItems(model.serverClientRows());
        peerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().peer()));
        pathColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        originColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().origin()));
        subprotocolColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subprotocol()));
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        sinceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(time.format(c.getValue().connectedAt())));
        // "messages / bytes": the header is short, the tooltip says it whole.
        inColumn.setCellValueFactory(c -> counts(c.getValue().messagesInProperty(), c.getValue().bytesInProperty()));
        outColumn.setCellValueFactory(c -> counts(c.getValue().messagesOutProperty(), c.getValue().bytesOutProperty()));
        clientTable.getSelectionModel().selectedItemProperty().addListener((obs, before, row) -> {
            if (row != null) model.selectedClientProperty().set(row.peer());
        });
        // A newcomer is chosen when nobody is, as the model does: keep the table's selection in step.
        model.selectedClientProperty().addListener((obs, before, peer) -> selectRow(peer));
        model.serverClientRows().addListener((javafx.collections.ListChangeListener<ServerClient>) change ->
                selectRow(model.selectedClientProperty().get()));
    }

    private void selectRow(String peer) {
        ServerClient chosen = clientTable.getSelectionModel().getSelectedItem();
        if (peer == null || (chosen != null && chosen.peer().equals(peer))) return;
        for (ServerClient row : model.serverClientRows()) {
            if (row.peer().equals(peer)) {
                clientTable.getSelectionModel().select(row);
                return;
            }
        }
    }

    private static javafx.beans.value.ObservableValue<String> counts(javafx.beans.value.ObservableLongValue messages,
            javafx.beans.value.ObservableLongValue bytes) {
        return Bindings.createStringBinding(() -> messages.get() + " / " + bytes.get() + " B", messages, bytes);
    }

    @FXML
    private void applyBehaviour() {
        model.applyBehaviour();
    }

    @FXML
    private void broadcast() {
        model.broadcast();
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
