package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
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
import dev.duplex.model.server.ServerClient;

/** The embedded echo server's pane: binds the form and the log to the model, and nothing more. */
public final class ServerController {
    private final ServerModel server;
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

    public ServerController(ServerModel server, Texts texts) {
        this.server = server;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        portField.textProperty().bindBidirectional(server.portProperty());
        bindBox.getItems().setAll("127.0.0.1", "::1", "0.0.0.0");
        bindBox.getEditor().textProperty().bindBidirectional(server.bindAddressProperty());
        pathField.textProperty().bindBidirectional(server.pathProperty());
        replyBox.getItems().setAll(ReplyTemplate.ECHO.template(), ReplyTemplate.SEED.template());
        replyBox.getEditor().textProperty().bindBidirectional(server.replyTemplateProperty());
        replyHint.setText(texts.get("server.reply.hint"));

        var stopped = server.stateProperty().isEqualTo(ServerState.STOPPED);
        for (var field : new javafx.scene.Node[] {portField, bindBox, pathField, replyBox}) {
            field.disableProperty().bind(stopped.not());
        }
        startButton.disableProperty().bind(stopped.not());
        stopButton.disableProperty().bind(server.stateProperty().isNotEqualTo(ServerState.RUNNING));

        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.state." + server.stateProperty().get(), server.urlProperty().get()),
                server.stateProperty(), server.urlProperty()));
        clientsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("server.clients", server.clientCountProperty().get()), server.clientCountProperty()));
        warningLabel.visibleProperty().bind(server.allInterfacesProperty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        Notices.bind(noticeLabel, server.noticeProperty(), texts);
        LogViews.bind(logView, server.log(), EventText.Side.SERVER, texts, logCountLabel, autoScrollBox);

        serverAutoPongBox.selectedProperty().bindBidirectional(server.behaviours().autoPongProperty());
        pingIntervalField.textProperty().bindBidirectional(server.pingIntervalProperty());
        pingIntervalField.disableProperty().bind(stopped.not());
        bindBehaviour();
        tlsBox.selectedProperty().bindBidirectional(server.tlsProperty());
        pkcs12Field.textProperty().bindBidirectional(server.pkcs12Property());
        pkcs12PasswordField.textProperty().bindBidirectional(server.pkcs12PasswordProperty());
        for (var field : new javafx.scene.Node[] {tlsBox, pkcs12Field, pkcs12PasswordField}) {
            field.disableProperty().bind(stopped.not());
        }
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> server.fingerprintProperty().get().isEmpty() ? texts.get("server.tls.hint")
                        : texts.get("server.tls.fingerprint", server.fingerprintProperty().get()),
                server.fingerprintProperty()));
        maxMessageField.textProperty().bindBidirectional(server.maxMessageProperty());
        originsField.textProperty().bindBidirectional(server.allowedOriginsProperty());
        maxMessageField.disableProperty().bind(stopped.not());
        originsField.disableProperty().bind(stopped.not());
        bindClientTable();
        pushField.textProperty().bindBidirectional(server.lab().pushProperty());
        serverPingPayloadField.textProperty().bindBidirectional(server.lab().pingPayloadProperty());
        serverCloseCodeField.textProperty().bindBidirectional(server.lab().closeCodeProperty());
        serverCloseReasonField.textProperty().bindBidirectional(server.lab().closeReasonProperty());
        framesController.bind(server.wire().frames(), server.wire().totals(), texts);
        handshakeController.bind(server.wire().handshakeProperty(), texts);
    }

    /** The behaviour switches: edited freely, applied with Apply; the line below says what is in force. */
    private void bindBehaviour() {
        refuseBox.selectedProperty().bindBidirectional(server.behaviours().refuseUpgradeProperty());
        refuseStatusField.textProperty().bindBidirectional(server.behaviours().refuseStatusProperty());
        refuseBodyField.textProperty().bindBidirectional(server.behaviours().refuseBodyProperty());
        refuseHeadersField.textProperty().bindBidirectional(server.behaviours().refuseHeadersProperty());
        subprotocolField.textProperty().bindBidirectional(server.behaviours().subprotocolAnswerProperty());
        delayField.textProperty().bindBidirectional(server.behaviours().replyDelayProperty());
        dropEveryField.textProperty().bindBidirectional(server.behaviours().dropEveryProperty());
        closeAfterField.textProperty().bindBidirectional(server.behaviours().closeAfterProperty());
        closeAfterCodeField.textProperty().bindBidirectional(server.behaviours().closeAfterCodeProperty());
        closeAfterReasonField.textProperty().bindBidirectional(server.behaviours().closeAfterReasonProperty());
        for (var field : new javafx.scene.Node[] {refuseStatusField, refuseBodyField, refuseHeadersField}) {
            field.disableProperty().bind(refuseBox.selectedProperty().not());
        }
        behaviourStateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> BehaviourText.describe(server.behaviours().inForceProperty().get(), texts), server.behaviours().inForceProperty()));
    }

    /** One row per connected client; choosing a row chooses whom Send, Ping and Close act on. */
    private void bindClientTable() {
        clientTable.setItems(server.clients().rows());
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
            if (row != null) server.clients().selectedProperty().set(row.peer());
        });
        // A newcomer is chosen when nobody is, as the model does: keep the table's selection in step.
        server.clients().selectedProperty().addListener((obs, before, peer) -> selectRow(peer));
        server.clients().rows().addListener((javafx.collections.ListChangeListener<ServerClient>) change ->
                selectRow(server.clients().selectedProperty().get()));
    }

    private void selectRow(String peer) {
        ServerClient chosen = clientTable.getSelectionModel().getSelectedItem();
        if (peer == null || (chosen != null && chosen.peer().equals(peer))) return;
        for (ServerClient row : server.clients().rows()) {
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
        server.behaviours().apply();
    }

    @FXML
    private void broadcast() {
        server.lab().broadcast();
    }

    @FXML
    private void push() {
        server.lab().pushToClient();
    }

    @FXML
    private void pingClient() {
        server.lab().pingClient();
    }

    @FXML
    private void closeClient() {
        server.lab().closeClient();
    }

    @FXML
    private void start() {
        server.start();
    }

    @FXML
    private void stop() {
        server.stop();
    }

    @FXML
    private void clearLog() {
        server.clearLog();
    }
}
