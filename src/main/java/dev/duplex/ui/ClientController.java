package dev.duplex.ui;

import dev.duplex.protocol.Utf8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Composer;
import dev.duplex.model.ClientSession;
import dev.duplex.model.ConnectionModel;
import dev.duplex.model.ConnectionModel.ClientState;
import dev.duplex.model.Notice;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The client's pane: binds the URL, the connection options, the composer, the control-frame lab and
 * the three views of the conversation (log, frames, handshake) to the model. It binds and delegates;
 * the checks live in the model.
 */
public final class ClientController {
    private final ConnectionModel model;
    /** The client tab this pane shows. */
    private final ClientSession session;
    private final Texts texts;

    @FXML private TextField urlField;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private CheckBox sendOriginBox;
    @FXML private TextField originField;
    @FXML private TextArea headersArea;
    @FXML private TextField subprotocolsField;
    @FXML private TextField timeoutField;
    @FXML private CheckBox deflateBox;
    @FXML private ComboBox<Composer.Mode> modeBox;
    @FXML private TextArea messageField;
    @FXML private Button sendButton;
    @FXML private Label sizeLabel;
    @FXML private Button formatButton;
    @FXML private ComboBox<Composer.Saved> savedBox;
    @FXML private TextField saveNameField;
    @FXML private TextField pingPayloadField;
    @FXML private TextField pingEveryField;
    @FXML private Button periodicButton;
    @FXML private CheckBox autoPongBox;
    @FXML private TextField closeCodeField;
    @FXML private TextField closeReasonField;
    @FXML private Label closeHint;
    @FXML private TextField fragmentSizeField;
    @FXML private Label stateLabel;
    @FXML private Label noticeLabel;
    @FXML private Button trustButton;
    @FXML private ListView<WsEvent> logView;
    @FXML private Label logCountLabel;
    @FXML private CheckBox autoScrollBox;
    @FXML private TextField collectionField;
    @FXML private TextField connectionNameField;
    @FXML private ComboBox<ConnectionStore.SavedConnection> savedConnectionsBox;
    @FXML private Button openConnectionButton;
    @FXML private Button deleteConnectionButton;
    @FXML private Label burstTemplateLabel;
    @FXML private TextField burstTemplateField;
    @FXML private TextField burstCountField;
    @FXML private TextField burstEveryField;
    @FXML private Button burstStartButton;
    @FXML private Button burstStopButton;
    @FXML private Label burstStatsLabel;
    @FXML private LineChart<Number, Number> rttChart;
    @FXML private FramesController framesController;
    @FXML private HandshakeController handshakeController;

    public ClientController(ConnectionModel model, ClientSession session, Texts texts) {
        this.model = model;
        this.session = session;
        this.texts = texts;
    }

    /** Saving the connection under a collection and name, and opening a saved one again. */
    private void bindSavedConnections() {
        collectionField.setPromptText(ConnectionModel.DEFAULT_COLLECTION);
        collectionField.textProperty().bindBidirectional(session.connectionCollectionProperty());
        connectionNameField.textProperty().bindBidirectional(session.connectionNameProperty());
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

    /** Burst and periodic sending: the form, the running numbers and the live round-trip chart. */
    private void bindBurst() {
        burstTemplateLabel.setText(texts.get("burst.template"));
        burstTemplateField.textProperty().bindBidirectional(session.burstTemplateProperty());
        burstCountField.textProperty().bindBidirectional(session.burstCountProperty());
        burstEveryField.textProperty().bindBidirectional(session.burstEveryProperty());
        var open = session.clientStateProperty().isEqualTo(ClientState.OPEN);
        burstStartButton.disableProperty().bind(open.not().or(session.burstingProperty()));
        burstStopButton.disableProperty().bind(session.burstingProperty().not());
        burstStatsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ClientSession.BurstStats b = session.burstStatsProperty().get();
            if (b == null) return texts.get("burst.idle");
            return texts.get("burst.stats", Integer.toString(b.sent()), Integer.toString(b.count()),
                    Integer.toString(b.answered()), String.format(java.util.Locale.ROOT, "%.0f", b.perSecond()),
                    ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.max()));
        }, session.burstStatsProperty()));
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        rttChart.getData().add(series);
        // Rebuilt once per batch of replies (the model changes the list once per batch), at most 300 points.
        session.recentRoundTrips().addListener((javafx.collections.ListChangeListener<Double>) change -> {
            var points = new java.util.ArrayList<XYChart.Data<Number, Number>>(session.recentRoundTrips().size());
            int i = 0;
            for (Double ms : session.recentRoundTrips()) points.add(new XYChart.Data<>(i++, ms));
            series.getData().setAll(points);
        });
    }

    private static String ms(double value) {
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    @FXML
    private void trustCertificate() {
        session.trustRefusedCertificate();
    }

    @FXML
    private void startBurst() {
        session.startBurst();
    }

    @FXML
    private void stopBurst() {
        session.stopBurst();
    }

    @FXML
    private void initialize() {
        urlField.textProperty().bindBidirectional(session.urlProperty());
        sendOriginBox.selectedProperty().bindBidirectional(session.sendOriginProperty());
        originField.textProperty().bindBidirectional(session.originProperty());
        originField.disableProperty().bind(sendOriginBox.selectedProperty().not());
        // The prompt shows the Origin that goes out when the box is left empty.
        originField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return WsUrl.defaultOrigin(WsUrl.parse(session.urlProperty().get()));
            } catch (WsUrl.InvalidUrlException e) {
                return texts.get("client.origin.prompt");
            }
        }, session.urlProperty()));
        headersArea.textProperty().bindBidirectional(session.headersProperty());
        subprotocolsField.textProperty().bindBidirectional(session.subprotocolsProperty());
        timeoutField.textProperty().bindBidirectional(session.connectTimeoutProperty());
        deflateBox.selectedProperty().bindBidirectional(session.deflateProperty());

        Composer composer = session.composer();
        messageField.textProperty().bindBidirectional(composer.textProperty());
        modeBox.getItems().setAll(Composer.Mode.values());
        modeBox.setConverter(EnumNames.converter(texts, "composer.mode."));
        modeBox.valueProperty().bindBidirectional(composer.modeProperty());
        modeBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Composer.Mode mode, boolean empty) {
                super.updateItem(mode, empty);
                setText(empty || mode == null ? null : texts.get("composer.mode." + mode.name()));
            }
        });
        formatButton.disableProperty().bind(composer.modeProperty().isNotEqualTo(Composer.Mode.JSON));
        sizeLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = composer.statusProperty().get();
            return n == null ? "" : texts.get(n.key(), n.args().toArray());
        }, composer.statusProperty()));
        // A long complaint (bad JSON, a stray character in hex) is cut in the row; hover shows all of it.
        javafx.scene.control.Tooltip sizeTip = new javafx.scene.control.Tooltip();
        sizeTip.textProperty().bind(sizeLabel.textProperty());
        sizeTip.setWrapText(true);
        sizeTip.setMaxWidth(500);
        sizeLabel.setTooltip(sizeTip);
        savedBox.setItems(composer.saved());
        savedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Composer.Saved s) {
                return s == null ? "" : s.name();
            }

            @Override
            public Composer.Saved fromString(String name) {
                return null;
            }
        });
        savedBox.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                composer.load(chosen);
                saveNameField.setText(chosen.name());
            }
        });
        messageField.addEventFilter(KeyEvent.KEY_PRESSED, this::messageKeys);

        pingPayloadField.textProperty().bindBidirectional(session.pingPayloadProperty());
        pingEveryField.textProperty().bindBidirectional(session.pingEveryProperty());
        periodicButton.textProperty().bind(Bindings.when(session.pingingProperty())
                .then(texts.get("lab.stopPinging")).otherwise(texts.get("lab.startPinging")));
        autoPongBox.selectedProperty().bindBidirectional(session.autoPongProperty());
        closeCodeField.textProperty().bindBidirectional(session.closeCodeProperty());
        closeReasonField.textProperty().bindBidirectional(session.closeReasonProperty());
        closeHint.textProperty().bind(Bindings.createStringBinding(() -> closeHintText(),
                session.closeCodeProperty(), session.closeReasonProperty()));
        fragmentSizeField.textProperty().bindBidirectional(session.fragmentSizeProperty());

        var state = session.clientStateProperty();
        urlField.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        connectButton.disableProperty().bind(state.isNotEqualTo(ClientState.DISCONNECTED));
        disconnectButton.disableProperty().bind(state.isNotEqualTo(ClientState.OPEN)
                .and(state.isNotEqualTo(ClientState.CONNECTING)));
        stateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("client.state." + state.get()), state));
        Notices.bind(noticeLabel, session.clientNoticeProperty(), texts);
        // Offered only after a refusal the user may overrule: a self-signed or expired certificate.
        trustButton.visibleProperty().bind(session.refusedCertificateProperty().isNotNull());
        trustButton.managedProperty().bind(trustButton.visibleProperty());
        LogViews.bind(logView, session.clientLog(), EventText.Side.CLIENT, texts, logCountLabel, autoScrollBox);
        framesController.bind(session.clientFrames(), session.clientTotals(), texts);
        handshakeController.bind(session.clientHandshakeProperty(), texts);
        bindBurst();
        bindSavedConnections();
    }

    /** Enter sends (Shift+Enter is a new line); Up and Down at the first or last line walk the history. */
    private void messageKeys(KeyEvent key) {
        String text = messageField.getText() == null ? "" : messageField.getText();
        int caret = messageField.getCaretPosition();
        if (key.getCode() == KeyCode.ENTER && !key.isShiftDown() && !key.isShortcutDown()) {
            key.consume();
            send();
        } else if (key.getCode() == KeyCode.UP && text.lastIndexOf('\n', Math.max(0, caret - 1)) < 0) {
            key.consume();
            session.composer().previous();
            messageField.end();
        } else if (key.getCode() == KeyCode.DOWN && text.indexOf('\n', caret) < 0) {
            key.consume();
            session.composer().next();
            messageField.end();
        }
    }

    /** Says, as the user types, whether the close goes out as a proper closing handshake or as typed. */
    private String closeHintText() {
        String code = session.closeCodeProperty().get() == null ? "" : session.closeCodeProperty().get().strip();
        int bytes = Utf8.bytes(session.closeReasonProperty().get() == null ? ""
                : session.closeReasonProperty().get()).length;
        if (code.isEmpty()) return texts.get("lab.close.noCode");
        try {
            int c = Integer.parseInt(code);
            String meaning = new EventText(texts).closeMeaning(c);
            if (!dev.duplex.protocol.CloseCodes.sendable(c)) return texts.get("lab.close.invalidCode", c, meaning);
            if (bytes > 123) return texts.get("lab.close.longReason", bytes);
            return texts.get("lab.close.valid", c, meaning, bytes);
        } catch (NumberFormatException e) {
            return texts.get("form.closeCode");
        }
    }

    @FXML
    private void connect() {
        session.connect();
    }

    @FXML
    private void disconnect() {
        session.disconnect();
    }

    @FXML
    private void send() {
        session.send();
        messageField.selectAll();
    }

    @FXML
    private void sendFragmented() {
        session.sendFragmented();
    }

    @FXML
    private void ping() {
        session.ping();
    }

    @FXML
    private void pong() {
        session.pong();
    }

    @FXML
    private void togglePeriodicPing() {
        session.togglePeriodicPing();
    }

    @FXML
    private void closeWith() {
        session.closeWith();
    }

    @FXML
    private void formatJson() {
        session.composer().formatJson();
    }

    @FXML
    private void saveMessage() {
        session.composer().save(saveNameField.getText());
    }

    /** Loads a file into the box: as text when it is UTF-8 text, else as hex. */
    @FXML
    private void loadFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("composer.load"));
        File file = chooser.showOpenDialog(messageField.getScene().getWindow());
        if (file == null) return;
        try {
            if (Files.size(file.toPath()) > Composer.MAX_FILE_BYTES) {
                session.composer().loadFailed(Notice.of("composer.tooBig", file.getName(), Composer.MAX_FILE_BYTES));
                return;
            }
            session.composer().loadBytes(Files.readAllBytes(file.toPath()));
        } catch (IOException e) {
            session.composer().loadFailed(Notice.of("composer.cannotRead", file.getName(), String.valueOf(e.getMessage())));
        }
    }

    @FXML
    private void clearLog() {
        session.clearClientLog();
    }

    // ---- keeping and sharing: the File menu above the log ----

    @FXML
    private void saveJsonl() {
        File file = chooseFile(true, "conversation.jsonl", new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        if (file != null) session.saveConversation(file.toPath());
    }

    @FXML
    private void saveHar() {
        File file = chooseFile(true, "conversation.har", new FileChooser.ExtensionFilter("HAR", "*.har"));
        if (file != null) session.saveConversation(file.toPath());
    }

    /** The log as it reads on screen, in the window's language. */
    @FXML
    private void saveLog() {
        File file = chooseFile(true, "duplex-log.txt", new FileChooser.ExtensionFilter("Text", "*.txt"));
        if (file == null) return;
        EventText format = new EventText(texts);
        session.saveText(file.toPath(), session.clientLog().events().stream()
                .map(e -> format.line(e, EventText.Side.CLIENT).toString()).toList());
    }

    @FXML
    private void openConversation() {
        File file = chooseFile(false, null, new FileChooser.ExtensionFilter("JSON Lines, HAR", "*.jsonl", "*.har"),
                new FileChooser.ExtensionFilter("*", "*"));
        if (file != null) session.openConversation(file.toPath());
    }

    private File chooseFile(boolean save, String suggested, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().setAll(filters);
        if (suggested != null) chooser.setInitialFileName(suggested);
        var window = messageField.getScene().getWindow();
        return save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
    }
}
